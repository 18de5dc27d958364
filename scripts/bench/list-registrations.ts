/**
 * Prints the app's registrations as JSON — name and trigger of each function, as the local host
 * reads them — for the cold-import bench's bare app, which registers the same ones. Run in its
 * own process: loading the app installs the host's core API for the rest of the process.
 */
import { loadFunctionApp } from '../local-host';
import { findAppRoot } from '../local-stack/app-root';

async function main(): Promise<void> {
  const app = await loadFunctionApp({ root: findAppRoot(__dirname), logger: { log: () => undefined } });
  process.stdout.write(JSON.stringify(app.functions.map((fn) => ({ name: fn.name, trigger: fn.trigger }))));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
