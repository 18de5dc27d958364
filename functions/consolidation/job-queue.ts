import type { QueueClient } from '@azure/storage-queue';
import { encodeJobMessage, type JobMessage } from './job-message';
import { once } from '../storage/setup';

export interface QueueStats {
  /** Messages on the queue, waiting or being worked on (Azure's approximate count). */
  depth: number;
  /** How long the longest-waiting message that no worker holds has waited, in ms. */
  oldestWaitingMs: number | undefined;
  /** Jobs whose every delivery failed. */
  poisoned: number;
}

/** How many waiting messages are looked at to find the oldest (the queue is only roughly FIFO). */
const PEEK = 32;

/** The job queue: the durable hand-over from a request or the timer to a worker on any instance. */
export class JobQueue {
  private readonly ensure = once(() => this.queue.createIfNotExists());

  constructor(
    private readonly queue: QueueClient,
    private readonly poison: QueueClient,
  ) {}

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
    return { depth, oldestWaitingMs: oldest === undefined ? undefined : Math.max(0, now.getTime() - oldest), poisoned };
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
