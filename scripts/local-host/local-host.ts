/**
 * The local Functions host's HTTP server: serves HTTP-triggered functions under the route
 * prefix, accepts Azure's admin call to run a non-HTTP function
 * (`POST /admin/functions/{name}` with `{"input": "..."}` → 202), runs timers on their
 * schedules and storage-queue triggers on their queues.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RpcTypedData } from './core-api-types';
import type { RegisteredFunction } from './core-runtime';
import type { FunctionApp } from './function-app';
import type { HostLogger } from './host-logger';
import { createHttpRouter, type HttpRouter } from './http-router';
import { DEFAULT_REQUEST_BODY_LIMIT } from './app-files';
import { startQueueListeners } from './queue-listeners';
import type { QueueListener } from './queue-listener';
import type { QueueSettings } from './queue-settings';
import { BodyTooLargeError, readBody, toRpcHttpRequest, writeRpcHttpResponse } from './rpc-http';
import { timerTriggerData, type TimerScheduleStatus } from './timer-data';
import { startTimerScheduler, type TimerScheduler } from './timer-scheduler';

export interface LocalHostOptions {
  app: FunctionApp;
  logger: HostLogger;
  /** 0 picks a free port (tests). */
  port: number;
  /** Interface to bind; loopback by default because the local host checks no keys. */
  hostname?: string;
  routePrefix: string;
  /** Run timers on their schedules (default true). */
  runTimers?: boolean;
  /** The largest request body taken (FUNCTIONS_REQUEST_BODY_SIZE_LIMIT); Azure's 100 MB by default. */
  maxRequestBodyBytes?: number;
  /** Added to every response, as host.json extensions.http.customHeaders asks of Azure's host. */
  customHeaders?: Readonly<Record<string, string>>;
  /** host.json's `extensions.queues`; queue-triggered functions are not run without it. */
  queues?: QueueSettings;
  /** Lease on fetched queue messages (default: the runtime's 10 minutes). */
  queueLeaseMs?: number;
}

export interface LocalHost {
  /** Base URL, e.g. http://127.0.0.1:7071 (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly router: HttpRouter;
  readonly scheduler: TimerScheduler | undefined;
  readonly queueListeners: readonly QueueListener[];
  close(): Promise<void>;
}

export class HostStartError extends Error {
  constructor(hostname: string, port: number, cause: unknown) {
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
    const reason =
      code === 'EADDRINUSE'
        ? `port ${port} is in use (another "npm start" or Functions host?); stop it or choose another port with PORT`
        : cause instanceof Error
          ? cause.message
          : String(cause);
    super(`The Functions host cannot listen on ${hostname}:${port}: ${reason}`, { cause });
    this.name = 'HostStartError';
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

const adminPath = /^\/admin\/functions\/([^/]+)\/?$/i;

/** Input for a non-HTTP function run through the admin API. */
function adminTriggerData(fn: RegisteredFunction, input: string): RpcTypedData {
  if (fn.trigger.kind === 'timer') return timerTriggerData(null);
  return { string: input };
}

function parseAdminInput(body: Buffer): string | null {
  if (body.length === 0) return '';
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const input = 'input' in parsed ? parsed.input : undefined;
    if (input === undefined || input === null) return '';
    return typeof input === 'string' ? input : JSON.stringify(input);
  } catch {
    return null;
  }
}

/** How much of a refused body is still read (and dropped) so the client gets its 413. */
const DISCARD_AFTER_REFUSAL_BYTES = 8 * 1024 * 1024;

/**
 * After a 413 the rest of the body is not kept, but a socket closed with unread data resets,
 * and the client may lose the answer with it: so what still arrives is read and dropped — at
 * most a few MiB or two seconds, never buffered — and then the connection is closed.
 */
function discardThenClose(req: IncomingMessage): void {
  const cap = DISCARD_AFTER_REFUSAL_BYTES;
  let dropped = 0;
  const close = () => req.socket.destroy();
  const timer = setTimeout(close, 2_000);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > cap) {
      clearTimeout(timer);
      close();
    }
  });
  req.once('end', () => {
    clearTimeout(timer);
    close();
  });
  req.resume();
}

export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const { app, logger, routePrefix } = options;
  const bodyLimit = options.maxRequestBodyBytes ?? DEFAULT_REQUEST_BODY_LIMIT;
  const router = createHttpRouter(app.functions);
  const prefixPath = routePrefix === '' ? '' : `/${routePrefix.toLowerCase()}`;
  const inFlight = new Set<Promise<unknown>>();

  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  };

  const fireTimer = (name: string, status: TimerScheduleStatus | null, reason: string) => {
    const fn = app.find(name);
    if (!fn) return Promise.reject(new Error(`No function named "${name}"`));
    return track(app.invoke(fn, timerTriggerData(status), reason));
  };

  const handleAdmin = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'method_not_allowed', message: 'Use POST' }, { allow: 'POST' });
      return;
    }
    const fn = app.find(name);
    if (!fn) {
      sendJson(res, 404, { error: 'not_found', message: `No function named "${name}"` });
      return;
    }
    if (fn.trigger.kind === 'http') {
      sendJson(res, 400, { error: 'http_function', message: `"${fn.name}" is HTTP-triggered; call its route instead` });
      return;
    }
    const input = parseAdminInput(await readBody(req, bodyLimit));
    if (input === null) {
      sendJson(res, 400, { error: 'bad_request', message: 'Body must be JSON like {"input": ""}' });
      return;
    }
    // Like Azure: accept at once and run in the background; the outcome goes to the log.
    res.writeHead(202).end();
    track(
      app.invoke(fn, adminTriggerData(fn, input), 'This function was programmatically called via the host APIs.'),
    ).catch(
      () => undefined, // Already logged by invoke().
    );
  };

  const handleFunction = async (req: IncomingMessage, res: ServerResponse, url: URL, path: string) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const resolution = router.resolve(method, path);
    if (resolution.kind === 'not-found') {
      sendJson(res, 404, { error: 'not_found', message: `No function serves ${method} ${url.pathname}` });
      return;
    }
    if (resolution.kind === 'method-not-allowed') {
      sendJson(
        res,
        405,
        {
          error: 'method_not_allowed',
          message: `${method} is not allowed on ${url.pathname}`,
          allow: resolution.allow,
        },
        { allow: resolution.allow.join(', ') },
      );
      return;
    }
    const body = await readBody(req, bodyLimit);
    try {
      const response = await track(
        app.invoke(
          resolution.fn,
          toRpcHttpRequest(req, url, body, resolution.params),
          `This function was triggered by an HTTP request.`,
        ),
      );
      writeRpcHttpResponse(res, response.returnValue);
    } catch {
      // Azure answers an unhandled exception with a bare 500; the details are in the log.
      if (!res.headersSent) res.writeHead(500).end();
    }
  };

  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(options.customHeaders ?? {})) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const handle = async () => {
      const admin = adminPath.exec(url.pathname);
      if (admin?.[1]) return handleAdmin(req, res, decodeURIComponent(admin[1]));
      const lowerPath = url.pathname.toLowerCase();
      if (prefixPath === '' || lowerPath === prefixPath || lowerPath.startsWith(`${prefixPath}/`)) {
        return handleFunction(req, res, url, url.pathname.slice(prefixPath.length));
      }
      sendJson(res, 404, { error: 'not_found', message: `Functions are served under ${prefixPath || '/'}` });
    };
    handle().catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        if (!res.headersSent) sendJson(res, 413, { error: 'payload_too_large', message: error.message });
        discardThenClose(req);
        return;
      }
      logger.log(
        'error',
        'host',
        `request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  const hostname = options.hostname ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new HostStartError(hostname, options.port, error)));
    server.listen(options.port, hostname, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  try {
    await app.start();
  } catch (error) {
    // An app-start hook refused to start (a bad setting): nothing may keep serving.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }

  const timers = app.functions.flatMap((fn) =>
    fn.trigger.kind === 'timer'
      ? [{ name: fn.name, schedule: fn.trigger.schedule, runOnStartup: fn.trigger.runOnStartup }]
      : [],
  );
  const scheduler =
    options.runTimers === false || timers.length === 0
      ? undefined
      : startTimerScheduler({
          timers,
          logger,
          fire: (name, status) =>
            fireTimer(name, status, status ? 'Timer fired at its scheduled time' : 'Timer run on startup'),
        });

  const queueListeners = options.queues
    ? startQueueListeners({
        app,
        logger,
        settings: options.queues,
        leaseMs: options.queueLeaseMs,
        invoke: (fn, data, reason, metadata) => track(app.invoke(fn, data, reason, metadata)),
      })
    : [];

  return {
    url,
    port: address.port,
    router,
    scheduler,
    queueListeners,
    async close() {
      await Promise.all([scheduler?.stop(), ...queueListeners.map((listener) => listener.stop())]);
      // Stop accepting, drop idle keep-alive sockets, let running invocations finish.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await closed;
      await app.terminate();
    },
  };
}
