/**
 * Importera SCB: reading a national file of SCB's helårsekvivalenter table — every kommun and
 * riket, 24 months, every content — in the task pane. The pane's own reading code (the lazily
 * loaded chunk's entry, addin/src/scb/read-scb.ts) is bundled by esbuild and run in Chromium,
 * where the pane runs, from the file's bytes to the first half-year's values; the same shared
 * code is timed in Node beside it. Made-up figures in SCB's real layouts (tests/fixtures/scb).
 */
import { build } from 'esbuild';
import path from 'node:path';
import { registry } from '../../shared/config/registry';
import { scbHelarsekvivalenter } from '../../shared/config/scb-helarsekvivalenter';
import { resolveTemplate } from '../../shared/model/resolve';
import { findForbund, findTemplate } from '../../shared/model/selectors';
import { importScb, previewScbPeriod, readScbFile } from '../../shared/scb';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium } from '../../tests/e2e/support/browser';
import {
  helarsekvivalenterCube,
  monthsOf,
  UMEAREGIONEN_REGIONS,
  type RegionSpec,
} from '../../tests/fixtures/scb/figures';
import { nodeInflateRaw } from '../../tests/support/inflate-raw';
import { toJsonStat2, toPxCsv, toPxXlsx } from '../../tests/support/scb-files';
import { findAppRoot } from '../local-stack/app-root';
import { kb, ms, summarize, timeRuns } from './measure';
import type { BenchRow, SectionResult } from './report';

const GOAL_MS = 1000;
const RUNS = 5;
const KOMMUNER = 290;
/** Sweden's 21 län codes; kommun codes are a län's code and two digits. */
const LAN = [
  '01',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '12',
  '13',
  '14',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
];

/** Riket, Umeåregionen's six kommuner with their codes, and enough others to make 290 kommuner. */
function nationalRegions(): RegionSpec[] {
  const taken = new Set(UMEAREGIONEN_REGIONS.map((r) => r.code));
  const others: RegionSpec[] = [];
  for (let i = 0; others.length + taken.size - 1 < KOMMUNER; i++) {
    const code = `${LAN[i % LAN.length]}${String(60 + Math.floor(i / LAN.length)).padStart(2, '0')}`;
    if (taken.has(code)) continue;
    const population = 3000 + ((i * 7919) % 90000);
    others.push({
      code,
      name: `Kommun ${code}`,
      byYear: {
        2022: { population, share: 8 + (i % 9) },
        2023: { population: population + 40, share: 8 + ((i + 1) % 9) },
      },
    });
  }
  return [...UMEAREGIONEN_REGIONS, ...others];
}

interface NationalFile {
  name: string;
  label: string;
  bytes: Uint8Array;
}

async function nationalFiles(): Promise<{ files: NationalFile[]; figures: number }> {
  const cube = helarsekvivalenterCube({
    regions: nationalRegions(),
    months: monthsOf([2022, 2023]),
    kon: ['1+2'],
    alder: ['20-64'],
  });
  const figures = cube.dimensions.reduce((n, d) => n * d.values.length, 1);
  const text = (s: string) => new TextEncoder().encode(s);
  return {
    figures,
    files: [
      {
        name: 'national.csv',
        label: 'CSV',
        bytes: text(toPxCsv(cube, { stub: ['Region', 'Kon', 'Aldersgrupp', 'ContentsCode'], heading: ['Tid'] })),
      },
      { name: 'national.json', label: 'json-stat2', bytes: text(JSON.stringify(toJsonStat2(cube, { api: 'v2' }))) },
      {
        name: 'national.xlsx',
        label: 'xlsx',
        bytes: Uint8Array.from(
          await toPxXlsx(cube, { stub: ['Region', 'ContentsCode'], heading: ['Kon', 'Aldersgrupp', 'Tid'] }),
        ),
      },
    ],
  };
}

/** The pane's reading code and the shipped configuration, as one script for a page. */
async function paneBundle(root: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { readScbImport, previewPeriod } from './addin/src/scb/read-scb';
        import { registry } from './shared/config/registry';
        import { findForbund, findTemplate } from './shared/model/selectors';
        import { resolveTemplate } from './shared/model/resolve';
        const forbund = findForbund(registry, 'umearegionen');
        const templateFor = (p) => {
          const y = Number(p.slice(0, 4));
          const d = findTemplate(registry, 'helarsekvivalenter', y);
          return d && resolveTemplate(d, forbund, y);
        };
        globalThis.readNational = async (name, bytes) => {
          const found = await readScbImport(name, bytes, forbund, templateFor);
          if (!found.ok) throw new Error(found.message);
          return previewPeriod(found, forbund, templateFor(found.periods[0]), found.periods[0]).rows.length;
        };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function benchScb(): Promise<SectionResult> {
  const root = findAppRoot(__dirname);
  const { files, figures } = await nationalFiles();
  const forbund = findForbund(registry, 'umearegionen')!;
  const templateFor = (p: string) => {
    const year = Number(p.slice(0, 4));
    const definition = findTemplate(registry, scbHelarsekvivalenter.templateId, year);
    return definition && resolveTemplate(definition, forbund, year);
  };
  const inNode = async (file: NationalFile) => {
    const read = await readScbFile(file.name, file.bytes, nodeInflateRaw);
    const found = read.ok ? importScb(read, forbund, templateFor, scbHelarsekvivalenter) : read;
    if (!found.ok) throw new Error(found.message);
    return previewScbPeriod(found, forbund, templateFor(found.periods[0]!)!, found.periods[0]!, scbHelarsekvivalenter);
  };
  const rows: BenchRow[] = [];
  const what = `${KOMMUNER} kommuner + riket × 9 contents × 24 months = ${figures.toLocaleString('en')} figures`;
  if (!chromiumAvailable())
    rows.push({ measure: 'in the pane (Chromium)', value: `not measured: no Chromium at ${CHROMIUM_PATH}` });
  else {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ content: await paneBundle(root) });
      for (const file of files) {
        const samples = await page.evaluate(
          async ({ name, base64, runs }) => {
            const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
            const read = (globalThis as unknown as { readNational: (n: string, b: Uint8Array) => Promise<number> })
              .readNational;
            await read(name, bytes);
            const out: number[] = [];
            for (let i = 0; i < runs; i++) {
              const started = performance.now();
              await read(name, bytes);
              out.push(performance.now() - started);
            }
            return out;
          },
          { name: file.name, base64: Buffer.from(file.bytes).toString('base64'), runs: RUNS },
        );
        const s = summarize(samples);
        rows.push({
          measure:
            `in the pane (Chromium): national ${file.label} (${kb(file.bytes.length)}), read ` +
            `→ first half-year's values (median / max of ${RUNS})`,
          value: `${ms(s.median)} / ${ms(s.max)}`,
          goal: `< ${ms(GOAL_MS)}`,
          met: s.max < GOAL_MS,
        });
      }
    } finally {
      await browser.close();
    }
  }
  for (const file of files) {
    const s = await timeRuns(RUNS, 1, () => inNode(file));
    rows.push({
      measure: `in Node, for comparison: national ${file.label} (median / max of ${RUNS})`,
      value: `${ms(s.median)} / ${ms(s.max)}`,
    });
  }
  return {
    id: 'scb',
    title: 'Importera SCB',
    rows,
    notes: [
      `The national file: ${what}, one sex (män och kvinnor totalt) and one age group (20–64 år), ` +
        `made-up figures in SCB's real layouts (tests/fixtures/scb/figures.ts, written by ` +
        `tests/support/scb-files.ts): CSV with stub region, kön, åldersgrupp, tabellinnehåll and ` +
        `heading månad, json-stat2 as API v2 answers, xlsx as PxWeb writes it (three heading rows).`,
      `Timed: decoding the bytes, reading the format, choosing sex and age group, the first ` +
        `half-years of the förbund's kommuner, and the preview of the newest one ` +
        `(addin/src/scb/read-scb.ts, bundled by esbuild and run in headless Chromium by ` +
        `playwright-core; xlsx unpacked by the browser's DecompressionStream). One untimed run ` +
        `first; the file's bytes are in the page before the clock starts.`,
    ],
  };
}
