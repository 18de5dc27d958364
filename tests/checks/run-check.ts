import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** An npm script of package.json, split into the program in node_modules/.bin and its arguments. */
export function npmScript(name: string): { bin: string; args: string[] } {
  const scripts = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const command = scripts[name];
  if (!command) throw new Error(`package.json has no script ${name}`);
  const [program = '', ...args] = command.split(/\s+/);
  // A file the command names (a config, a built script) is the repository's, wherever it runs.
  const isFile = (a: string) => existsSync(path.join(ROOT, a)) && statSync(path.join(ROOT, a)).isFile();
  const absolute = args.map((a) => (isFile(a) ? path.join(ROOT, a) : a));
  const bin = program === 'node' ? process.execPath : path.join(ROOT, 'node_modules', '.bin', program);
  return { bin, args: absolute };
}

/** Runs an npm script's command, as `npm test` does, in another folder; its exit status and output. */
export function runScriptIn(name: string, cwd: string, extraArgs: string[] = []): { status: number; output: string } {
  const { bin, args } = npmScript(name);
  const run = spawnSync(bin, [...args, ...extraArgs], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}
