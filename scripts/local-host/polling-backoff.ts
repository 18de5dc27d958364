/**
 * How long a queue listener waits before polling again, as the runtime's queue listener waits:
 * 100 ms after a poll that found messages, and after each empty poll a longer wait — the
 * minimum plus a doubling step with ±20 % jitter — until it reaches the configured maximum
 * (host.json `maxPollingInterval`). An idle queue costs few requests; a busy one is drained
 * without pause.
 */
export const MIN_POLLING_INTERVAL_MS = 100;
const JITTER = 0.2;

export interface PollingBackoff {
  /** The wait before the next poll; `foundMessages` says whether any poll since the last wait found some. */
  next(foundMessages: boolean): number;
}

export function createPollingBackoff(maxMs: number, random: () => number = Math.random): PollingBackoff {
  const max = Math.max(MIN_POLLING_INTERVAL_MS, maxMs);
  let current = MIN_POLLING_INTERVAL_MS;
  let exponent = 0;
  return {
    next(foundMessages) {
      if (foundMessages) {
        current = MIN_POLLING_INTERVAL_MS;
        exponent = 0;
      } else if (current < max) {
        const step = MIN_POLLING_INTERVAL_MS * 2 ** exponent * (1 - JITTER + 2 * JITTER * random());
        current = Math.min(max, MIN_POLLING_INTERVAL_MS + step);
        exponent += 1;
      }
      return current;
    },
  };
}
