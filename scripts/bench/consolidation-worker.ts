/**
 * One consolidation measurement in a fresh process, so its memory is its own (the bench runs it
 * with --max-old-space-size=2048, the 2 GB budget). Prints one JSON line with the result.
 *
 *   node consolidation-worker.js --mode consolidate|extract|pair --connection <cs> --count <n> --dir <folder>
 *
 * - consolidate: for each of the first n synthetic förbund and each 2023 tertial, what a report
 *   costs Samlad: the storage reads (loadSubmissions), the computation (consolidate) and the
 *   workbook (writeConsolidatedWorkbook), timed apart; förbund 1's files go to --dir.
 * - extract: reads those files and keeps every cell value as JSON (not measured; the floor's input).
 * - pair: report by report, Samlad's way and the floor's — the same storage reads, then the same
 *   cells written with exceljs' streaming writer, nothing computed: the least a report can cost.
 *   Interleaving puts both under the same machine load (the storage reads swing with it). Every
 *   förbund's report has the layout of förbund 1's (the same 25 platforms and templates), so
 *   förbund 1's cells of the same tertial stand in for each, which spares reading 240 workbooks.
 */
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { loadSubmissions } from '../../functions/consolidation/load-submissions';
import { writeConsolidatedWorkbook } from '../../functions/consolidation/report-workbook/consolidated-workbook';
import { consolidate } from '../../shared/consolidation/consolidate';
import { findForbund, requirePeriod, type ForbundConfig, type Period, type Registry } from '../../shared';
import type { SubmissionRepository } from '../../functions/submissions/repository';
import { forbundId, nationalRegistry, TERTIALS } from './national-data';
import { submissionRepository } from './storage-check';

type CellScalar = string | number | boolean | null;
/** A workbook's cells: sheet name → rows of values. */
type WorkbookCells = { name: string; rows: CellScalar[][] }[];

export interface WorkerResult {
  mode: 'consolidate' | 'extract' | 'pair';
  reports: number;
  samlad: Timing;
  /** In pair mode: the floor, measured report by report beside Samlad's. */
  floor?: Timing;
  /** Highest RSS sampled every 20 ms while measuring. */
  peakRssBytes: number;
}

const GENERATED_AT = '2024-01-15T00:00:00.000Z';

function memorySampler(): { peak(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  // memoryUsage.rss() alone: the full memoryUsage() walks the heap spaces, which costs ~1 % here.
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return { peak: () => Math.max(peak, process.memoryUsage.rss()), stop: () => clearInterval(timer) };
}

const fileStem = (forbund: string, period: string) => `${forbund}_${period}`;

function reportsOf(registry: Registry, count: number): Report[] {
  return Array.from({ length: count }, (_, i) => findForbund(registry, forbundId(i))!).flatMap((forbund) =>
    TERTIALS.map((p) => ({ forbund, period: requirePeriod(p) })),
  );
}

function scalar(value: ExcelJS.CellValue): CellScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return scalar((value as ExcelJS.CellFormulaValue).result ?? null);
  if ('text' in value) return typeof value.text === 'string' ? value.text : scalar(value.text);
  if ('error' in value) return value.error;
  return null;
}

async function extract(dir: string): Promise<{ reports: number; cells: number }> {
  let reports = 0;
  let cells = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.xlsx'))) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path.join(dir, file)) as unknown as ExcelJS.Buffer);
    const sheets: WorkbookCells = workbook.worksheets.map((sheet) => {
      const rows: CellScalar[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, number) => {
        const values: CellScalar[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => (values[column - 1] = scalar(cell.value)));
        rows[number - 1] = Array.from(values, (v) => v ?? null);
        cells += values.filter((v) => v !== null && v !== undefined).length;
      });
      return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
    });
    writeFileSync(path.join(dir, file.replace(/\.xlsx$/, '.cells.json')), JSON.stringify(sheets));
    reports++;
  }
  return { reports, cells };
}

/** Writes cells with the streaming writer into memory; returns the file's size. */
async function streamWrite(sheets: WorkbookCells): Promise<number> {
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row).commit();
    ws.commit();
  }
  await workbook.commit();
  return size;
}

interface Timing {
  readsMs: number;
  computeMs: number;
  writeMs: number;
  outputBytes: number;
  cells: number;
}

const emptyTiming = (): Timing => ({ readsMs: 0, computeMs: 0, writeMs: 0, outputBytes: 0, cells: 0 });

interface Report {
  forbund: ForbundConfig;
  period: Period;
}

/** Samlad's way: read, consolidate, write the workbook; returns the file. */
async function samladReport(
  registry: Registry,
  repository: SubmissionRepository,
  { forbund, period }: Report,
  into: Timing,
): Promise<Buffer> {
  const t0 = performance.now();
  const records = await loadSubmissions(repository, forbund.id, period, 'latest');
  const t1 = performance.now();
  const consolidation = consolidate({
    registry,
    forbund,
    period,
    variant: 'internal',
    basis: 'latest',
    generatedAt: GENERATED_AT,
    submissions: records,
  });
  const t2 = performance.now();
  const xlsx = await writeConsolidatedWorkbook(consolidation, { inputsHash: 'bench', generator: 'Samlad bench' });
  into.readsMs += t1 - t0;
  into.computeMs += t2 - t1;
  into.writeMs += performance.now() - t2;
  into.outputBytes += xlsx.length;
  return xlsx;
}

/** The floor: the same reads, then the known cells through the streaming writer. */
async function floorReport(
  repository: SubmissionRepository,
  { forbund, period }: Report,
  cells: WorkbookCells,
  into: Timing,
): Promise<void> {
  const t0 = performance.now();
  await loadSubmissions(repository, forbund.id, period, 'latest');
  const t1 = performance.now();
  into.outputBytes += await streamWrite(cells);
  into.readsMs += t1 - t0;
  into.writeMs += performance.now() - t1;
  into.cells += cells.reduce(
    (n, sheet) => n + sheet.rows.reduce((m, row) => m + row.filter((v) => v !== null).length, 0),
    0,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string' },
      connection: { type: 'string' },
      count: { type: 'string' },
      dir: { type: 'string' },
    },
  });
  const mode = values.mode;
  const dir = values.dir ?? '';
  if (mode !== 'consolidate' && mode !== 'extract' && mode !== 'pair')
    throw new Error('--mode consolidate|extract|pair');
  if (mode === 'extract') {
    const done = await extract(dir);
    const result: WorkerResult = {
      mode,
      reports: done.reports,
      samlad: emptyTiming(),
      peakRssBytes: process.memoryUsage.rss(),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const count = Number(values.count ?? '1');
  const registry = nationalRegistry(count);
  const repository = submissionRepository(values.connection ?? '');
  const reports = reportsOf(registry, count);
  // Read from disk outside the clock: the floor's cells stand for output already known.
  const cells = new Map(
    TERTIALS.map((p) => [
      p,
      mode === 'pair'
        ? (JSON.parse(readFileSync(path.join(dir, `${fileStem(forbundId(0), p)}.cells.json`), 'utf8')) as WorkbookCells)
        : [],
    ]),
  );
  const samlad = emptyTiming();
  const floor = emptyTiming();
  if (mode === 'pair' && reports[0]) {
    // One untimed pass of each way first: whichever ran first would otherwise pay the JIT and
    // connection warm-up alone (in a one-förbund run that skews the ratio by a second).
    await floorReport(repository, reports[0], cells.get(reports[0].period.id)!, emptyTiming());
    await samladReport(registry, repository, reports[0], emptyTiming());
  }
  const memory = memorySampler();
  for (const [i, report] of reports.entries()) {
    if (mode === 'consolidate') {
      const xlsx = await samladReport(registry, repository, report, samlad);
      if (report.forbund.id === forbundId(0))
        writeFileSync(path.join(dir, `${fileStem(report.forbund.id, report.period.id)}.xlsx`), xlsx);
      continue;
    }
    // Interleaved, alternating which goes first, so both see the same machine and warm state.
    const reportCells = cells.get(report.period.id)!;
    if (i % 2 === 0) {
      await floorReport(repository, report, reportCells, floor);
      await samladReport(registry, repository, report, samlad);
    } else {
      await samladReport(registry, repository, report, samlad);
      await floorReport(repository, report, reportCells, floor);
    }
  }
  memory.stop();
  const result: WorkerResult = {
    mode,
    reports: reports.length,
    samlad,
    ...(mode === 'pair' ? { floor } : {}),
    peakRssBytes: memory.peak(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
