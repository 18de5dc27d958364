/**
 * Reachability probes for Table and Blob storage, used by GET /api/health.
 */
import type { StorageClients } from './clients';

export interface ProbeResult {
  ok: boolean;
  /** Wall time of the probe in whole milliseconds. */
  ms: number;
  /** A short, non-sensitive reason when not ok (no hostnames, keys or stack traces). */
  error?: string;
}

export interface StorageProbeReport {
  table: ProbeResult;
  blob: ProbeResult;
}

export const defaultProbeTimeoutMs = 2000;

// Read by shape rather than `instanceof RestError`: RestError lives in a transitive package
// (@azure/core-rest-pipeline) that this project does not depend on directly.
function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

function statusCode(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number') {
    return error.statusCode;
  }
  return undefined;
}

/** Reduces an SDK failure to a reason that is safe to show on an anonymous endpoint. */
export function describeProbeFailure(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'timeout';
  const code = errorCode(error);
  const status = statusCode(error);
  if (status !== undefined) return code ? `HTTP ${status} ${code}` : `HTTP ${status}`;
  return code ? `unreachable (${code})` : 'unreachable';
}

async function probe(run: (abortSignal: AbortSignal) => Promise<unknown>, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  const abortSignal = AbortSignal.timeout(timeoutMs);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    await run(abortSignal);
    return { ok: true, ms: elapsed() };
  } catch (error) {
    return { ok: false, ms: elapsed(), error: describeProbeFailure(error, abortSignal.aborted) };
  }
}

/**
 * Pings both services in parallel with the cheapest authenticated call each has: the first
 * page (of one) of tables, and the Blob service properties.
 */
export async function probeStorage(
  clients: StorageClients,
  timeoutMs: number = defaultProbeTimeoutMs,
): Promise<StorageProbeReport> {
  const [table, blob] = await Promise.all([
    probe(
      (abortSignal) => clients.tableService.listTables({ abortSignal }).byPage({ maxPageSize: 1 }).next(),
      timeoutMs,
    ),
    probe((abortSignal) => clients.blobService.getProperties({ abortSignal }), timeoutMs),
  ]);
  return { table, blob };
}
