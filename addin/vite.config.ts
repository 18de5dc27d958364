/**
 * The task pane's Vite configuration, used by `npm run build:addin` and merged by the local
 * stack's dev server (scripts/local-stack/addin-server.ts), which adds the /api proxy.
 * The plugin and settings live in scripts/addin-build/ (see there for what each setting does).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import { readAddinSettings } from '../scripts/addin-build/addin-settings';
import { samladAddinPlugin } from '../scripts/addin-build/vite-plugin';

const addinDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(addinDir, '..');

/**
 * Excel only loads add-ins over https, localhost included. For sideloading, point
 * SAMLAD_DEV_CERT and SAMLAD_DEV_KEY at a trusted development certificate (PEM) and the dev
 * server answers https on the same port.
 */
function devHttps(): { cert: Buffer; key: Buffer } | undefined {
  const cert = process.env.SAMLAD_DEV_CERT;
  const key = process.env.SAMLAD_DEV_KEY;
  return cert && key ? { cert: readFileSync(cert), key: readFileSync(key) } : undefined;
}

export default defineConfig(() => {
  const settings = readAddinSettings(process.env, repoRoot);
  const https = devHttps();
  return {
    ...(https ? { server: { https } } : {}),
    root: addinDir,
    // Relative asset URLs: the pane works from any base path the host serves it under.
    base: './',
    plugins: [samladAddinPlugin({ repoRoot, settings })],
    build: {
      outDir: path.join(repoRoot, 'dist', 'pane'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      // msal-browser is loaded on demand (only with Entra sign-in), so its chunk may be large.
      chunkSizeWarningLimit: 600,
      rolldownOptions: {
        input: {
          main: path.join(addinDir, 'index.html'),
          commands: path.join(addinDir, 'commands.html'),
          dialog: path.join(addinDir, 'auth-dialog.html'),
          redirect: path.join(addinDir, 'auth-redirect.html'),
        },
      },
    },
  };
});
