/**
 * Cold import of the Function App: a fresh Node process requires the entry module and every
 * registration, as the Functions worker does on a cold start (package.json "main"). Measured
 * inside the child (from before the first require to after the last) and as the child's whole
 * life (spawn to exit, including Node's own start) — and, in the same run, the same for a bare
 * `@azure/functions` app that registers the same functions with empty handlers: the ratio of the
 * two is what the app's own code adds to a cold start (goal ≤ 1.5).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { childEnv } from '../../tests/support/test-stack';
import type { FunctionTrigger } from '../local-host/function-trigger';
import { expandMainGlob } from '../local-host/main-glob';
import { findAppRoot } from '../local-stack/app-root';
import { ms, summarize } from './measure';
import type { SectionResult } from './report';

const RUNS = 9;
const GOAL_RATIO = 1.5;
/** The app's runtime dependencies, each timed alone to see which dominate the cold start. */
const DEPENDENCIES = [
  'exceljs',
  '@azure/storage-blob',
  '@azure/data-tables',
  '@azure/storage-queue',
  '@azure/identity',
  'zod',
  'jose',
  'yauzl',
  '@azure/functions',
] as const;
const DEPENDENCY_RUNS = 3;

/** The files package.json "main" names, in the order the worker loads them. */
export function functionEntryFiles(root: string): string[] {
  const { main } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
  return expandMainGlob(root, main);
}

interface Registration {
  name: string;
  trigger: FunctionTrigger;
}

/** The bare apps, as lists of files to require in order, in a temporary folder the caller removes. */
interface BareApps {
  dir: string;
  /** The app's own layout: an entry file and one registration per file, as "main" loads them. */
  perFile: string[];
  /** Every registration in one file. */
  oneFile: string[];
}

/**
 * Bare apps: `@azure/functions` and one registration per function of the real app, each with the
 * same name and trigger (route and methods, schedule, queue and connection) and an empty handler.
 */
function writeBareApps(root: string, env: NodeJS.ProcessEnv): BareApps {
  const listed = execFileSync(process.execPath, [path.join(root, 'dist/scripts/bench/list-registrations.js')], {
    env,
    encoding: 'utf8',
  });
  const registrations = JSON.parse(listed) as Registration[];
  const library = `const { app } = require(${JSON.stringify(require.resolve('@azure/functions', { paths: [root] }))});`;
  const register = ({ name, trigger }: Registration): string => {
    const options =
      trigger.kind === 'http'
        ? { route: trigger.route, methods: trigger.methods ?? undefined, authLevel: trigger.authLevel }
        : trigger.kind === 'timer'
          ? { schedule: trigger.schedule }
          : trigger.kind === 'queue'
            ? { queueName: trigger.queueName, connection: trigger.connection }
            : undefined;
    const call = { http: 'http', timer: 'timer', queue: 'storageQueue', other: undefined }[trigger.kind];
    if (!call || !options) throw new Error(`the bare app cannot register ${name} (${trigger.kind})`);
    return `app.${call}(${JSON.stringify(name)}, { ...${JSON.stringify(options)}, handler: async () => undefined });`;
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'samlad-bare-app-'));
  const write = (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
  const perFile = [
    write('index.js', [library, 'app.setup({ enableHttpStream: false });']),
    ...registrations.map((r, i) => write(`functions/${String(i).padStart(2, '0')}.js`, [library, register(r)])),
  ];
  const oneFile = [
    write('one-file.js', [library, 'app.setup({ enableHttpStream: false });', ...registrations.map(register)]),
  ];
  return { dir, perFile, oneFile };
}

interface Timing {
  requireMs: number;
  processMs: number;
}

function runOnce(files: readonly string[], env: NodeJS.ProcessEnv): Promise<Timing> {
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
  const bare = writeBareApps(root, env);
  const variants = { samlad: files, perFile: bare.perFile, oneFile: bare.oneFile };
  const runs = { samlad: [] as Timing[], perFile: [] as Timing[], oneFile: [] as Timing[] };
  try {
    // One untimed run of each fills the OS file cache, as a warm machine would have it; then
    // they take turns, so a change in the machine's load falls on all alike.
    for (const list of Object.values(variants)) await runOnce(list, env);
    for (let i = 0; i < RUNS; i++)
      for (const [key, list] of Object.entries(variants)) runs[key as keyof typeof runs].push(await runOnce(list, env));
  } finally {
    rmSync(bare.dir, { recursive: true, force: true });
  }
  const requires = summarize(runs.samlad.map((r) => r.requireMs));
  const processes = summarize(runs.samlad.map((r) => r.processMs));
  const bareRequires = summarize(runs.perFile.map((r) => r.requireMs));
  const bareProcesses = summarize(runs.perFile.map((r) => r.processMs));
  const oneFile = summarize(runs.oneFile.map((r) => r.requireMs));
  const ratio = requires.median / bareRequires.median;
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
        measure: `require of index.js + ${files.length - 1} registrations (median / max of ${RUNS})`,
        value: `${ms(requires.median)} / ${ms(requires.max)}`,
      },
      {
        measure:
          `the same for a bare @azure/functions app in the same layout: an entry file and the same ` +
          `${files.length - 1} registrations, one per file, with empty handlers (median / max)`,
        value: `${ms(bareRequires.median)} / ${ms(bareRequires.max)}`,
      },
      {
        measure: 'Samlad against the bare app (ratio of the medians)',
        value: `${ratio.toFixed(2)} ×`,
        goal: `≤ ${GOAL_RATIO} ×`,
        met: ratio <= GOAL_RATIO,
      },
      {
        measure: 'whole process: node start + requires + exit (median), Samlad / bare',
        value: `${ms(processes.median)} / ${ms(bareProcesses.median)}`,
      },
      {
        measure: 'the bare registrations all in one file instead (median; what the file count alone costs)',
        value: ms(oneFile.median),
      },
      {
        measure:
          `each dependency alone in a fresh process (median of ${DEPENDENCY_RUNS}; they ` +
          `share libraries, so these do not add up)`,
        value: dependencies.map(([name, t]) => `${name} ${ms(t)}`).join(' · '),
      },
    ],
    notes: [
      `A fresh \`node -e\` per run requiring what package.json "main" names (dist/functions/index.js ` +
        `and dist/functions/registrations/*.js), SAMLAD_ENV=test; ${RUNS} runs after one untimed ` +
        `run, taking turns with two bare apps generated from the app's own registrations (the same ` +
        `names, routes and methods, schedule, queue and connection, each with an empty handler): ` +
        `one laid out as the app is (an entry file, then a file per function — the layout this ` +
        `project and Azure's samples use), which the ratio is taken against, and one with ` +
        `everything in a single file, for what the number of files costs by itself. Outside the ` +
        `worker, @azure/functions registers nothing, so both are module loading and registration ` +
        `only; handlers (and the configuration's zod schemas, checked in the app-start hook) load ` +
        `on first use, which these figures leave out.`,
    ],
  };
}
