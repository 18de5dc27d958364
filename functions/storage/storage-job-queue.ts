import type { QueueClient } from '@azure/storage-queue';
import { encodeJobMessage, type JobMessage } from '../consolidation/job-message';
import type { JobQueue, QueueStats } from '../consolidation/job-queue';
import { once } from './setup';

/** How many waiting messages are looked at to find the oldest (the queue is only roughly FIFO). */
const PEEK = 32;

/**
 * The job queue on Azure Storage queues: base64 JSON messages, as the runtime's queue trigger reads
 * them. The clients are made on first use, so the queue library loads only when a job is queued
 * or counted, not with every instance's first request.
 */
export class StorageJobQueue implements JobQueue {
  private readonly ensure = once(() => this.queue.createIfNotExists());

  constructor(private readonly queues: () => { queue: QueueClient; poison: QueueClient }) {}

  private get queue(): QueueClient {
    return this.queues().queue;
  }

  private get poison(): QueueClient {
    return this.queues().poison;
  }

  async send(message: JobMessage): Promise<void> {
    await this.ensure();
    await this.queue.sendMessage(encodeJobMessage(message));
  }

  async stats(now: Date): Promise<QueueStats> {
    const [depth, oldest, poisoned] = await Promise.all([
      countOf(this.queue),
      this.queue
        .peekMessages({ numberOfMessages: PEEK })
        .then(({ peekedMessageItems }) =>
          peekedMessageItems.reduce<number | undefined>(
            (min, m) => Math.min(min ?? Infinity, m.insertedOn.getTime()),
            undefined,
          ),
        )
        .catch(ifMissing(undefined)),
      countOf(this.poison),
    ]);
    return {
      depth,
      oldestWaitingMs: oldest === undefined ? undefined : Math.max(0, now.getTime() - oldest),
      poisoned,
    };
  }
}

function countOf(queue: QueueClient): Promise<number> {
  return queue
    .getProperties()
    .then((p) => p.approximateMessagesCount ?? 0)
    .catch(ifMissing(0));
}

/** A queue nothing was ever sent to does not exist yet: it holds nothing. */
function ifMissing<T>(value: T): (error: unknown) => T {
  return (error) => {
    if ((error as { statusCode?: number }).statusCode === 404) return value;
    throw error;
  };
}
