/**
 * The local Functions host alone (what `func start` is on a machine with Core Tools), for
 * tests and for running the API against storage you provide:
 *
 *   node dist/scripts/functions-host.js [--port N] [--main GLOB ...] [--no-timers] [--queue-lease-seconds N]
 *
 * `--queue-lease-seconds` shortens the lease on fetched queue messages (10 minutes, as on Azure),
 * so a test that kills the host sees its messages delivered again within seconds.
 *
 * Storage comes from the environment / local.settings.json as for the deployed app; this
 * script never starts Azurite (`npm start` does). On start it prints
 * "Functions host listening on <url>", which tests wait for.
 */
import { parseArgs } from 'node:util';
import {
  applyLocalSettings,
  createConsoleLogger,
  describeFunctions,
  loadFunctionApp,
  readHostSettings,
  startLocalHost,
} from './local-host';
import {
  createLifecycle,
  exitOnSignals,
  expectedStartupErrors,
  findAppRoot,
  localSettingsFile,
  readStackSettings,
  runMain,
} from './local-stack';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      main: { type: 'string', multiple: true },
      'no-timers': { type: 'boolean', default: false },
      'queue-lease-seconds': { type: 'string' },
    },
  });
  const leaseSeconds = values['queue-lease-seconds'] === undefined ? undefined : Number(values['queue-lease-seconds']);
  if (leaseSeconds !== undefined && !(Number.isInteger(leaseSeconds) && leaseSeconds >= 1))
    throw new Error(`--queue-lease-seconds must be a whole number of seconds, at least 1`);
  const root = findAppRoot(__dirname);
  const logger = createConsoleLogger();
  const lifecycle = createLifecycle({ log: (message) => logger.log('information', 'host', message) });
  exitOnSignals(lifecycle);

  const settingsFile = localSettingsFile(process.env, root);
  if (settingsFile) applyLocalSettings(settingsFile, process.env);
  const settings = readStackSettings(
    values.port === undefined ? process.env : { ...process.env, PORT: values.port },
    root,
  );
  const hostSettings = readHostSettings(root, process.env);
  const { routePrefix } = hostSettings;

  const app = await loadFunctionApp({ root, logger, mainPatterns: values.main });
  const host = await startLocalHost({
    app,
    logger,
    port: settings.functionsPort,
    ...hostSettings,
    runTimers: !values['no-timers'],
    queueLeaseMs: leaseSeconds === undefined ? undefined : leaseSeconds * 1000,
  });
  lifecycle.add('Functions host', () => host.close());

  const listing = describeFunctions(app, host, host.url, routePrefix).map((line) => `  ${line}`);
  logger.flush();
  process.stdout.write(['Functions:', ...listing, `Functions host listening on ${host.url}`, ''].join('\n'));
}

runMain(main, expectedStartupErrors);
