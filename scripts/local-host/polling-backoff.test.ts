import { createPollingBackoff } from './polling-backoff';

describe('createPollingBackoff', () => {
  it('starts at 100 ms, doubles its step while the queue is empty, stops at the maximum, resets on a find', () => {
    const backoff = createPollingBackoff(2000, () => 0.5); // no jitter
    const waits = Array.from({ length: 7 }, () => backoff.next(false));
    expect(waits).toEqual([200, 300, 500, 900, 1700, 2000, 2000]);
    expect(backoff.next(true)).toBe(100);
    expect(backoff.next(false)).toBe(200);
  });

  it('jitters each step by at most a fifth', () => {
    const low = createPollingBackoff(60_000, () => 0);
    const high = createPollingBackoff(60_000, () => 0.999_999);
    expect(low.next(false)).toBeCloseTo(180);
    expect(high.next(false)).toBeCloseTo(220);
  });
});
