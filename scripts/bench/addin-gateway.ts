/**
 * The task pane's Excel gateway, loadable in Node for the bench: esbuild bundles the gateway
 * functions and their office-addin-mock workbook (addin/src/excel/testing/mock-excel.ts) into
 * one CommonJS file under dist/. The pane is browser code with its own tsconfig, so the bench
 * does not import it through tsc; it sees the bundle through the small interface below and
 * checks at load time that the bundle has it.
 */
import { build } from 'esbuild';
import path from 'node:path';
// capabilities.ts is plain data, free of office.js types, so tsc can share it here.
import type { ExcelCapabilities } from '../../addin/src/excel/capabilities';
import type { TableMapping } from '../../shared/aggregation/table-mapping';

export interface MockSheetState {
  name: string;
  id?: string;
  cells?: Record<string, unknown>;
  protected?: boolean;
}

export interface MockExcelState {
  sheets: MockSheetState[];
  names?: { name: string; formula: string }[];
  selection?: { sheet: string; region: string; table?: { name: string; address: string } };
  insertable?: { sheets: MockSheetState[]; names?: { name: string; formula: string }[] };
  customXml?: { namespace: string; xml: string }[];
}

export interface SheetCell {
  sheet: string;
  address: string;
}

export interface TemplateInsert {
  base64: string;
  sheetName: string;
  positions: ReadonlyMap<string, string>;
  replace: boolean;
}

export interface Gateway {
  MockExcel: new (state: MockExcelState) => { install(): { readonly syncs: number; readonly largestPayload: number } };
  a1(row: number, column: number): string;
  checkInputCells(
    ids: readonly string[],
    check: (read: {
      cells: { cellId: string }[];
      missing: string[];
    }) => readonly { cellId: string; severity: 'fel' | 'varning'; text: string }[],
    capabilities: ExcelCapabilities,
  ): Promise<{ read: { cells: unknown[] }; marked: number }>;
  markFindings(
    inputs: readonly SheetCell[],
    marks: readonly (SheetCell & { severity: 'fel' | 'varning'; text: string })[],
    capabilities: ExcelCapabilities,
  ): Promise<unknown>;
  /** The workbook's stored table mapping, as saveMapping writes it: a custom XML part in this namespace. */
  MAPPING_NAMESPACE: string;
  mappingToXml(mapping: TableMapping): string;
  readOwnTable(capabilities: ExcelCapabilities): Promise<{ table: { rows: unknown[] }; mapping: unknown }>;
  insertTemplate(input: TemplateInsert, capabilities: ExcelCapabilities): Promise<unknown>;
  showValuesInTemplate(
    input: TemplateInsert,
    values: Readonly<Record<string, number | string | null>>,
    capabilities: ExcelCapabilities,
  ): Promise<{ written: number; namesAdded: number }>;
}

const EXPORTS = [
  'MockExcel',
  'a1',
  'checkInputCells',
  'showValuesInTemplate',
  'markFindings',
  'readOwnTable',
  'mappingToXml',
  'insertTemplate',
] as const satisfies readonly (keyof Gateway)[];

const ENTRY = `
export { MockExcel } from './addin/src/excel/testing/mock-excel';
export { a1 } from './addin/src/excel/addresses';
export { checkInputCells } from './addin/src/excel/check-inputs';
export { showValuesInTemplate } from './addin/src/excel/show-in-template';
export { markFindings } from './addin/src/excel/mark-findings';
export { readOwnTable } from './addin/src/excel/read-own-table';
export { MAPPING_NAMESPACE, mappingToXml } from './addin/src/excel/mapping-store';
export { insertTemplate } from './addin/src/excel/insert-template';
`;

function isGateway(value: unknown): value is Gateway {
  return (
    typeof value === 'object' &&
    value !== null &&
    EXPORTS.every((name) => typeof (value as Record<string, unknown>)[name] === 'function')
  );
}

/** Bundles and loads the gateway; `root` is the repository. */
export async function loadGateway(root: string): Promise<Gateway> {
  const outfile = path.join(root, 'dist', 'bench', 'addin-gateway.cjs');
  // Packages stay external: the bundle lives under dist/, so Node resolves them from the repository.
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'addin-gateway-entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  const loaded: unknown = require(outfile);
  if (!isGateway(loaded)) throw new Error(`the add-in gateway bundle lacks one of ${EXPORTS.join(', ')}`);
  return loaded;
}
