import { WorkerPool, WorkerTaskFailed } from './worker-pool';
import { rejectionOf } from '../../tests/support/rejection';

/** A worker speaking the pool's protocol: `loop` never answers, `grow` allocates until the heap runs out. */
const SCRIPT = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ id, input }) => {
  if (input === 'loop') for (;;) {}
  if (input === 'grow') { const hoard = []; for (;;) hoard.push(new Array(100000).fill(hoard.length)); }
  if (input === 'fail') return parentPort.postMessage({ id, ok: false, error: { refusal: 'not-xlsx' } });
  parentPort.postMessage({ id, ok: true, value: { echo: input, threadId } });
});`;

type Answer = { echo: string; threadId: number };

function pool(overrides: { size?: number; queueLimit?: number; timeoutMs?: number } = {}): WorkerPool<string, Answer> {
  return new WorkerPool<string, Answer>({
    script: SCRIPT,
    eval: true,
    size: overrides.size ?? 1,
    queueLimit: overrides.queueLimit ?? 8,
    timeoutMs: overrides.timeoutMs ?? 2_000,
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
  });
}

describe('WorkerPool', () => {
  it('reuses its worker from task to task', async () => {
    const p = pool();
    const first = await p.run('a');
    const second = await p.run('b');
    expect(second).toEqual({ echo: 'b', threadId: first.threadId });
    await p.close();
  });

  it('ends a task that overruns its time, and the next task gets a fresh worker', async () => {
    const p = pool({ timeoutMs: 300 });
    const before = await p.run('a');
    expect((await rejectionOf(p.run('loop'), WorkerTaskFailed)).reason).toBe('time');
    const after = await p.run('b');
    expect(after.echo).toBe('b');
    expect(after.threadId).not.toBe(before.threadId);
    await p.close();
  });

  it('ends a task that exhausts its heap, without harm to this thread', async () => {
    const p = pool({ timeoutMs: 20_000 });
    expect((await rejectionOf(p.run('grow'), WorkerTaskFailed)).reason).toBe('memory');
    expect((await p.run('c')).echo).toBe('c');
    await p.close();
  });

  it('answers the tasks waiting behind a runaway one', async () => {
    const p = pool({ timeoutMs: 300 });
    const runaway = rejectionOf(p.run('loop'), WorkerTaskFailed);
    const waiting = p.run('d');
    expect((await runaway).reason).toBe('time');
    expect((await waiting).echo).toBe('d');
    await p.close();
  });

  it('refuses at once when the queue is full', async () => {
    const p = pool({ queueLimit: 1, timeoutMs: 300 });
    const running = p.run('loop').catch(() => undefined);
    const queued = p.run('e').catch(() => undefined);
    expect((await rejectionOf(p.run('f'), WorkerTaskFailed)).reason).toBe('busy');
    await Promise.all([running, queued]);
    await p.close();
  });

  it('passes a task its worker refused through as it was answered', async () => {
    const p = pool();
    await expect(p.run('fail')).rejects.toEqual({ refusal: 'not-xlsx' });
    await p.close();
  });
});
