/**
 * Bench results as data, printed as a table and written into BENCHMARKS.md between markers
 * (`<!-- bench:<id> -->` … `<!-- /bench:<id> -->`), so the prose around the figures stays
 * hand-written while every figure in the blocks comes from a run. A section that did not run
 * keeps its previous block, which states when and where it was measured.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export interface BenchRow {
  measure: string;
  value: string;
  goal?: string;
  /** Undefined when the row has no goal. */
  met?: boolean;
}

export interface SectionResult {
  id: string;
  title: string;
  rows: BenchRow[];
  /** How it was measured, in a sentence or two each. */
  notes: string[];
}

export interface Machine {
  date: string;
  nproc: number;
  cpu: string;
  memory: string;
  node: string;
  platform: string;
  /** 1-minute load average when the section started: other work on the machine skews timings. */
  load: string;
}

export function currentLoad(): string {
  return os.loadavg()[0]!.toFixed(1);
}

export function describeMachine(now = new Date()): Machine {
  return {
    date: now.toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GB`,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    load: currentLoad(),
  };
}

const verdict = (row: BenchRow) => (row.met === undefined ? '' : row.met ? 'yes' : '**no**');

export function sectionMarkdown(section: SectionResult, machine: Machine): string {
  const lines = [
    `_Measured ${machine.date} by \`npm run bench\` on ${machine.nproc} × ${machine.cpu}, ` +
      `${machine.memory}, Node ${machine.node}; load average ${machine.load} when the section started._`,
    '',
    '| measure | value | goal | met |',
    '|---|---|---|---|',
    ...section.rows.map((r) => `| ${r.measure} | ${r.value} | ${r.goal ?? ''} | ${verdict(r)} |`),
  ];
  if (section.notes.length > 0) lines.push('', ...section.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

export function printSection(section: SectionResult): void {
  const width = Math.max(...section.rows.map((r) => r.measure.length), 10);
  const valueWidth = Math.max(...section.rows.map((r) => r.value.length), 8);
  process.stdout.write(`\n${section.title}\n${'-'.repeat(section.title.length)}\n`);
  for (const r of section.rows) {
    const goal = r.goal ? `  goal ${r.goal}${r.met === undefined ? '' : r.met ? ' ✓' : ' ✗'}` : '';
    process.stdout.write(`  ${r.measure.padEnd(width)}  ${r.value.padStart(valueWidth)}${goal}\n`);
  }
}

/** Replaces each section's block in the document, or appends it when the markers are missing. */
export function updateBenchmarksDoc(
  file: string,
  sections: readonly { result: SectionResult; machine: Machine }[],
): void {
  let doc = readFileSync(file, 'utf8');
  for (const { result: section, machine } of sections) {
    const start = `<!-- bench:${section.id} -->`;
    const end = `<!-- /bench:${section.id} -->`;
    const block = `${start}\n${sectionMarkdown(section, machine)}\n${end}`;
    const from = doc.indexOf(start);
    const to = doc.indexOf(end);
    doc =
      from >= 0 && to > from
        ? doc.slice(0, from) + block + doc.slice(to + end.length)
        : `${doc.trimEnd()}\n\n## ${section.title}\n\n${block}\n`;
  }
  writeFileSync(file, doc);
}
