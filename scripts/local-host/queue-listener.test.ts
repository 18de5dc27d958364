/**
 * The local host's queue listener against Azurite's queue service: delivery and deletion,
 * retries by dequeue count into the poison queue, the lease that hides a running message and
 * lapses when its host is gone, base64 text, and the batch bounds.
 */
import type { QueueClient } from '@azure/storage-queue';
import { createStorageClients } from '../../functions/storage/clients';
import { pollUntil } from '../../tests/support/poll';
import { startAzurite, type RunningAzurite } from '../local-stack/azurite';
import type { RpcTypedData } from './core-api-types';
import type { HostLogger } from './host-logger';
import { poisonQueueName, startQueueListener, type QueueListener } from './queue-listener';
import { defaultQueueSettings, type QueueSettings } from './queue-settings';

let azurite: RunningAzurite;
let queue: QueueClient;
let poison: QueueClient;
let listener: QueueListener | undefined;
let counter = 0;
const logged: string[] = [];
const logger: HostLogger = { log: (level, _source, message) => logged.push(`${level}: ${message}`) };

const settings = (overrides: Partial<QueueSettings> = {}): QueueSettings => ({
  ...defaultQueueSettings,
  maxPollingIntervalMs: 200,
  ...overrides,
});
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

interface Delivery {
  text: string | null | undefined;
  metadata: Record<string, RpcTypedData>;
}

function listen(
  handle: (delivery: Delivery) => Promise<void> | void,
  overrides: Partial<QueueSettings> = {},
  leaseMs?: number,
): QueueListener {
  listener = startQueueListener({
    functionName: 'worker',
    queue,
    poisonQueue: poison,
    settings: settings(overrides),
    leaseMs,
    logger,
    invoke: async (data, metadata) => handle({ text: data.string, metadata }),
  });
  return listener;
}

const dequeueCount = (d: Delivery) => Number(JSON.parse(d.metadata['DequeueCount']?.json ?? '0'));

async function messagesIn(q: QueueClient): Promise<number> {
  if (!(await q.exists())) return 0;
  return (await q.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.length;
}

beforeAll(async () => {
  azurite = await startAzurite({ blobPort: 0, queuePort: 0, tablePort: 0 });
});
afterAll(() => azurite.stop());

beforeEach(async () => {
  const clients = createStorageClients(azurite.connectionString);
  queue = clients.queueClient(`jobs${++counter}`);
  poison = clients.queueClient(poisonQueueName(queue.name));
  await queue.create();
});
afterEach(async () => {
  await listener?.stop();
  listener = undefined;
});

describe('startQueueListener', () => {
  it('hands over the decoded text with the trigger metadata, and deletes the message after success', async () => {
    const seen: Delivery[] = [];
    await queue.sendMessage(base64(JSON.stringify({ jobId: 'j1', namn: 'Umeå' })));
    listen((d) => {
      seen.push(d);
    });
    await pollUntil(() => seen.length === 1, { what: 'the delivery' });
    expect(JSON.parse(seen[0]!.text!)).toEqual({ jobId: 'j1', namn: 'Umeå' });
    expect(dequeueCount(seen[0]!)).toBe(1);
    expect(Object.keys(seen[0]!.metadata).sort()).toEqual([
      'DequeueCount',
      'ExpirationTime',
      'Id',
      'InsertionTime',
      'NextVisibleTime',
      'PopReceipt',
      'QueueTrigger',
    ]);
    await pollUntil(async () => (await messagesIn(queue)) === 0, { what: 'the message to be deleted' });
    expect(await messagesIn(poison)).toBe(0);
  });

  it('delivers a failing message again with a higher dequeue count, then moves it to the poison queue', async () => {
    const counts: number[] = [];
    await queue.sendMessage(base64('boom'));
    listen(
      (d) => {
        counts.push(dequeueCount(d));
        throw new Error('fails every time');
      },
      { maxDequeueCount: 3 },
    );
    await pollUntil(async () => (await messagesIn(poison)) === 1, { timeoutMs: 15_000, what: 'the poison message' });
    expect(counts).toEqual([1, 2, 3]);
    expect(await messagesIn(queue)).toBe(0);
    // The poison queue holds the message as it was sent (still encoded).
    const [moved] = (await poison.peekMessages()).peekedMessageItems;
    expect(moved?.messageText).toBe(base64('boom'));
    expect(logged.some((l) => /reached MaxDequeueCount of 3/.test(l))).toBe(true);
  });

  it('succeeds on a later delivery without reaching the poison queue', async () => {
    const counts: number[] = [];
    await queue.sendMessage(base64('flaky'));
    listen((d) => {
      counts.push(dequeueCount(d));
      if (counts.length < 2) throw new Error('first try fails');
    });
    await pollUntil(async () => counts.length === 2 && (await messagesIn(queue)) === 0, { what: 'the retry' });
    expect(counts).toEqual([1, 2]);
    expect(await messagesIn(poison)).toBe(0);
  });

  it('waits visibilityTimeout before retrying a failed message', async () => {
    const at: number[] = [];
    await queue.sendMessage(base64('later'));
    listen(
      () => {
        at.push(Date.now());
        if (at.length === 1) throw new Error('once');
      },
      { visibilityTimeoutMs: 2000 },
    );
    await pollUntil(() => at.length === 2, { timeoutMs: 15_000, what: 'the second delivery' });
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(1900);
  });

  it('keeps a running message hidden by renewing its lease, however long the function runs', async () => {
    await queue.sendMessage(base64('slow'));
    // First host: holds the message four times its one-second lease, then fails.
    let release: () => void = () => undefined;
    const deliveries: number[] = [];
    const first = startQueueListener({
      functionName: 'worker',
      queue,
      poisonQueue: poison,
      settings: settings(),
      leaseMs: 1000,
      logger,
      invoke: async (_data, metadata) => {
        deliveries.push(Number(JSON.parse(metadata['DequeueCount']?.json ?? '0')));
        await new Promise<void>((resolve) => (release = resolve));
        throw new Error('failed after a long run');
      },
    });
    await pollUntil(() => deliveries.length === 1, { what: 'the first delivery' });
    const second: number[] = [];
    listen((d) => {
      second.push(dequeueCount(d));
    }, {});
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(second).toEqual([]); // Renewed: no other listener got it while it ran.
    const stopping = first.stop();
    release();
    await stopping;
    await pollUntil(() => second.length === 1, { timeoutMs: 15_000, what: 'the redelivery' });
    expect(second).toEqual([2]);
  }, 30_000);

  it('gets back a message whose host died holding it, once the lease lapses', async () => {
    await queue.sendMessage(base64('orphaned'));
    // A host fetched it with a one-second lease and was killed: nobody renews or settles it.
    await queue.receiveMessages({ visibilityTimeout: 1 });
    const seen: Delivery[] = [];
    listen((d) => void seen.push(d));
    await pollUntil(() => seen.length === 1, { what: 'the redelivery' });
    expect(dequeueCount(seen[0]!)).toBe(2);
  });

  it('moves a message that arrives beyond maxDequeueCount to the poison queue without running it', async () => {
    await queue.sendMessage(base64('crashed before'));
    // Three deliveries that never settled, as three hosts killed mid-run would leave it.
    for (let i = 0; i < 3; i++) {
      const [m] = (await queue.receiveMessages({ visibilityTimeout: 1 })).receivedMessageItems;
      await queue.updateMessage(m!.messageId, m!.popReceipt, undefined, 0);
    }
    const ran: string[] = [];
    listen(
      (d) => {
        ran.push(String(d.text));
      },
      { maxDequeueCount: 3 },
    );
    await pollUntil(async () => (await messagesIn(poison)) === 1, { what: 'the poison message' });
    expect(ran).toEqual([]);
  });

  it('treats text that is not base64 as a failure of the message, never as its content', async () => {
    await queue.sendMessage('{"not":"encoded"}');
    const ran: unknown[] = [];
    listen((d) => void ran.push(d.text), { maxDequeueCount: 1 });
    await pollUntil(async () => (await messagesIn(poison)) === 1, { what: 'the poison message' });
    expect(ran).toEqual([]);
    expect(logged.some((l) => /not valid base64/.test(l))).toBe(true);
  });

  it('reads plain text with messageEncoding "none"', async () => {
    await queue.sendMessage('plain');
    const seen: Delivery[] = [];
    listen((d) => void seen.push(d), { messageEncoding: 'none' });
    await pollUntil(() => seen.length === 1, { what: 'the delivery' });
    expect(seen[0]?.text).toBe('plain');
  });

  it('runs at most batchSize + newBatchThreshold messages at once', async () => {
    for (let i = 0; i < 8; i++) await queue.sendMessage(base64(`m${i}`));
    let running = 0;
    let most = 0;
    let done = 0;
    listen(
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 150));
        running -= 1;
        done += 1;
      },
      { batchSize: 2, newBatchThreshold: 1 },
    );
    await pollUntil(() => done === 8, { timeoutMs: 15_000, what: 'all eight messages' });
    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThanOrEqual(2);
  });

  it('waits for a queue that does not exist yet, and picks up its first message', async () => {
    await queue.delete();
    const seen: Delivery[] = [];
    listen((d) => void seen.push(d));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await queue.create();
    await queue.sendMessage(base64('first'));
    await pollUntil(() => seen.length === 1, { what: 'the first message' });
    expect(seen[0]?.text).toBe('first');
  });
});
