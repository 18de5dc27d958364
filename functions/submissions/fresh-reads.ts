/**
 * Shares reads of one key between callers without ever answering a caller with a read that
 * started before it asked. At most one read per key is in flight; callers who ask meanwhile
 * wait for the next read, which starts when that one ends and answers all of them. At a
 * deadline every submission of a period reads the same settings row, so a burst costs a few
 * reads of it instead of one per submission, and each answer is still as fresh as a read of
 * one's own.
 */
export class FreshReads<T> {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly next = new Map<string, Promise<T>>();

  read(key: string, load: () => Promise<T>): Promise<T> {
    const queued = this.next.get(key);
    if (queued) return queued;
    const running = this.inFlight.get(key);
    // Nothing in flight: read now. Otherwise queue one read behind it, shared by every caller until it starts.
    const start = running ? running.then(noop, noop) : Promise.resolve();
    const read = start.then(() => {
      if (this.next.get(key) === read) this.next.delete(key);
      return load();
    });
    if (running) this.next.set(key, read);
    const settled = read.then(noop, noop);
    this.inFlight.set(key, settled);
    void settled.then(() => {
      if (this.inFlight.get(key) === settled) this.inFlight.delete(key);
    });
    return read;
  }
}

const noop = (): void => undefined;
