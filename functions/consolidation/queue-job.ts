import { randomUUID } from 'node:crypto';
import type { JobMessage } from './job-message';
import type { JobQueue } from './job-queue';
import type { JobRepository, JobState } from './job-repository';

export interface QueueJobDeps {
  jobs: JobRepository;
  queue: JobQueue;
  now: () => Date;
}

export const QUEUED_MESSAGE = 'Väntar på sin tur';

/**
 * Records a job as queued and puts its message on the queue, in that order, so a worker never
 * takes a message whose job nobody can poll. If the queue refuses the message, the job is
 * marked failed (nothing will ever run it) and the error goes to the caller.
 */
export async function queueJob(deps: QueueJobDeps, job: Omit<JobMessage, 'v' | 'jobId'>): Promise<JobState> {
  const at = deps.now().toISOString();
  const state: JobState = {
    jobId: randomUUID(),
    status: 'queued',
    progress: 0,
    message: QUEUED_MESSAGE,
    period: job.period,
    variant: job.variant,
    basis: job.basis,
    trigger: job.trigger,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
  };
  await deps.jobs.put(job.forbund, state);
  try {
    await deps.queue.send({ v: 1, jobId: state.jobId, ...job });
  } catch (error) {
    const failed = {
      ...state,
      status: 'failed' as const,
      message: 'Sammanställningen kunde inte köas. Försök igen om en stund.',
    };
    await deps.jobs.put(job.forbund, failed).catch(() => undefined);
    throw error;
  }
  return state;
}
