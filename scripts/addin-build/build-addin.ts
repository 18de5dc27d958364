/**
 * `npm run build:addin`: bundles the task pane with Vite into dist/pane/ and writes the
 * environment's manifest into dist/manifest/. Settings: see addin-settings.ts (none needed for dev).
 */
import path from 'node:path';
import { readAddinSettings, repoRootFrom } from './addin-settings';
import { writeManifest } from './build-manifest';

export const PANE_OUT_DIR = path.join('dist', 'pane');

async function main(): Promise<void> {
  const repoRoot = repoRootFrom(__dirname);
  const settings = readAddinSettings(process.env, repoRoot);
  // Vite is ESM-only; a dynamic import keeps this CommonJS build able to load it.
  const { build } = await import('vite');
  await build({
    configFile: path.join(repoRoot, 'addin', 'vite.config.ts'),
    configLoader: 'runner',
    root: path.join(repoRoot, 'addin'),
    logLevel: 'warn',
  });
  const manifest = writeManifest(repoRoot, settings);
  console.log(
    `Task pane (${settings.environment}) built into ${PANE_OUT_DIR}/; manifest ${path.relative(repoRoot, manifest)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
