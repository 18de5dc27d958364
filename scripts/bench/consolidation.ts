/**
 * Consolidation at scale, against its floor. The synthetic national year (national-data.ts) is
 * stored in Azurite through the submissions repository; then each measurement runs in its own
 * process with a 2 GB heap (consolidation-worker.ts): one förbund-year (its three tertial
 * reports) and the national year (80 × 3 reports), each as Samlad builds them and as the floor
 * — the same storage reads and the same cells through exceljs' streaming writer, no computation.
 * A profiled run over ten förbund says where the time above the floor goes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { startAzurite } from '../local-stack/azurite';
import { mb, ms } from './measure';
import { nationalRegistry, nationalSubmissions } from './national-data';
import { runPool } from './pool';
import { classifyProfile, type ProfileShare } from './profile-categories';
import type { BenchRow, SectionResult } from './report';
import { submissionRepository } from './storage-check';

/** The issue's national year: 80 förbund. */
export const NATIONAL_FORBUND = 80;
const PROFILED = 2;
const LOAD_CONCURRENCY = 16;
const HEAP_MB = 2048;
const GOAL_RATIO = 1.5;
const GOAL_MEMORY = 2 * 1024 ** 3;

const timingSchema = z.object({
  readsMs: z.number(),
  computeMs: z.number(),
  writeMs: z.number(),
  outputBytes: z.number(),
  cells: z.number(),
});
const resultSchema = z.object({
  mode: z.enum(['consolidate', 'extract', 'pair']),
  reports: z.number(),
  samlad: timingSchema,
  floor: timingSchema.optional(),
  peakRssBytes: z.number(),
});
type WorkerResult = z.infer<typeof resultSchema>;
type Timing = z.infer<typeof timingSchema>;

/** A line on the console while a long section runs, so a reader sees which step it is in. */
function step(message: string): void {
  process.stdout.write(`  · ${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

function runWorker(args: string[], nodeFlags: string[] = []): Promise<WorkerResult> {
  const worker = path.join(__dirname, 'consolidation-worker.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, ...nodeFlags, worker, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = out.trim().split('\n').pop() ?? '';
      const parsed = code === 0 ? resultSchema.safeParse(JSON.parse(line || 'null')) : undefined;
      if (parsed?.success) resolve(parsed.data);
      else reject(new Error(`consolidation worker ${args.join(' ')} ended with ${code ?? signal}: ${err.slice(-800)}`));
    });
  });
}

const total = (t: Timing) => t.readsMs + t.computeMs + t.writeMs;
const split = (t: Timing) =>
  `${ms(total(t))} (${ms(t.readsMs)} reads + ${ms(t.computeMs)} compute + ${ms(t.writeMs)} workbook)`;

function pairRows(label: string, pair: WorkerResult, goals: boolean): BenchRow[] {
  const samlad = pair.samlad;
  const floor = pair.floor!;
  const ratio = total(samlad) / total(floor);
  return [
    { measure: `${label}: Samlad, ${pair.reports} reports`, value: split(samlad) },
    {
      measure: `${label}: floor, same reports`,
      value: `${ms(total(floor))} (${ms(floor.readsMs)} reads + ${ms(floor.writeMs)} streaming write)`,
    },
    {
      measure: `${label}: ratio to the floor`,
      value: `${ratio.toFixed(2)}×`,
      ...(goals ? { goal: `≤ ${GOAL_RATIO}×`, met: ratio <= GOAL_RATIO } : {}),
    },
    {
      measure: `${label}: above the floor — compute / workbook beyond the streaming write / reads difference`,
      value: `${ms(samlad.computeMs)} / ${ms(samlad.writeMs - floor.writeMs)} / ${ms(samlad.readsMs - floor.readsMs)}`,
    },
    {
      measure: `${label}: peak RSS of the measuring process (heap limit ${HEAP_MB} MB)`,
      value: mb(pair.peakRssBytes),
      ...(goals ? { goal: '< 2 GB', met: pair.peakRssBytes < GOAL_MEMORY } : {}),
    },
    {
      measure: `${label}: output`,
      value: `${mb(samlad.outputBytes)} of xlsx from Samlad; ${floor.cells.toLocaleString('en')} cells`,
    },
  ];
}

function profileNote(shares: readonly ProfileShare[], totalMs: number, forbund: number): string {
  return (
    `Where the time goes, from a CPU profile of Samlad's run over ${forbund} förbund ` +
    `(${forbund * 3} reports, ${ms(totalMs)} of samples; profiling slows it, so shares, not times): ` +
    `${shares.map((s) => `${s.category} ${(s.share * 100).toFixed(0)} %`).join(', ')}.`
  );
}

export async function benchConsolidation(nationalCount = NATIONAL_FORBUND): Promise<SectionResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samlad-bench-consolidation-'));
  const azurite = await startAzurite({ blobPort: 0, queuePort: 0, tablePort: 0 });
  try {
    step(`generating ${nationalCount} förbund's 2022–2023`);
    const generated = performance.now();
    const data = nationalSubmissions(nationalRegistry(nationalCount), 2023);
    const generateMs = performance.now() - generated;
    const repository = submissionRepository(azurite.connectionString);
    step(`storing ${data.submissions.length} submissions in Azurite`);
    const loaded = performance.now();
    await runPool(data.submissions, LOAD_CONCURRENCY, (s) => repository.submit(s));
    const loadMs = performance.now() - loaded;

    const common = ['--connection', azurite.connectionString, '--dir', dir];
    step('Samlad alone, one förbund-year (3 reports)');
    const alone = await runWorker(['--mode', 'consolidate', '--count', '1', ...common]);
    await runWorker(['--mode', 'extract', ...common]);
    step('Samlad and the floor, one förbund-year');
    const single = await runWorker(['--mode', 'pair', '--count', '1', ...common]);
    step(`Samlad and the floor, the national year (${nationalCount * 3} reports)`);
    const national = await runWorker(['--mode', 'pair', '--count', String(nationalCount), ...common]);

    step(`profiling Samlad over ${Math.min(PROFILED, nationalCount)} förbund`);
    const profileDir = path.join(dir, 'profile');
    await runWorker(
      [
        '--mode',
        'consolidate',
        '--connection',
        azurite.connectionString,
        '--count',
        String(Math.min(PROFILED, nationalCount)),
        '--dir',
        dir,
      ],
      ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    );
    const profileFile = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    const profile = profileFile
      ? classifyProfile(JSON.parse(readFileSync(path.join(profileDir, profileFile), 'utf8')))
      : undefined;

    return {
      id: 'consolidation',
      title: 'Consolidation at scale',
      rows: [
        {
          measure: 'data: förbund, submissions, values (2023 and 2022)',
          value:
            `${nationalCount}, ${data.submissions.length.toLocaleString('en')}, ` +
            `${data.values.toLocaleString('en')}`,
        },
        {
          measure: `data: generate / store in Azurite (repository.submit, ${LOAD_CONCURRENCY} at a time)`,
          value: `${ms(generateMs)} / ${ms(loadMs)}`,
        },
        {
          measure: 'one förbund-year, Samlad alone: time; peak RSS',
          value: `${split(alone.samlad)}; ${mb(alone.peakRssBytes)}`,
        },
        ...pairRows('one förbund-year', single, false),
        ...pairRows('national year', national, true),
      ],
      notes: [
        `Data: ${nationalCount} synthetic förbund shaped like Umeåregionen (its templates, 2023 ` +
          `budget and social budget), 12 parties each (AF, FK, Region, 8 kommuner, Kriminalvården) ` +
          `and 25 platforms; every template for every period of 2023 and 2022 (the comparison ` +
          `year), one submission per report scope, values from consistentFill — ` +
          `${data.values.toLocaleString('en')} non-empty values in ` +
          `${data.submissions.length.toLocaleString('en')} submissions. A report is one förbund's ` +
          `tertial (2023T1–T3, the timer's unit), basis "latest"; the national year is all ${nationalCount * 3}.`,
        'Storage is real: Azurite (in the bench process, in memory) through the repository, read by ' +
          'loadSubmissions exactly as POST consolidate and the timer read it. Each measurement runs ' +
          'in a fresh Node process with --max-old-space-size=2048; peak RSS is sampled every 20 ms ' +
          'while it measures. In the paired runs Samlad and the floor alternate report by report in ' +
          'one process, after one untimed pass of each (so both meet the same machine load and ' +
          "neither pays the warm-up alone), and that process's peak RSS bounds Samlad's from " +
          'above; "Samlad alone" is a fresh process doing nothing else, warm-up included.',
        'Floor: the same loadSubmissions calls, then every cell value of the report written with ' +
          'exceljs stream.xlsx.WorkbookWriter into memory, values only (no styles, images or shared ' +
          "strings) and nothing computed. The cells are those of förbund 1's report for the same " +
          "tertial, read back from Samlad's file beforehand (every synthetic förbund has the same layout).",
        ...(profile ? [profileNote(profile.shares, profile.totalMs, Math.min(PROFILED, nationalCount))] : []),
      ],
    };
  } finally {
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
