/**
 * The task-pane dev server: Vite over addin/, with /api proxied to the local Functions host
 * so the page calls the API same-origin, as it will behind Static Web Apps.
 * A vite.config.* in addin/ (the add-in's own issue) is picked up and merged with this.
 */
import { createServer as createNetServer, type AddressInfo } from 'node:net';

export interface AddinServerOptions {
  root: string;
  port: number;
  hostname?: string;
  /** Base URL of the Functions host, e.g. http://127.0.0.1:7071 */
  apiTarget: string;
  /** The Functions host's route prefix ("api"); "" disables the proxy. */
  routePrefix: string;
}

export interface AddinServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export class AddinServerStartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AddinServerStartError';
  }
}

function portInUse(port: number): AddinServerStartError {
  return new AddinServerStartError(
    `port ${port} is in use; stop the other server or choose another port with ADDIN_PORT`,
  );
}

/**
 * Claims the port for a moment before Vite starts: Vite begins scanning dependencies as soon
 * as it is created, and closing it after a failed listen prints that scan's stack trace.
 */
function assertPortFree(hostname: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portInUse(port) : error),
    );
    probe.listen(port, hostname, () => probe.close(() => resolve()));
  });
}

export async function startAddinServer(options: AddinServerOptions): Promise<AddinServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  try {
    await assertPortFree(hostname, options.port);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AddinServerStartError(`Task-pane dev server cannot listen on ${hostname}:${options.port}: ${reason}`, {
      cause: error,
    });
  }
  // Vite is ESM-only; a dynamic import keeps this CommonJS build able to load it.
  const { createServer } = await import('vite');
  const proxy = options.routePrefix === '' ? undefined : { [`/${options.routePrefix}`]: { target: options.apiTarget } };
  const server = await createServer({
    root: options.root,
    // addin/vite.config.ts imports the TypeScript build helpers; Vite's module runner loads them
    // without the bundling loader's "ESM in a CommonJS file" warning on every start.
    configLoader: 'runner',
    clearScreen: false,
    logLevel: 'warn',
    server: { host: hostname, port: options.port, strictPort: true, proxy },
  });
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const reason =
      code === 'EADDRINUSE' || /already in use/i.test(String(error))
        ? `port ${options.port} is in use; stop the other server or choose another port with ADDIN_PORT`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new AddinServerStartError(`Task-pane dev server cannot listen on ${hostname}:${options.port}: ${reason}`, {
      cause: error,
    });
  }
  const address = server.httpServer?.address() as AddressInfo | null;
  if (!address) throw new Error('Task-pane dev server did not report its address');
  return {
    url: `http://${hostname}:${address.port}`,
    port: address.port,
    close: () => server.close(),
  };
}
