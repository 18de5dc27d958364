/**
 * GET /api/health: is the app up, which version, and can it reach Table and Blob storage.
 * Anonymous, so monitors and the task pane can call it without a token; it reveals no
 * hostnames or keys.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { appVersion } from '../app-info';
import { getConfig } from '../config';
import { createStorageClients, probeStorage, type StorageClients, type StorageProbeReport } from '../storage';

export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  /** Server time (ISO 8601, UTC). */
  time: string;
  storage: StorageProbeReport;
}

let probeClients: StorageClients | undefined;

/** Separate clients without retries: a probe must answer within its timeout. */
function getProbeClients(): StorageClients {
  probeClients ??= createStorageClients(getConfig().storage, { retry: false });
  return probeClients;
}

export async function health(_request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const storage = await probeStorage(getProbeClients());
  const ok = storage.table.ok && storage.blob.ok;
  if (!ok) {
    context.warn(`storage unreachable: table=${storage.table.error ?? 'ok'} blob=${storage.blob.error ?? 'ok'}`);
  }
  const report: HealthReport = {
    status: ok ? 'ok' : 'degraded',
    version: appVersion,
    time: new Date().toISOString(),
    storage,
  };
  return { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' }, jsonBody: report };
}
