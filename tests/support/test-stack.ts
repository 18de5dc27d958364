/**
 * Fixtures for tests that need storage and/or the local Functions host.
 *
 *   const stack = await startTestStack({ extraMain: [fixtureFunctions] });
 *   await fetch(`${stack.apiUrl}/health`);
 *   ...
 *   await stack.stop();
 *
 * Azurite runs in the test's process (in memory, free loopback ports); the host runs the
 * built app (dist/) in a child process, exactly as `npm start` loads it, and never reads a
 * developer's local.settings.json.
 */
import { LIMITS } from '../../functions/api/read-body';
import { startAzurite, type RunningAzurite } from '../../scripts/local-stack/azurite';
import { spawnScript, type NodeProcess } from './node-process';

/** The app's own entry points (package.json "main"). */
export const appMain = 'dist/functions/{index,registrations/*}.js';
/** Test-only functions in tests/support/functions (HTTP routes under fixture/, a timer). */
export const fixtureFunctions = 'dist/tests/support/functions/*.js';

/** An in-memory Azurite on free loopback ports. */
export function startTestAzurite(): Promise<RunningAzurite> {
  return startAzurite({ blobPort: 0, queuePort: 0, tablePort: 0 });
}

export interface TestHostOptions {
  /** Storage for the app; default: none set, so config falls back to its own default. */
  connectionString?: string;
  /** Entry points besides the app's own (e.g. {@link fixtureFunctions}). */
  extraMain?: readonly string[];
  /** Extra environment for the host (wins over everything else). */
  env?: NodeJS.ProcessEnv;
  /** Run timers on their schedules (default false: tests fire them explicitly). */
  runTimers?: boolean;
  /** Lease on fetched queue messages, in seconds (default: the runtime's 10 minutes). */
  queueLeaseSeconds?: number;
}

export interface TestHost {
  /** e.g. http://127.0.0.1:41234 */
  readonly baseUrl: string;
  /** baseUrl + "/api" */
  readonly apiUrl: string;
  readonly process: NodeProcess;
  stop(): Promise<void>;
}

/** Environment for child processes: this process's, minus settings a test must choose itself. */
export function childEnv(overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['STORAGE_CONNECTION_STRING', 'AzureWebJobsStorage', 'SAMLAD_ENV', 'PORT', 'ADDIN_PORT'])
    delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('AZURITE_')) delete env[name];
  return {
    ...env,
    SAMLAD_ENV: 'test',
    SAMLAD_LOCAL_SETTINGS: 'none',
    // As the Function App is configured (README, Deployment): the host refuses larger bodies itself.
    FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: String(LIMITS.requestBytes),
    ...overrides,
  };
}

export async function startTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const args = ['--port', '0', '--main', appMain, ...(options.extraMain ?? []).flatMap((m) => ['--main', m])];
  if (!options.runTimers) args.push('--no-timers');
  if (options.queueLeaseSeconds !== undefined) args.push('--queue-lease-seconds', String(options.queueLeaseSeconds));
  const env = childEnv({
    ...(options.connectionString ? { STORAGE_CONNECTION_STRING: options.connectionString } : {}),
    ...options.env,
  });
  const proc = spawnScript('scripts/functions-host.js', args, { env });
  try {
    const match = await proc.waitForOutput(/Functions host listening on (http:\/\/\S+)/);
    const baseUrl = match[1] ?? '';
    return { baseUrl, apiUrl: `${baseUrl}/api`, process: proc, stop: () => proc.kill() };
  } catch (error) {
    await proc.kill();
    throw error;
  }
}

export interface TestStack extends TestHost {
  readonly azurite: RunningAzurite;
  /** Connection string of this stack's Azurite. */
  readonly connectionString: string;
}

/** In-memory Azurite plus the local host pointed at it. `stop()` ends both. */
export async function startTestStack(options: Omit<TestHostOptions, 'connectionString'> = {}): Promise<TestStack> {
  const azurite = await startTestAzurite();
  try {
    const host = await startTestHost({ ...options, connectionString: azurite.connectionString });
    return {
      ...host,
      azurite,
      connectionString: azurite.connectionString,
      async stop() {
        await host.stop();
        await azurite.stop();
      },
    };
  } catch (error) {
    await azurite.stop();
    throw error;
  }
}
