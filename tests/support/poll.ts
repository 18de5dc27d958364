/**
 * Waits for a condition by polling it: tests synchronise on observable state, never on sleeps.
 */
export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Describes what was awaited, for the timeout message. */
  what?: string;
}

/** Resolves with the first defined, non-false value `probe` returns; rejects on timeout. */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: PollOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
