import type { TableTransactionResponse } from '@azure/data-tables';

/** A strong or weak HTTP entity tag, as storage sends it in a transaction's sub-response. */
const ETAG = /^(W\/)?"[^"\r\n]*"$/;

/**
 * What this instance last wrote to each series' current pointer, with the ETag storage gave
 * it. It is a guess, never a truth: a write built on it carries the ETag, so if another
 * instance (or a state change) moved the pointer since, storage refuses the write and the
 * caller reads the pointer instead. A hit saves the point read before a resubmission.
 *
 * Bounded: the oldest entries go first once `limit` series are remembered.
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

  /**
   * Remembers the pointer written as action `index` of `count` in a transaction, if storage's
   * answer is plain; forgets it otherwise.
   */
  rememberWritten(
    key: string,
    response: TableTransactionResponse,
    [index, count]: [number, number],
    pointer: Omit<PointerGuess, 'etag'>,
  ): void {
    const answer = response.subResponses.length === count ? response.subResponses[index] : undefined;
    // The SDK cuts the ETag out of the multipart answer with its line ending; anything odd is not trusted.
    const tag = answer && answer.status >= 200 && answer.status < 300 ? answer.etag?.trim() : undefined;
    if (tag && ETAG.test(tag)) this.remember(key, { etag: tag, ...pointer });
    else this.forget(key);
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
