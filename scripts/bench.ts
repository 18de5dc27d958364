/**
 * `npm run bench [-- --only validation,burst,consolidation,cold-import,addin,scb] [--national N] [--no-write]`
 *
 * Runs the benchmarks (loopback only, every loop bounded), prints a table per section and
 * writes each section's figures into BENCHMARKS.md between its markers. Figures are measured
 * in this run or not shown: a section that cannot run says so instead of keeping a guess.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findAppRoot } from './local-stack/app-root';
import { benchAddin } from './bench/addin';
import { benchBurst } from './bench/burst';
import { benchColdImport } from './bench/cold-import';
import { benchConsolidation, NATIONAL_FORBUND } from './bench/consolidation';
import { describeMachine, printSection, updateBenchmarksDoc, type Machine, type SectionResult } from './bench/report';
import { startBenchStack, type BenchStack } from './bench/stack';
import { benchScb } from './bench/scb';
import { benchValidation } from './bench/validation';

type SectionId = 'validation' | 'burst' | 'consolidation' | 'cold-import' | 'addin' | 'scb';

interface BenchOptions {
  /** Förbund in the national consolidation (80 unless asked otherwise, for a quicker look). */
  national: number;
}

interface Section {
  id: SectionId;
  /** Whether it needs the Azurite + host stack. */
  stack: boolean;
  run(stack: BenchStack | undefined, options: BenchOptions): Promise<SectionResult>;
}

const needStack = (stack: BenchStack | undefined): BenchStack => {
  if (!stack) throw new Error('this section needs the local stack');
  return stack;
};

const SECTIONS: readonly Section[] = [
  { id: 'validation', stack: true, run: (s) => benchValidation(needStack(s)) },
  { id: 'burst', stack: true, run: (s) => benchBurst(needStack(s)) },
  { id: 'consolidation', stack: false, run: (_s, o) => benchConsolidation(o.national) },
  { id: 'cold-import', stack: false, run: () => benchColdImport() },
  { id: 'addin', stack: false, run: () => benchAddin() },
  { id: 'scb', stack: false, run: () => benchScb() },
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      national: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const wanted = values.only?.split(',').map((s) => s.trim());
  const unknown = wanted?.filter((id) => !SECTIONS.some((s) => s.id === id)) ?? [];
  if (unknown.length > 0)
    throw new Error(`unknown section(s): ${unknown.join(', ')}; choose from ${SECTIONS.map((s) => s.id).join(', ')}`);
  const sections = SECTIONS.filter((s) => !wanted || wanted.includes(s.id));
  const machine = describeMachine();
  process.stdout.write(
    `Samlad bench — ${machine.date}, ${machine.nproc} × ${machine.cpu}, ${machine.memory}, Node ${machine.node}\n`,
  );

  const started = performance.now();
  const results: { result: SectionResult; machine: Machine }[] = [];
  const stack = sections.some((s) => s.stack) ? await startBenchStack() : undefined;
  try {
    for (const section of sections) {
      process.stdout.write(`\n… ${section.id}\n`);
      const machineNow = describeMachine();
      const result = await section.run(stack, { national: Number(values.national ?? NATIONAL_FORBUND) });
      printSection(result);
      results.push({ result, machine: machineNow });
    }
  } finally {
    await stack?.stop();
  }
  if (!values['no-write']) {
    const doc = path.join(findAppRoot(__dirname), 'BENCHMARKS.md');
    updateBenchmarksDoc(doc, results);
    process.stdout.write(`\nWrote ${results.map((r) => r.result.id).join(', ')} into ${doc}\n`);
  }
  process.stdout.write(`Bench took ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
