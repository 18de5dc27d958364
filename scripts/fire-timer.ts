/**
 * `npm run timer -- <name>`: runs a timer (or other non-HTTP) function now.
 *
 * With `npm start` running, it asks that host through Azure's admin API
 * (`POST /admin/functions/<name>`), so the run happens where the app already runs and its
 * log appears there. Without a running host it loads the app in this process, provides
 * development storage as `npm start` would, runs the function once, then runs the app's queue
 * triggers until the queues are empty — the jobs a timer queues are built there — and prints
 * the outcome.
 *
 * Options: --port N (the host to ask; default PORT or 7071), --input TEXT (for non-timer
 * triggers), --main GLOB (load other entry points; tests use it).
 */
import { parseArgs } from 'node:util';
import { azuriteConnectionString } from '../functions/storage/connection-string';
import {
  applyLocalSettings,
  createConsoleLogger,
  loadFunctionApp,
  readHostSettings,
  startQueueListeners,
  timerTriggerData,
  type FunctionApp,
  type HostLogger,
  type QueueListener,
} from './local-host';
import {
  AzuriteStartError,
  expectedStartupErrors,
  findAppRoot,
  localSettingsFile,
  readStackSettings,
  runMain,
  startAzurite,
  wantsLocalAzurite,
  type RunningAzurite,
  type StackSettings,
} from './local-stack';

class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type HostAnswer = { kind: 'accepted' } | { kind: 'rejected'; status: number; message: string } | { kind: 'no-host' };

function isConnectionRefused(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === 'ECONNREFUSED';
}

async function askRunningHost(port: number, name: string, input: string): Promise<HostAnswer> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${port}/admin/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input }),
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    if (isConnectionRefused(error)) return { kind: 'no-host' };
    throw error;
  }
  if (response.status === 202) return { kind: 'accepted' };
  const text = await response.text();
  let message = text;
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string')
      message = body.message;
  } catch {
    // Not JSON: show the text as it came.
  }
  return { kind: 'rejected', status: response.status, message };
}

/** Development storage for a one-off run: start Azurite, or use one already on the ports. */
async function provideStorageForRun(settings: StackSettings, logger: HostLogger): Promise<RunningAzurite | undefined> {
  if (!wantsLocalAzurite(process.env)) return undefined;
  try {
    const azurite = await startAzurite({ ...settings.azurite });
    process.env['STORAGE_CONNECTION_STRING'] = azurite.connectionString;
    return azurite;
  } catch (error) {
    const inUse = error instanceof AzuriteStartError && /in use/.test(error.message);
    if (!inUse) throw error;
    logger.log('information', 'timer', 'Azurite ports are taken; using the Azurite already running there');
    process.env['STORAGE_CONNECTION_STRING'] = azuriteConnectionString({
      host: '127.0.0.1',
      blobPort: settings.azurite.blobPort,
      queuePort: settings.azurite.queuePort,
      tablePort: settings.azurite.tablePort,
    });
    return undefined;
  }
}

/** Runs the app's queue triggers until every queue is empty and nothing is being worked on. */
async function drainQueues(app: FunctionApp, root: string, logger: HostLogger): Promise<void> {
  const listeners: QueueListener[] = startQueueListeners({
    app,
    logger,
    settings: readHostSettings(root).queues,
    invoke: (fn, data, reason, metadata) => app.invoke(fn, data, reason, metadata),
  });
  try {
    let quietPolls = 0;
    let said = -1;
    while (quietPolls < 2) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const backlogs = await Promise.all(listeners.map((l) => l.backlog()));
      const left = backlogs.reduce((n, b) => n + b.messages, 0);
      quietPolls = left === 0 && backlogs.every((b) => b.running === 0) ? quietPolls + 1 : 0;
      if (left > 0 && left !== said) process.stdout.write(`${left} queued job(s) left…\n`);
      said = left;
    }
  } finally {
    await Promise.all(listeners.map((l) => l.stop()));
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      input: { type: 'string', default: '' },
      main: { type: 'string', multiple: true },
    },
  });
  const [name, ...extra] = positionals;
  if (!name || extra.length > 0)
    throw new UsageError('Usage: npm run timer -- <function name> [--port N] [--input TEXT]');

  const root = findAppRoot(__dirname);
  const logger = createConsoleLogger();
  const settingsFile = localSettingsFile(process.env, root);
  if (settingsFile) applyLocalSettings(settingsFile, process.env);
  const settings = readStackSettings(
    values.port === undefined ? process.env : { ...process.env, PORT: values.port },
    root,
  );

  const answer = await askRunningHost(settings.functionsPort, name, values.input);
  if (answer.kind === 'accepted') {
    process.stdout.write(
      `"${name}" started on the running host (port ${settings.functionsPort}); its outcome is in that host's log.\n`,
    );
    return;
  }
  if (answer.kind === 'rejected') {
    throw new UsageError(`The running host refused "${name}" (HTTP ${answer.status}): ${answer.message}`);
  }

  process.stdout.write(`No Functions host on port ${settings.functionsPort}; running "${name}" in this process.\n`);
  const azurite = await provideStorageForRun(settings, logger);
  try {
    const app = await loadFunctionApp({ root, logger, mainPatterns: values.main });
    const fn = app.find(name);
    if (!fn || fn.trigger.kind === 'http') {
      const runnable = app.functions.filter((f) => f.trigger.kind !== 'http').map((f) => f.name);
      throw new UsageError(
        `${fn ? `"${fn.name}" is HTTP-triggered; call its route instead.` : `No function named "${name}".`} ` +
          `Functions this can run: ${runnable.length > 0 ? runnable.join(', ') : '(none)'}`,
      );
    }
    const triggerData = fn.trigger.kind === 'timer' ? timerTriggerData(null) : { string: values.input };
    await app.start();
    const started = performance.now();
    try {
      await app.invoke(fn, triggerData, 'Run by npm run timer');
      await drainQueues(app, root, logger);
      logger.flush();
      process.stdout.write(`"${fn.name}" succeeded in ${Math.round(performance.now() - started)} ms.\n`);
    } catch (error) {
      process.exitCode = 1;
      logger.flush();
      process.stderr.write(`"${fn.name}" failed: ${error instanceof Error ? error.message : String(error)}\n`);
    } finally {
      await app.terminate();
    }
  } finally {
    await azurite?.stop();
  }
}

runMain(main, [...expectedStartupErrors, 'UsageError']);
