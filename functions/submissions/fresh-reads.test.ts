import { FreshReads } from './fresh-reads';

/** A load whose calls are counted and which the test settles by hand. */
function manualLoads() {
  const pending: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  let calls = 0;
  const load = () =>
    new Promise<number>((resolve, reject) => {
      calls++;
      pending.push({ resolve, reject });
    });
  return { load, pending, calls: () => calls };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('FreshReads', () => {
  it('answers callers who ask while a read is in flight with one shared read that starts after them', async () => {
    const reads = new FreshReads<number>();
    const loads = manualLoads();
    const first = reads.read('p', loads.load);
    await flush();
    expect(loads.calls()).toBe(1);
    // Three callers ask while the first read is in flight: they must not get its answer.
    const later = [reads.read('p', loads.load), reads.read('p', loads.load), reads.read('p', loads.load)];
    await flush();
    expect(loads.calls()).toBe(1);
    loads.pending[0]!.resolve(1);
    expect(await first).toBe(1);
    await flush();
    expect(loads.calls()).toBe(2);
    loads.pending[1]!.resolve(2);
    expect(await Promise.all(later)).toEqual([2, 2, 2]);
  });

  it('starts a new read for a caller who asks after the shared read has begun', async () => {
    const reads = new FreshReads<number>();
    const loads = manualLoads();
    const first = reads.read('p', loads.load);
    const second = reads.read('p', loads.load);
    await flush();
    loads.pending[0]!.resolve(1);
    await first;
    await flush();
    // The shared read (second) is now in flight; a newcomer waits for a third.
    const third = reads.read('p', loads.load);
    loads.pending[1]!.resolve(2);
    expect(await second).toBe(2);
    await flush();
    expect(loads.calls()).toBe(3);
    loads.pending[2]!.resolve(3);
    expect(await third).toBe(3);
  });

  it('keeps keys apart, passes a failure to the callers of that read only, and reads again afterwards', async () => {
    const reads = new FreshReads<number>();
    const loads = manualLoads();
    const a = reads.read('a', loads.load);
    const b = reads.read('b', loads.load);
    await flush();
    expect(loads.calls()).toBe(2);
    loads.pending[0]!.reject(new Error('storage down'));
    loads.pending[1]!.resolve(7);
    await expect(a).rejects.toThrow('storage down');
    expect(await b).toBe(7);
    const again = reads.read('a', loads.load);
    await flush();
    loads.pending[2]!.resolve(8);
    expect(await again).toBe(8);
  });
});
