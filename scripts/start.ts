/**
 * `npm start`: the whole Samlad stack on one machine, no cloud account needed.
 * Azurite (Table, Blob and Queue, persisted in .azurite/), the local Functions host serving the
 * app's own registrations on http://localhost:7071/api, and the task-pane dev server on
 * http://localhost:3000. Everything runs in this process; Ctrl-C stops it all.
 */
import path from 'node:path';
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
  provideDevStorage,
  readStackSettings,
  runMain,
  startAddinServer,
} from './local-stack';

/** Printed URLs say "localhost" (what a browser and Office expect); servers bind loopback. */
const display = (url: string) => url.replace('//127.0.0.1:', '//localhost:');

async function main(): Promise<void> {
  const root = findAppRoot(__dirname);
  const logger = createConsoleLogger();
  const lifecycle = createLifecycle({ log: (message) => logger.log('information', 'stack', message) });
  exitOnSignals(lifecycle);

  try {
    const settingsFile = localSettingsFile(process.env, root);
    const applied = settingsFile ? applyLocalSettings(settingsFile, process.env) : [];
    if (applied.length > 0)
      logger.log(
        'information',
        'stack',
        `Read ${applied.length} setting(s) from ${path.relative(root, settingsFile ?? '')}`,
      );
    const settings = readStackSettings(process.env, root);
    const hostSettings = readHostSettings(root, process.env);
    const { routePrefix } = hostSettings;

    const azurite = await provideDevStorage(settings, process.env, logger);
    if (azurite) lifecycle.add('Azurite', () => azurite.stop());

    const app = await loadFunctionApp({ root, logger });
    const host = await startLocalHost({ app, logger, port: settings.functionsPort, ...hostSettings });
    lifecycle.add('Functions host', () => host.close());

    const addin = await startAddinServer({
      root: path.join(root, 'addin'),
      port: settings.addinPort,
      apiTarget: host.url,
      routePrefix,
    });
    lifecycle.add('Task-pane dev server', () => addin.close());

    const apiBase = `${display(host.url)}${routePrefix ? `/${routePrefix}` : ''}`;
    const lines = [
      '',
      'Samlad is running:',
      `  API (Functions host)  ${apiBase}`,
      `  Health                ${apiBase}/health`,
      `  Task pane             ${display(addin.url)}/`,
    ];
    if (azurite) {
      lines.push(
        `  Azurite Blob          http://${azurite.host}:${azurite.blobPort}/devstoreaccount1`,
        `  Azurite Queue         http://${azurite.host}:${azurite.queuePort}/devstoreaccount1`,
        `  Azurite Table         http://${azurite.host}:${azurite.tablePort}/devstoreaccount1`,
        `  Data folder           ${azurite.location ?? '(in memory)'}`,
      );
    }
    lines.push('', 'Functions:', ...describeFunctions(app, host, display(host.url), routePrefix).map((l) => `  ${l}`));
    lines.push('', 'Run a timer now: npm run timer -- <name>.  Press Ctrl-C to stop.', '');
    logger.flush();
    process.stdout.write(lines.join('\n') + '\n');
  } catch (error) {
    await lifecycle.shutdown('start-up failed');
    throw error;
  }
}

runMain(main, expectedStartupErrors);
