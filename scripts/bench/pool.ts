/**
 * Runs async jobs with at most `concurrency` in flight, in order of the list. A bounded pool
 * rather than `Promise.all` over everything, so a load run states exactly how many requests
 * are in flight at once and cannot open more sockets than asked for.
 */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  job: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
