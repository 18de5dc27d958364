import type { ConsolidationJob } from '../../shared/api';

export type JobState = ConsolidationJob;

/** Jobs are named by randomUUID(). */
export const isJobId = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

/** A running job whose progress has not moved for this long is taken as lost. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

/**
 * Where consolidation jobs are kept, so any instance can answer a poll. One implementation keeps
 * them in Table storage (functions/storage/table-job-store.ts).
 */
export interface JobRepository {
  put(forbund: string, job: JobState): Promise<void>;
  /** The job as of `now`: a running job whose progress stopped for STALE_AFTER_MS reads as failed. */
  get(forbund: string, jobId: string, now: Date): Promise<JobState | undefined>;
}
