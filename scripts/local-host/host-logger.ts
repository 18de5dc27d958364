/**
 * Console output of the local host, shaped like Core Tools' (`[time] source: message`),
 * so logs read the same whichever host runs the app.
 */
import type { RpcLogLevel } from './core-api-types';

export interface HostLogger {
  log(level: RpcLogLevel, source: string, message: string): void;
}

export interface ConsoleLogger extends HostLogger {
  /** Writes lines still waiting, before output that bypasses the logger. */
  flush(): void;
}

const quietLevels: ReadonlySet<RpcLogLevel> = new Set(['trace', 'debug', 'none']);

interface Output {
  write(text: string): unknown;
}

/**
 * Writes information and above; warnings and errors go to stderr.
 *
 * Information lines (two per invocation) are gathered and written once per turn of the event
 * loop: on Linux a write to a pipe blocks, and under a burst of requests one write per line
 * cost the host about a tenth of a millisecond each. Before anything goes to stderr, and when
 * the process exits, the gathered lines are written first, so the order on a terminal holds.
 */
export function createConsoleLogger(
  options: { verbose?: boolean; stdout?: Output; stderr?: Output; onExit?: (flush: () => void) => void } = {},
): ConsoleLogger {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    stdout.write(text);
  };
  (options.onExit ?? ((last) => process.on('exit', last)))(flush);
  return {
    flush,
    log(level, source, message) {
      if (!options.verbose && quietLevels.has(level)) return;
      const line = `[${new Date().toISOString()}] ${source}: ${message}\n`;
      if (level === 'error' || level === 'critical' || level === 'warning') {
        flush();
        stderr.write(line);
      } else {
        if (pending.length === 0) setImmediate(flush);
        pending.push(line);
      }
    },
  };
}
