/**
 * Orderly shutdown for the local stack's entry scripts: Ctrl-C (SIGINT) or SIGTERM stops
 * every started part in reverse order, then exits. Everything runs in this one process, so
 * once the parts are closed nothing is left behind; a second signal exits at once.
 */
export interface Lifecycle {
  /** Registers a part to stop at shutdown (stopped last-in, first-out). */
  add(name: string, stop: () => Promise<void>): void;
  /** Stops everything; resolves when done. Safe to call more than once. */
  shutdown(reason: string): Promise<void>;
}

export interface LifecycleOptions {
  /** Per-part limit, so one stuck part cannot keep the process alive. */
  stopTimeoutMs?: number;
  log(message: string): void;
}

export function createLifecycle(options: LifecycleOptions): Lifecycle {
  const parts: { name: string; stop: () => Promise<void> }[] = [];
  const stopTimeoutMs = options.stopTimeoutMs ?? 5000;
  let shuttingDown: Promise<void> | undefined;

  const stopPart = async (part: { name: string; stop: () => Promise<void> }) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), stopTimeoutMs);
    });
    try {
      const outcome = await Promise.race([part.stop().then(() => 'stopped' as const), timeout]);
      if (outcome === 'timeout') options.log(`${part.name} did not stop within ${stopTimeoutMs} ms; leaving it`);
    } catch (error) {
      options.log(`${part.name} failed to stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    add(name, stop) {
      parts.push({ name, stop });
    },
    shutdown(reason) {
      shuttingDown ??= (async () => {
        options.log(`Stopping (${reason})…`);
        for (const part of [...parts].reverse()) await stopPart(part);
        parts.length = 0;
      })();
      return shuttingDown;
    },
  };
}

/**
 * Wires SIGINT/SIGTERM to `lifecycle.shutdown` and exits when it is done
 * (0 after a signal, as a user's Ctrl-C is a normal way to stop the stack).
 */
export function exitOnSignals(lifecycle: Lifecycle): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      process.exit(130); // Second Ctrl-C: the user insists.
    }
    signalled = true;
    void lifecycle.shutdown(signal).then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/**
 * Runs an entry script's main. Expected failures (bad settings, ports in use) print their
 * message only; anything else also prints a stack, so a bug is never reduced to one line.
 */
export function runMain(main: () => Promise<void>, expectedErrors: readonly string[]): void {
  const isExpected = (e: unknown) => e instanceof Error && expectedErrors.includes(e.name);
  main().catch((error: unknown) => {
    const lines = [error instanceof Error ? error.message : String(error)];
    // A module that failed to load is reported by its own error: expected, or with its stack.
    const culprit = error instanceof Error && error.name === 'AppLoadError' ? error.cause : error;
    if (!isExpected(culprit) && culprit instanceof Error && culprit.stack) {
      lines.push(culprit === error ? culprit.stack.split('\n').slice(1).join('\n') : culprit.stack);
    }
    process.stderr.write(`\n${lines.join('\n')}\n`);
    process.exitCode = 1;
  });
}
