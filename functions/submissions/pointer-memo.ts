/**
 * What this instance last wrote to each report's current pointer, with the ETag storage gave
 * it. It is a guess, never a truth: a write built on it carries the ETag, so if another
 * instance (or a state change) moved the pointer since, storage refuses the write and the
 * caller reads the pointer instead. A hit saves the point read before a resubmission.
 *
 * Bounded: the oldest entries go first once `limit` reports are remembered.
 */
export interface PointerGuess {
  etag: string;
  version: number;
  sha256: string;
  state: string;
}

export class PointerMemo {
  private readonly entries = new Map<string, PointerGuess>();

  constructor(private readonly limit = 10_000) {}

  get(key: string): PointerGuess | undefined {
    return this.entries.get(key);
  }

  remember(key: string, guess: PointerGuess): void {
    // Re-inserting moves the key to the end, so iteration order is oldest write first.
    this.entries.delete(key);
    this.entries.set(key, guess);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
