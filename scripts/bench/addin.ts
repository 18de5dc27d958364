/**
 * The add-in: Excel round trips (`context.sync`) per gateway call and per pane action at 10,
 * 1,000 and 10,000 rows or cells, counted on office-addin-mock exactly as the gateway's unit
 * tests count them; and the task pane's bundle size, gzipped, without office.js.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { definedNameForCell, findForbund, findTemplate, layoutTemplate, registry, resolveTemplate } from '../../shared';
import { emptyMapping } from '../../shared/aggregation/table-mapping';
import { findAppRoot } from '../local-stack/app-root';
import type { ExcelCapabilities } from '../../addin/src/excel/capabilities';
import { loadGateway, type Gateway, type MockExcelState } from './addin-gateway';
import { benchLargeTable } from './large-table';
import { kb } from './measure';
import type { BenchRow, SectionResult } from './report';

const OFFICE_JS_ELSEWHERE = 'it loads from /office-js/ or the configured CDN';

const SIZES = [10, 1_000, 10_000] as const;
const GOAL_SYNCS = 3;
const GOAL_GZIP_BYTES = 150 * 1024;
const SHEET = 'Deltagare och avslut';
const capabilities: ExcelCapabilities = {
  insertSheets: true,
  notes: true,
  comments: true,
  customXml: true,
  createWorkbook: true,
  rangeTables: true,
};

const absolute = (address: string) => address.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

/** `n` input cells named SAM.s.r<i>.k, ten per row from B2 (as the gateway tests lay them out). */
function inputs(gateway: Gateway, n: number) {
  const cells: Record<string, unknown> = {};
  const names: { name: string; formula: string }[] = [];
  const ids: string[] = [];
  const addresses: string[] = [];
  for (let i = 0; i < n; i++) {
    const address = gateway.a1(2 + Math.floor(i / 10), 2 + (i % 10));
    cells[address] = i;
    ids.push(`s.r${i}.k`);
    addresses.push(address);
    names.push({ name: definedNameForCell(`s.r${i}.k`), formula: `='${SHEET}'!${absolute(address)}` });
  }
  return {
    state: { sheets: [{ name: SHEET, cells, protected: true }], names } satisfies MockExcelState,
    ids,
    addresses,
  };
}

/**
 * A participant table of `n` rows selected as an Excel table, in a workbook with a stored mapping:
 * Läs tabellen's most round trips.
 */
function participantTable(gateway: Gateway, n: number): MockExcelState {
  const cells: Record<string, unknown> = {};
  ['Kön', 'Födelseår', 'Startdatum', 'Avslutsdatum', 'Avslutsorsak', 'Aktualiserande part'].forEach(
    (h, c) => (cells[gateway.a1(3, 2 + c)] = h),
  );
  for (let r = 0; r < n; r++) {
    cells[gateway.a1(4 + r, 2)] = r % 2 === 0 ? 'K' : 'M';
    cells[gateway.a1(4 + r, 3)] = 1980 + (r % 30);
    cells[gateway.a1(4 + r, 4)] = 45_000 + r;
  }
  const address = `B3:G${3 + n}`;
  return {
    sheets: [{ name: 'Deltagare', cells }],
    selection: { sheet: 'Deltagare', region: address, table: { name: 'Deltagare', address } },
    customXml: [{ namespace: gateway.MAPPING_NAMESPACE, xml: gateway.mappingToXml(emptyMapping()) }],
  };
}

async function syncsOf(gateway: Gateway, state: MockExcelState, action: () => Promise<unknown>): Promise<number> {
  const excel = new gateway.MockExcel(state).install();
  await action();
  return excel.syncs;
}

interface Counted {
  label: string;
  /** Sync counts at each size; one figure when the action does not depend on size. */
  counts: number[];
}

async function countSyncs(gateway: Gateway): Promise<Counted[]> {
  const template = resolveTemplate(
    findTemplate(registry, 'deltagare-avslut', 2023)!,
    findForbund(registry, 'umearegionen')!,
    2023,
  );
  const positions = new Map([...layoutTemplate(template).positions].map(([id, p]) => [id, p.a1]));
  const templateNames = [...positions].map(([id, a]) => ({
    name: definedNameForCell(id),
    formula: `='${SHEET}'!${absolute(a)}`,
  }));
  const insertState = (carried: boolean): MockExcelState => ({
    sheets: [{ name: 'Blad1' }],
    insertable: {
      sheets: [{ name: SHEET, id: 'sheet-new' }, { name: '_samlad' }],
      ...(carried ? { names: templateNames } : {}),
    },
  });
  const insert = () =>
    gateway.insertTemplate({ base64: 'UEs=', sheetName: SHEET, positions, replace: false }, capabilities);

  const perSize = async (label: string, run: (n: number) => Promise<number>): Promise<Counted> => {
    const counts: number[] = [];
    for (const n of SIZES) counts.push(await run(n));
    return { label, counts };
  };
  const mark = (n: number) => {
    const x = inputs(gateway, n);
    const cells = x.addresses.map((address) => ({ sheet: SHEET, address }));
    return syncsOf(gateway, x.state, () =>
      gateway.markFindings(
        cells,
        cells.map((c) => ({ ...c, severity: 'fel' as const, text: 'fel' })),
        capabilities,
      ),
    );
  };
  // Kontrollera as the pane runs it: read, a finding on every cell (the most writes), mark.
  const check = (n: number) => {
    const x = inputs(gateway, n);
    return syncsOf(gateway, x.state, () =>
      gateway.checkInputCells(
        x.ids,
        (read) => read.cells.map((c) => ({ cellId: c.cellId, severity: 'fel' as const, text: 'fel' })),
        capabilities,
      ),
    );
  };
  // Visa i mallen as the pane runs it (replace: false), into a sheet it inserts or one already there.
  const show = (n: number, into: 'inserted' | 'existing') => {
    const x = inputs(gateway, n);
    const state: MockExcelState =
      into === 'existing' ? x.state : { sheets: [{ name: 'Blad1' }], insertable: { sheets: x.state.sheets } };
    const positions = new Map(x.ids.map((id, i) => [id, x.addresses[i]!]));
    return syncsOf(gateway, state, () =>
      gateway.showValuesInTemplate(
        { base64: 'UEs=', sheetName: SHEET, positions, replace: false },
        Object.fromEntries(x.ids.map((id) => [id, 1])),
        capabilities,
      ),
    );
  };
  const insertCarried = await syncsOf(gateway, insertState(true), insert);
  const insertRestored = await syncsOf(gateway, insertState(false), insert);

  return [
    await perSize('gateway markFindings (n cells, n findings; the marking after Skicka in)', mark),
    { label: 'gateway insertTemplate (names carried / restored)', counts: [insertCarried, insertRestored] },
    await perSize('pane action Läs tabellen = readOwnTable (n-row Excel table, stored mapping)', (n) =>
      syncsOf(gateway, participantTable(gateway, n), () => gateway.readOwnTable(capabilities)),
    ),
    await perSize('pane action Kontrollera = checkInputCells (n input cells, n findings)', check),
    await perSize('pane action Visa i mallen = showValuesInTemplate, sheet inserted, names restored (n values)', (n) =>
      show(n, 'inserted'),
    ),
    await perSize('pane action Visa i mallen = showValuesInTemplate, sheet already there (n values)', (n) =>
      show(n, 'existing'),
    ),
  ];
}

/** What index.html loads (entry, module preloads, styles) and everything the pane can load. */
function bundleSizes(root: string): { initial: number; all: number; files: number; officeJsIncluded: boolean } {
  const pane = path.join(root, 'dist', 'pane');
  const html = readFileSync(path.join(pane, 'index.html'), 'utf8');
  const gz = (file: string) => gzipSync(readFileSync(file)).length;
  const referenced = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const assets = readdirSync(path.join(pane, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  return {
    initial: gz(path.join(pane, 'index.html')) + referenced.reduce((n, f) => n + gz(path.join(pane, f)), 0),
    all: gz(path.join(pane, 'index.html')) + assets.reduce((n, f) => n + gz(path.join(pane, 'assets', f)), 0),
    files: assets.length,
    officeJsIncluded: assets.some((f) => /^office/i.test(f)),
  };
}

export async function benchAddin(): Promise<SectionResult> {
  const root = findAppRoot(__dirname);
  const gateway = await loadGateway(root);
  const counted = await countSyncs(gateway);
  const large = await benchLargeTable(gateway, capabilities);
  const sizes = bundleSizes(root);
  const syncRows: BenchRow[] = counted.map((c) => {
    const worst = Math.max(...c.counts);
    const value =
      c.counts.length === SIZES.length
        ? SIZES.map((n, i) => `${n.toLocaleString('en')}: ${c.counts[i]}`).join(' · ')
        : c.counts.join(' / ');
    return { measure: `context.sync — ${c.label}`, value, goal: `≤ ${GOAL_SYNCS}`, met: worst <= GOAL_SYNCS };
  });
  return {
    id: 'addin',
    title: 'Add-in',
    rows: [
      ...syncRows,
      ...large,
      {
        measure: 'task pane, initial load (index.html + entry + preloads + CSS), gzip',
        value: kb(sizes.initial),
        goal: `< ${kb(GOAL_GZIP_BYTES)}`,
        met: sizes.initial < GOAL_GZIP_BYTES,
      },
      { measure: `task pane, every asset incl. lazy chunks (${sizes.files} JS/CSS files), gzip`, value: kb(sizes.all) },
    ],
    notes: [
      'Round trips counted by MockExcel (addin/src/excel/testing/mock-excel.ts, built on ' +
        'office-addin-mock), which wraps context.sync as the gateway tests do; the gateway ' +
        'functions are bundled for Node by esbuild (scripts/bench/addin-gateway.ts). Sizes are n ' +
        'input cells (Kontrollera, markFindings, Visa i mallen) or n table rows (Läs tabellen).',
      'Large table (scripts/bench/large-table.ts): MockExcel refuses a round trip whose values, as JSON, ' +
        'pass Excel on the web’s 5 MB (one read of the whole table is refused); Läs tabellen reads the ' +
        'address with a head of 10,000 rows and 16 columns, then the rest in chunks sized by what the head ' +
        'cost (2.5 MB budget). The read time is office-addin-mock’s, not Excel’s.',
      'Each pane action is one gateway call, one Excel.run: Läs tabellen reads the table and the ' +
        'stored mapping together; Kontrollera reads, validates (a callback between the read and the ' +
        'writes) and marks; Visa i mallen inserts the sheet, restores the names the host dropped ' +
        'and writes the values.',
      `Bundle: dist/pane from \`npm run build\` (Vite), gzip at Node's default level; office.js is ` +
        `not in the bundle ` +
        `(${sizes.officeJsIncluded ? 'an office* asset WAS found' : OFFICE_JS_ELSEWHERE}` +
        '). ' +
        `Source maps and icons excluded. The rest of the assets ` +
        `are the Entra sign-in library (MSAL, a dynamic import used only for production sign-in) ` +
        `and the small entries of the sign-in dialog, redirect and ribbon-command pages.`,
    ],
  };
}
