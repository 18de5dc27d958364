/**
 * The stack the HTTP benchmarks run against, as the API tests run it: Azurite in this process
 * (in memory, free loopback ports) and the built app in the local Functions host as a child
 * process, plus the bench-only validate route. Loopback only.
 */
import type { DevTokenRequest } from '../../functions/auth/dev-token';
import { devAuth } from '../../tests/api/api-client';
import { startTestStack } from '../../tests/support/test-stack';

export const BENCH_FUNCTIONS = 'dist/scripts/bench/functions/*.js';

export interface BenchStack {
  readonly apiUrl: string;
  readonly connectionString: string;
  /** The host's process id, to sample its memory. */
  readonly hostPid: number;
  token(request: DevTokenRequest): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  const auth = devAuth();
  const stack = await startTestStack({ env: auth.env, extraMain: [BENCH_FUNCTIONS] });
  return {
    apiUrl: stack.apiUrl,
    connectionString: stack.connectionString,
    hostPid: stack.process.pid,
    token: auth.token,
    stop: () => stack.stop(),
  };
}
