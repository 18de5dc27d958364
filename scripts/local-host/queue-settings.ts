/**
 * host.json's `extensions.queues`, read as the Functions runtime's storage-queue extension (5.x)
 * reads it, with its defaults: what the local host's queue listeners poll and retry by.
 */
import { z } from 'zod';

export interface QueueSettings {
  /** Longest wait between polls of an empty queue; the wait starts at 100 ms and doubles up to this. */
  maxPollingIntervalMs: number;
  /** How long a message whose function failed stays invisible before it is tried again. */
  visibilityTimeoutMs: number;
  /** Messages fetched per poll (1–32). */
  batchSize: number;
  /** A new batch is fetched once no more than this many messages are still being processed. */
  newBatchThreshold: number;
  /** Deliveries before a failing message moves to the `<queue>-poison` queue. */
  maxDequeueCount: number;
  /** How message text is encoded on the queue. */
  messageEncoding: 'base64' | 'none';
}

export const defaultQueueSettings: QueueSettings = {
  maxPollingIntervalMs: 60_000,
  visibilityTimeoutMs: 0,
  batchSize: 16,
  newBatchThreshold: 8,
  maxDequeueCount: 5,
  messageEncoding: 'base64',
};

/** A .NET TimeSpan as host.json writes it: `[d.]hh:mm:ss[.fffffff]`. */
const TIME_SPAN = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;

export function parseTimeSpan(value: string): number | undefined {
  const match = TIME_SPAN.exec(value.trim());
  if (!match) return undefined;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
  const ms = Number(`0.${fraction || '0'}`) * 1000;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000 + ms;
}

const timeSpan = z.string().transform((value, ctx) => {
  const ms = parseTimeSpan(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a time span like "00:00:30" (got ${JSON.stringify(value)})` });
    return z.NEVER;
  }
  return ms;
});

export const queuesSchema = z
  .object({
    maxPollingInterval: timeSpan.optional(),
    visibilityTimeout: timeSpan.optional(),
    batchSize: z.coerce.number().int().min(1).max(32).optional(),
    newBatchThreshold: z.coerce.number().int().min(0).optional(),
    maxDequeueCount: z.coerce.number().int().min(1).optional(),
    messageEncoding: z.enum(['base64', 'none']).optional(),
  })
  .refine((q) => q.maxPollingInterval === undefined || q.maxPollingInterval >= 100, {
    message: 'maxPollingInterval must be at least 00:00:00.1',
    path: ['maxPollingInterval'],
  });

export function queueSettingsFrom(queues: z.infer<typeof queuesSchema> | undefined): QueueSettings {
  const batchSize = queues?.batchSize ?? defaultQueueSettings.batchSize;
  return {
    maxPollingIntervalMs: queues?.maxPollingInterval ?? defaultQueueSettings.maxPollingIntervalMs,
    visibilityTimeoutMs: queues?.visibilityTimeout ?? defaultQueueSettings.visibilityTimeoutMs,
    batchSize,
    // The extension's default is half the batch size.
    newBatchThreshold: queues?.newBatchThreshold ?? Math.floor(batchSize / 2),
    maxDequeueCount: queues?.maxDequeueCount ?? defaultQueueSettings.maxDequeueCount,
    messageEncoding: queues?.messageEncoding ?? defaultQueueSettings.messageEncoding,
  };
}

/**
 * Applies the runtime's overrides of host.json from the environment: an app setting named
 * `AzureFunctionsJobHost__extensions__queues__maxDequeueCount` replaces that value (keys are
 * case-insensitive; `__` separates the levels).
 */
export function applyHostJsonOverrides(hostJson: unknown, env: NodeJS.ProcessEnv): unknown {
  const prefix = 'azurefunctionsjobhost__';
  const root: Record<string, unknown> =
    typeof hostJson === 'object' && hostJson !== null ? structuredClone(hostJson as Record<string, unknown>) : {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !name.toLowerCase().startsWith(prefix)) continue;
    const path = name.slice(prefix.length).split('__').filter(Boolean);
    let node = root;
    for (const [i, segment] of path.entries()) {
      const key = Object.keys(node).find((k) => k.toLowerCase() === segment.toLowerCase()) ?? segment;
      if (i === path.length - 1) {
        node[key] = value;
      } else {
        const next = node[key];
        node = node[key] = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : {};
      }
    }
  }
  return root;
}
