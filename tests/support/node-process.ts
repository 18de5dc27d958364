/**
 * Runs one of the built entry scripts (dist/scripts/*.js) as a child process and watches its
 * output. Tests use the compiled scripts so they exercise exactly what `npm start` runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findAppRoot } from '../../scripts/local-stack/app-root';
import { pollUntil } from './poll';

/** The repository root, from sources (jest) and from the build (dist/tests/support, which the bench uses). */
export const repoRoot = findAppRoot(__dirname);

export interface NodeProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal name) once the process has exited and its output is read. */
  exited: Promise<number | NodeJS.Signals>;
  /** SIGTERM, then SIGKILL after a grace period; resolves when the process has exited. */
  kill(): Promise<void>;
}

/** Points at a built script. (No staleness check: tsc leaves unchanged outputs untouched, so
 * mtimes cannot tell; `npm test` always builds first.) */
export function builtScript(relative: string): string {
  const file = path.join(repoRoot, 'dist', relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" (npm test does it first)`);
  return file;
}

export interface SpawnOptions {
  env: NodeJS.ProcessEnv;
  /** Own process group (pgid = pid), so a test can signal and check the whole group. */
  detached?: boolean;
}

export function spawnScript(relative: string, args: readonly string[], options: SpawnOptions): NodeProcess {
  const child = spawn(process.execPath, [builtScript(relative), ...args], {
    cwd: repoRoot,
    env: options.env,
    detached: options.detached ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${relative}`);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  let exitValue: number | NodeJS.Signals | undefined;
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('close', (code, signal) => {
      exitValue = code ?? signal ?? -1;
      resolve(exitValue);
    });
  });

  return {
    child,
    pid: child.pid,
    output: () => output,
    exited,
    async waitForOutput(pattern, timeoutMs = 15_000) {
      return pollUntil(
        () => {
          const match = output.match(pattern);
          if (match) return match;
          if (exitValue !== undefined)
            throw new Error(`process exited (${exitValue}) before printing ${pattern}:\n${output}`);
          return undefined;
        },
        { timeoutMs, intervalMs: 20, what: `${pattern} in the output of ${relative}` },
      ).catch((error: unknown) => {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- output ---\n${output}`);
      });
    },
    async kill() {
      if (exitValue !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a script to completion. */
export async function runScript(
  relative: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 20_000,
): Promise<{ code: number | NodeJS.Signals; output: string }> {
  const proc = spawnScript(relative, args, { env });
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
  const code = await proc.exited;
  clearTimeout(timer);
  return { code, output: proc.output() };
}
