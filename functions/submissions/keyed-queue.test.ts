import { KeyedQueue } from './keyed-queue';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedQueue', () => {
  it('runs the jobs of one key one at a time, in arrival order, and other keys side by side', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const job = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([
      queue.run('a', job('a1')),
      queue.run('a', job('a2')),
      queue.run('b', job('b1')),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a1 end')).toBeLessThan(log.indexOf('a2 start'));
    // b1 does not wait for a's jobs.
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('gives a failure to its own caller only, and the next job of the key still runs', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', () => Promise.reject(new Error('lost')));
    const next = queue.run('a', async () => 'ran');
    await expect(failed).rejects.toThrow('lost');
    await expect(next).resolves.toBe('ran');
  });

  it('forgets a key once its jobs are done', async () => {
    const queue = new KeyedQueue();
    await Promise.all([queue.run('a', async () => 1), queue.run('b', async () => 2)]);
    await tick();
    expect(queue.size).toBe(0);
  });
});
