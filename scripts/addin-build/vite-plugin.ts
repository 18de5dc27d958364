/**
 * The task pane's Vite plugin: what the pages need besides the bundle.
 *
 * - office.js: a `<script>` at the top of every page with the configured URL. In development
 *   (and for tests) that is `/office-js/office.js`, served here from the @microsoft/office-js
 *   package, because the hosted copy cannot be fetched offline and the page then fails with
 *   "Office is not defined". Production builds use Microsoft's hosted office.js (configured).
 * - icons: drawn at build time (icons.ts), served by the dev server and emitted into the build.
 * - samlad-config.json: the runtime configuration, from the build settings.
 * - security headers (security-headers.ts): sent by the dev server, and written for Static Web
 *   Apps as staticwebapp.config.json.
 *
 * Only type imports from vite: this file is also compiled to CommonJS with the rest of scripts/.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';
import type { AddinSettings } from './addin-settings';
import { LOCAL_OFFICE_JS_PATH } from './addin-settings';
import { drawAllIcons } from './icons';
import { paneSecurityHeaders, STATIC_WEB_APP_CONFIG_FILE, staticWebAppConfig } from './security-headers';

export const RUNTIME_CONFIG_FILE = 'samlad-config.json';
const OFFICE_JS_PREFIX = path.posix.dirname(LOCAL_OFFICE_JS_PATH) + '/';

type Next = (error?: unknown) => void;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

/** Serves office.js and its per-host scripts from the package, refusing anything outside it. */
export function officeJsMiddleware(repoRoot: string) {
  const dist = path.join(repoRoot, 'node_modules', '@microsoft', 'office-js', 'dist');
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const url = (req.url ?? '').split('?')[0] ?? '';
    if (!url.startsWith(OFFICE_JS_PREFIX)) return next();
    const file = path.join(dist, decodeURIComponent(url.slice(OFFICE_JS_PREFIX.length)));
    if (!file.startsWith(dist + path.sep)) {
      res.statusCode = 403;
      res.end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'max-age=3600');
    createReadStream(file).pipe(res);
  };
}

export function samladAddinPlugin(options: { repoRoot: string; settings: AddinSettings }): Plugin {
  const icons = drawAllIcons();
  const runtimeConfig = JSON.stringify(options.settings.runtimeConfig, null, 2);
  const serveGenerated = (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const url = ((req.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
    const icon = icons.get(url);
    if (icon) {
      res.setHeader('Content-Type', 'image/png');
      res.end(icon);
      return;
    }
    if (url === RUNTIME_CONFIG_FILE) {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-store');
      res.end(runtimeConfig);
      return;
    }
    next();
  };
  const officeJs = officeJsMiddleware(options.repoRoot);
  return {
    name: 'samlad-addin',
    config() {
      const headers = paneSecurityHeaders(options.settings, 'dev');
      return { server: { headers }, preview: { headers } };
    },
    transformIndexHtml() {
      return [{ tag: 'script', attrs: { src: options.settings.officeJsUrl }, injectTo: 'head-prepend' }];
    },
    configureServer(server) {
      server.middlewares.use(serveGenerated);
      server.middlewares.use(officeJs);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveGenerated);
      server.middlewares.use(officeJs);
    },
    generateBundle() {
      for (const [fileName, source] of icons) this.emitFile({ type: 'asset', fileName, source });
      this.emitFile({ type: 'asset', fileName: RUNTIME_CONFIG_FILE, source: runtimeConfig });
      this.emitFile({
        type: 'asset',
        fileName: STATIC_WEB_APP_CONFIG_FILE,
        source: JSON.stringify(staticWebAppConfig(options.settings), null, 2),
      });
    },
  };
}
