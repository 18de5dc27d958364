/**
 * Serves the built task pane (dist/pane, from `npm run build`) the way a static host does, with
 * the headers of its staticwebapp.config.json (so the pane runs under its own CSP), on a free
 * loopback port, with /api proxied to a test host and office.js served from the
 * @microsoft/office-js package (the dev/test build points at /office-js/office.js).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { officeJsMiddleware } from '../../../scripts/addin-build/vite-plugin';

export interface PaneServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.map': 'application/json',
};

async function proxy(req: IncomingMessage, res: ServerResponse, apiOrigin: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const upstream = await fetch(`${apiOrigin}${req.url ?? ''}`, {
    method: req.method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
  });
  const out: Record<string, string> = {};
  upstream.headers.forEach((value, key) => {
    if (!['content-encoding', 'transfer-encoding', 'connection', 'content-length'].includes(key)) out[key] = value;
  });
  res.writeHead(upstream.status, out);
  res.end(Buffer.from(await upstream.arrayBuffer()));
}

export async function servePane(options: { repoRoot: string; apiOrigin: string }): Promise<PaneServer> {
  const root = path.join(options.repoRoot, 'dist', 'pane');
  // The headers Static Web Apps sends with every file, from the build's own configuration.
  const { globalHeaders } = JSON.parse(readFileSync(path.join(root, 'staticwebapp.config.json'), 'utf8')) as {
    globalHeaders: Record<string, string>;
  };
  const officeJs = officeJsMiddleware(options.repoRoot);
  const server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    if (url.startsWith('/api/')) {
      proxy(req, res, options.apiOrigin).catch(() => {
        res.statusCode = 502;
        res.end();
      });
      return;
    }
    officeJs(req, res, () => {
      const file = path.join(root, decodeURIComponent(url === '/' ? '/index.html' : url));
      try {
        if (!file.startsWith(root) || !statSync(file).isFile()) throw new Error('not found');
      } catch {
        res.statusCode = 404;
        res.end();
        return;
      }
      for (const [name, value] of Object.entries(globalHeaders)) res.setHeader(name, value);
      res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
      createReadStream(file).pipe(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
