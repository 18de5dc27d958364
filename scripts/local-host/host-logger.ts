/**
 * Console output of the local host, shaped like Core Tools' (`[time] source: message`),
 * so logs read the same whichever host runs the app.
 */
import type { RpcLogLevel } from './core-api-types';

export interface HostLogger {
  log(level: RpcLogLevel, source: string, message: string): void;
}

const quietLevels: ReadonlySet<RpcLogLevel> = new Set(['trace', 'debug', 'none']);

/** Writes information and above; warnings and errors go to stderr. */
export function createConsoleLogger(options: { verbose?: boolean } = {}): HostLogger {
  return {
    log(level, source, message) {
      if (!options.verbose && quietLevels.has(level)) return;
      const line = `[${new Date().toISOString()}] ${source}: ${message}`;
      if (level === 'error' || level === 'critical' || level === 'warning') {
        process.stderr.write(line + '\n');
      } else {
        process.stdout.write(line + '\n');
      }
    },
  };
}
