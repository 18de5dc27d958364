/**
 * Runs async jobs one at a time per key, in arrival order; different keys run side by side. A
 * job's failure is its caller's alone: the next job of the same key runs regardless.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(job, job);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget the key once its last job is done, so the map holds only keys with work queued.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a job running or waiting. */
  get size(): number {
    return this.tails.size;
  }
}
