import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Why a task got no answer from its worker. */
export type WorkerFailure = 'time' | 'memory' | 'crash' | 'busy';

export class WorkerTaskFailed extends Error {
  override name = 'WorkerTaskFailed';
  constructor(
    readonly reason: WorkerFailure,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

export interface WorkerPoolOptions {
  /** The worker's script (a file path), or its source with `eval: true`. */
  script: string;
  eval?: boolean;
  execArgv?: string[];
  /** Workers that run at once; each runs one task at a time and is reused. */
  size: number;
  /** Tasks that may wait for a worker; more are refused as `busy` at once. */
  queueLimit: number;
  /** A task running longer is stopped by ending its worker. */
  timeoutMs: number;
  resourceLimits: ResourceLimits;
}

/** What a worker script answers per task (see `serveTasks`). */
export type TaskAnswer<O> = { id: number; ok: true; value: O } | { id: number; ok: false; error: unknown };

interface Task<I, O> {
  id: number;
  input: I;
  transfer: ArrayBuffer[];
  resolve(value: O): void;
  reject(error: unknown): void;
}

interface Slot<I, O> {
  worker: Worker;
  task?: Task<I, O>;
  timer?: NodeJS.Timeout;
}

/**
 * A few long-lived worker threads, each with a memory limit, that run tasks one at a time
 * under a time budget. A task that overruns either ends its worker (and only its worker: the
 * instance and the other tasks go on) and is answered with {@link WorkerTaskFailed}; the next
 * task starts a fresh worker. Workers are kept between tasks, since starting one costs more
 * than most tasks.
 */
export class WorkerPool<I, O> {
  private readonly slots: Slot<I, O>[] = [];
  private readonly queue: Task<I, O>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  run(input: I, transfer: ArrayBuffer[] = []): Promise<O> {
    if (this.closed) return Promise.reject(new WorkerTaskFailed('crash', 'pool closed'));
    if (this.queue.length >= this.options.queueLimit)
      return Promise.reject(new WorkerTaskFailed('busy', `${this.queue.length} tasks waiting`));
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, transfer, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every worker; tasks still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new WorkerTaskFailed('crash', 'pool closed'));
    await Promise.all(this.slots.splice(0).map((slot) => this.end(slot, new WorkerTaskFailed('crash', 'pool closed'))));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(
        () => void this.end(slot, new WorkerTaskFailed('time', `over ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
      slot.worker.postMessage({ id: task.id, input: task.input }, task.transfer);
    }
  }

  private spawn(): Slot<I, O> {
    const worker = new Worker(this.options.script, {
      eval: this.options.eval ?? false,
      execArgv: this.options.execArgv,
      resourceLimits: this.options.resourceLimits,
    });
    const slot: Slot<I, O> = { worker };
    worker.unref();
    worker.on('message', (answer: TaskAnswer<O>) => {
      const task = slot.task;
      if (!task || answer.id !== task.id) return;
      this.release(slot);
      if (answer.ok) task.resolve(answer.value);
      else task.reject(answer.error);
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash';
      void this.end(slot, new WorkerTaskFailed(reason, error.message));
    });
    worker.on('exit', (code) => void this.end(slot, new WorkerTaskFailed('crash', `worker exited with ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private release(slot: Slot<I, O>): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.task = undefined;
    slot.worker.unref();
  }

  /** Removes a worker from the pool, answers its task with `failure`, and lets waiting tasks start. */
  private async end(slot: Slot<I, O>, failure: WorkerTaskFailed): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const task = slot.task;
    this.release(slot);
    task?.reject(failure);
    await slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
