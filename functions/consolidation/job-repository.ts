import type { ConsolidationJob } from '../../shared/api';

/** A job as stored: what a poll shows, and what the worker runs it by. */
export type JobState = ConsolidationJob & {
  basis: string;
  trigger: 'api' | 'timer';
  /** Deliveries of the job's message that began work (0 while queued). */
  attempts: number;
};

/** Jobs are named by randomUUID() (queue-job.ts). */
export const isJobId = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

export interface TimerRun {
  at: string;
  /** One line on what the run did. */
  outcome: string;
}

/**
 * Where consolidation jobs are kept, so any instance can answer a poll and any worker can pick a
 * job up. A job is written `queued` before its message goes on the queue; the worker that takes
 * the message moves it to `running`, writes its progress, and ends it `done` with the report; the
 * poison queue's handler ends it `failed` when every delivery failed. One implementation keeps
 * them in Table storage (functions/storage/table-job-store.ts), with each timer's last run.
 */
export interface JobRepository {
  put(forbund: string, job: JobState): Promise<void>;
  get(forbund: string, jobId: string): Promise<JobState | undefined>;
  recordTimerRun(timer: string, run: TimerRun): Promise<void>;
  lastTimerRun(timer: string): Promise<TimerRun | undefined>;
}
