/**
 * GET /api/health: is the app up, which version, can it reach Table and Blob storage — and how
 * the job queue and the tertialSummary timer are doing. Anonymous, so monitors and the task pane
 * can call it without a token; it reveals no hostnames, keys or förbund.
 *
 * 503 only when this instance cannot reach storage (what a platform health check should replace
 * an instance for); a job that has waited too long makes the status "degraded" with 200, since
 * no instance is the one to blame for a backlog.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { HealthAnswer } from '../../shared/api';
import { appVersion } from '../app-info';
import { getConfig } from '../config';
import type { JobQueue, QueueStats } from '../consolidation/job-queue';
import type { JobRepository, TimerRun } from '../consolidation/job-repository';
import { JOBS_POISON_QUEUE, JOBS_QUEUE } from '../consolidation/queues';
import { logEvent } from '../log-event';
import { JOBS_TABLE } from '../services';
import {
  createStorageClients,
  defaultProbeTimeoutMs,
  describeProbeFailure,
  probeStorage,
  type StorageClients,
} from '../storage';
import { StorageJobQueue } from '../storage/storage-job-queue';
import { TableJobStore } from '../storage/table-job-store';

interface HealthClients {
  storage: StorageClients;
  queue: JobQueue;
  jobs: JobRepository;
}

let clients: HealthClients | undefined;

/** Separate clients without retries: a probe must answer within its timeout. */
function getHealthClients(): HealthClients {
  if (!clients) {
    const storage = createStorageClients(getConfig().storage, { retry: false });
    const queues = { queue: storage.queueClient(JOBS_QUEUE), poison: storage.queueClient(JOBS_POISON_QUEUE) };
    clients = {
      storage,
      queue: new StorageJobQueue(() => queues),
      jobs: new TableJobStore(storage.tableClient(JOBS_TABLE)),
    };
  }
  return clients;
}

/** Resolves with the value, or `{error}` (a safe reason) when it fails or takes longer than the probes may. */
async function within<T>(work: Promise<T>): Promise<T | { error: string }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ error: string }>((resolve) => {
    timer = setTimeout(() => resolve({ error: 'timeout' }), defaultProbeTimeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    return { error: describeProbeFailure(error, false) };
  } finally {
    clearTimeout(timer);
  }
}

const failed = (value: object): value is { error: string } => 'error' in value;

export async function health(_request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const { storage, queue, jobs } = getHealthClients();
  const now = new Date();
  const alertAfterMs = getConfig().reports.waitAlertMs;
  const [probes, stats, lastRun] = await Promise.all([
    probeStorage(storage),
    within<QueueStats>(queue.stats(now)),
    within<TimerRun | undefined>(jobs.lastTimerRun('tertialSummary')),
  ]);
  const reachable = probes.table.ok && probes.blob.ok;
  const problems: string[] = [];
  if (!reachable)
    problems.push(`storage unreachable: table ${probes.table.error ?? 'ok'}, blob ${probes.blob.error ?? 'ok'}`);
  if (failed(stats)) problems.push(`job queue unreadable: ${stats.error}`);
  else if (stats.oldestWaitingMs !== undefined && stats.oldestWaitingMs > alertAfterMs)
    problems.push(`a job has waited ${Math.round(stats.oldestWaitingMs / 1000)} s for a worker`);
  const report: HealthAnswer = {
    status: problems.length === 0 ? 'ok' : 'degraded',
    version: appVersion,
    time: now.toISOString(),
    storage: probes,
    jobs: failed(stats)
      ? stats
      : {
          queued: stats.depth,
          oldestWaitingSeconds: stats.oldestWaitingMs === undefined ? null : Math.round(stats.oldestWaitingMs / 1000),
          failedUnhandled: stats.poisoned,
          alertAfterSeconds: Math.round(alertAfterMs / 1000),
        },
    timers: lastRun !== undefined && failed(lastRun) ? lastRun : { tertialSummary: lastRun ?? null },
    problems,
  };
  if (problems.length > 0) logEvent(context, 'warn', 'health.degraded', { problems });
  return { status: reachable ? 200 : 503, headers: { 'cache-control': 'no-store' }, jsonBody: report };
}
