import type { JobMessage } from './job-message';

export interface QueueStats {
  /** Messages on the queue, waiting or being worked on (Azure's approximate count). */
  depth: number;
  /** How long the longest-waiting message that no worker holds has waited, in ms. */
  oldestWaitingMs: number | undefined;
  /** Jobs whose every delivery failed. */
  poisoned: number;
}

/**
 * The durable hand-over of a job from a request or the timer to a worker on any instance. One
 * implementation is an Azure Storage queue (functions/storage/storage-job-queue.ts), which the
 * queue-triggered consolidationWorker reads.
 */
export interface JobQueue {
  send(message: JobMessage): Promise<void>;
  stats(now: Date): Promise<QueueStats>;
}
