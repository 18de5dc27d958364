import { parentPort } from 'node:worker_threads';
import type { TaskAnswer } from './worker-pool';

/** The worker's side of {@link WorkerPool}: answers each task with its value or its error. */
export function serveTasks<I, O>(handle: (input: I) => Promise<O>, describeError: (error: unknown) => unknown): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', ({ id, input }: { id: number; input: I }) => {
    handle(input).then(
      (value) => port.postMessage({ id, ok: true, value } satisfies TaskAnswer<O>),
      (error: unknown) => port.postMessage({ id, ok: false, error: describeError(error) } satisfies TaskAnswer<O>),
    );
  });
}
