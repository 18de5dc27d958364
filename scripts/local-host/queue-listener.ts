/**
 * Runs a storage-queue-triggered function the way the Functions runtime's queue listener does:
 *
 * - polls with a back-off from 100 ms up to host.json's `maxPollingInterval` while the queue is
 *   empty (or missing), and again at once while it has messages;
 * - fetches up to `batchSize` messages with a lease (the runtime's is 10 minutes) renewed at half
 *   its length while the function runs, so a message whose host dies reappears when the lease
 *   lapses and is delivered again with a higher dequeue count;
 * - fetches the next batch once no more than `newBatchThreshold` messages are still running;
 * - deletes a message whose function succeeded; makes a failed one visible again after
 *   `visibilityTimeout`; and moves one that failed its `maxDequeueCount`th delivery — or arrives
 *   with a dequeue count beyond it, after a crash — to the `<queue>-poison` queue;
 * - decodes base64 message text (`messageEncoding`) and hands the function the message with the
 *   trigger metadata the runtime sends (Id, DequeueCount, InsertionTime, …).
 */
import type { DequeuedMessageItem, QueueClient } from '@azure/storage-queue';
import type { RpcTypedData } from './core-api-types';
import type { HostLogger } from './host-logger';
import { createPollingBackoff } from './polling-backoff';
import type { QueueSettings } from './queue-settings';

/** The runtime's lease on a fetched message. */
export const RUNTIME_LEASE_MS = 10 * 60_000;

export interface QueueListenerOptions {
  functionName: string;
  queue: QueueClient;
  poisonQueue: QueueClient;
  settings: QueueSettings;
  /** Lease on fetched messages; {@link RUNTIME_LEASE_MS} unless a test needs lapses sooner. */
  leaseMs?: number;
  invoke(triggerData: RpcTypedData, triggerMetadata: Record<string, RpcTypedData>, reason: string): Promise<unknown>;
  logger: HostLogger;
}

export interface QueueListener {
  readonly queueName: string;
  /** Messages on the queue (waiting, or held by a listener), and whether this listener holds any. */
  backlog(): Promise<{ messages: number; running: number }>;
  /** Stops polling and waits for the messages in hand to finish. */
  stop(): Promise<void>;
}

export const poisonQueueName = (queueName: string) => `${queueName}-poison`;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decode(text: string, encoding: QueueSettings['messageEncoding']): string {
  if (encoding === 'none') return text;
  if (!BASE64.test(text)) throw new Error('The message is not valid base64 (host.json messageEncoding is "base64").');
  return Buffer.from(text, 'base64').toString('utf8');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const json = (value: unknown): RpcTypedData => ({ json: JSON.stringify(value) });

export function startQueueListener(options: QueueListenerOptions): QueueListener {
  const { queue, poisonQueue, settings, logger, functionName } = options;
  const source = `Functions.${functionName}`;
  const leaseSeconds = Math.max(1, Math.ceil((options.leaseMs ?? RUNTIME_LEASE_MS) / 1000));
  const backoff = createPollingBackoff(settings.maxPollingIntervalMs);
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let wake: (() => void) | undefined;
  let queueExists = false;
  let foundSinceLastWait = false;
  let lastPollError = '';

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const moveToPoison = async (message: DequeuedMessageItem, popReceipt: string) => {
    logger.log(
      'warning',
      source,
      `Message ${message.messageId} has reached MaxDequeueCount of ${settings.maxDequeueCount}. ` +
        `Moving message to queue '${poisonQueue.name}'.`,
    );
    await poisonQueue.createIfNotExists();
    await poisonQueue.sendMessage(message.messageText);
    await queue.deleteMessage(message.messageId, popReceipt);
  };

  const handle = async (message: DequeuedMessageItem) => {
    let popReceipt = message.popReceipt;
    if (message.dequeueCount > settings.maxDequeueCount) {
      // Delivered more often than allowed without a verdict (its host died mid-run): poison now.
      await moveToPoison(message, popReceipt);
      return;
    }
    // Keep the message hidden while the function runs: renew the lease at half its length.
    let renewal: Promise<void> = Promise.resolve();
    const renew = setInterval(
      () => {
        renewal = renewal
          .then(() => queue.updateMessage(message.messageId, popReceipt, undefined, leaseSeconds))
          .then((updated) => {
            if (updated.popReceipt) popReceipt = updated.popReceipt;
          })
          .catch((error: unknown) => logger.log('warning', source, `lease renewal failed: ${describe(error)}`));
      },
      (leaseSeconds * 1000) / 2,
    );
    let succeeded = false;
    try {
      let text: string;
      try {
        text = decode(message.messageText, settings.messageEncoding);
      } catch (error) {
        logger.log('error', source, `message ${message.messageId}: ${describe(error)}`);
        throw error;
      }
      const metadata: Record<string, RpcTypedData> = {
        Id: { string: message.messageId },
        DequeueCount: json(message.dequeueCount),
        InsertionTime: json(message.insertedOn.toISOString()),
        ExpirationTime: json(message.expiresOn.toISOString()),
        NextVisibleTime: json(message.nextVisibleOn.toISOString()),
        PopReceipt: { string: popReceipt },
        QueueTrigger: { string: text },
      };
      await options.invoke({ string: text }, metadata, `New queue message detected on '${queue.name}'.`);
      succeeded = true;
    } catch {
      // Logged: by invoke() with the invocation's id, or above.
    } finally {
      clearInterval(renew);
      await renewal;
    }
    if (succeeded) {
      await queue.deleteMessage(message.messageId, popReceipt);
    } else if (message.dequeueCount >= settings.maxDequeueCount) {
      await moveToPoison(message, popReceipt);
    } else {
      await queue.updateMessage(
        message.messageId,
        popReceipt,
        undefined,
        Math.ceil(settings.visibilityTimeoutMs / 1000),
      );
    }
  };

  const track = (message: DequeuedMessageItem) => {
    const run = handle(message)
      .catch((error: unknown) =>
        logger.log('error', source, `handling message ${message.messageId} failed: ${describe(error)}`),
      )
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  };

  const poll = async (): Promise<boolean> => {
    try {
      queueExists ||= await queue.exists();
      if (!queueExists) return false;
      const { receivedMessageItems } = await queue.receiveMessages({
        numberOfMessages: settings.batchSize,
        visibilityTimeout: leaseSeconds,
      });
      lastPollError = '';
      for (const message of receivedMessageItems) track(message);
      return receivedMessageItems.length > 0;
    } catch (error) {
      // A missing queue, an outage: back off and try again, as the runtime does; say so once.
      queueExists = false;
      const reason = describe(error);
      if (reason !== lastPollError) logger.log('warning', source, `polling ${queue.name} failed: ${reason}`);
      lastPollError = reason;
      return false;
    }
  };

  const loop = (async () => {
    while (!stopped) {
      if (await poll()) {
        foundSinceLastWait = true;
        while (!stopped && inFlight.size > settings.newBatchThreshold) await Promise.race(inFlight);
        continue;
      }
      if (stopped) break;
      await sleep(backoff.next(foundSinceLastWait));
      foundSinceLastWait = false;
    }
  })();

  return {
    queueName: queue.name,
    async backlog() {
      const messages = await queue
        .getProperties()
        .then((p) => p.approximateMessagesCount ?? 0)
        .catch((error: unknown) => {
          if ((error as { statusCode?: number }).statusCode === 404) return 0;
          throw error;
        });
      return { messages, running: inFlight.size };
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
