/**
 * Cold import of the Function App: a fresh Node process requires the entry module and every
 * function file, as the Functions worker does on a cold start (package.json "main"). Measured
 * inside the child (from before the first require to after the last) and as the child's whole
 * life (spawn to exit, including Node's own start).
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { childEnv } from '../../tests/support/test-stack';
import { findAppRoot } from '../local-stack/app-root';
import { ms, summarize } from './measure';
import type { SectionResult } from './report';

const RUNS = 9;
/** The app's runtime dependencies, each timed alone to see which dominate the cold start. */
const DEPENDENCIES = [
  'exceljs',
  '@azure/storage-blob',
  '@azure/data-tables',
  'zod',
  'jose',
  'yauzl',
  '@azure/functions',
] as const;
const DEPENDENCY_RUNS = 3;

/** dist/functions/index.js, then http/*.js and timers/*.js, as package.json "main" names them. */
export function functionEntryFiles(root: string): string[] {
  const dir = path.join(root, 'dist', 'functions');
  const folder = (name: string) => {
    try {
      return readdirSync(path.join(dir, name))
        .filter((f) => f.endsWith('.js') && !f.endsWith('.test.js'))
        .map((f) => path.join(dir, name, f));
    } catch {
      return [];
    }
  };
  return [path.join(dir, 'index.js'), ...folder('http'), ...folder('timers')];
}

function runOnce(files: readonly string[], env: NodeJS.ProcessEnv): Promise<{ requireMs: number; processMs: number }> {
  const script =
    `const t=process.hrtime.bigint();for(const f of ` +
    `${JSON.stringify(files)})require(f);process.stdout.write('REQUIRE_NS='+(process.hrtime.bigint()-t));`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /REQUIRE_NS=(\d+)/.exec(out);
      if (code !== 0 || !match) return reject(new Error(`cold import failed (${code}): ${err.slice(0, 500)}`));
      resolve({ requireMs: Number(match[1]) / 1e6, processMs: performance.now() - started });
    });
  });
}

export async function benchColdImport(): Promise<SectionResult> {
  const root = findAppRoot(__dirname);
  const files = functionEntryFiles(root);
  const env = childEnv({});
  await runOnce(files, env); // fills the OS file cache, as a warm machine would have it
  const runs: { requireMs: number; processMs: number }[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runOnce(files, env));
  const requires = summarize(runs.map((r) => r.requireMs));
  const processes = summarize(runs.map((r) => r.processMs));
  const dependencies: [string, number][] = [];
  for (const name of DEPENDENCIES) {
    const samples: number[] = [];
    // Resolved from the repository, as the app resolves it.
    for (let i = 0; i < DEPENDENCY_RUNS; i++)
      samples.push((await runOnce([require.resolve(name, { paths: [root] })], env)).requireMs);
    dependencies.push([name, summarize(samples).median]);
  }
  return {
    id: 'cold-import',
    title: 'Cold import of the functions entry',
    rows: [
      {
        measure: `require of index.js + ${files.length - 1} function files (median / max of ${RUNS})`,
        value: `${ms(requires.median)} / ${ms(requires.max)}`,
      },
      { measure: 'whole process: node start + requires + exit (median)', value: ms(processes.median) },
      {
        measure:
          `each dependency alone in a fresh process (median of ${DEPENDENCY_RUNS}; they ` +
          `share libraries, so these do not add up)`,
        value: dependencies.map(([name, t]) => `${name} ${ms(t)}`).join(' · '),
      },
    ],
    notes: [
      `A fresh \`node -e\` per run requiring dist/functions/index.js and every file in ` +
        `dist/functions/http and dist/functions/timers (test files excluded), SAMLAD_ENV=test; ` +
        `${RUNS} runs after one untimed run. Outside the worker, @azure/functions registers ` +
        `nothing, so this is module loading and configuration only.`,
    ],
  };
}
