import { cellIdFromDefinedName, definedNameForCell } from '../../../shared/model/layout';
import { PaneError } from '../api/api-error';
import type { ExcelCapabilities } from './capabilities';
import { runExcel } from './excel-run';

/** The generated workbook's very hidden identity sheet (functions/template-workbook/metadata.ts). */
const META_SHEET = '_samlad';

export interface TemplateInsert {
  base64: string;
  sheetName: string;
  /**
   * Where each input cell sits on the template sheet (from shared's layoutTemplate), to restore
   * names Excel did not bring along.
   */
  positions: ReadonlyMap<string, string>;
  /** Replace a sheet of the same name (the user confirmed). */
  replace: boolean;
}

export type InsertOutcome =
  { kind: 'inserted'; sheetName: string; namesAdded: number } | { kind: 'exists'; sheetName: string };

/** Thrown before any batch where Excel lacks insertWorksheetsFromBase64 (ExcelApi 1.13). */
export function insertUnsupported(): PaneError {
  return new PaneError(
    'excel-unsupported',
    'Den här Excel-versionen kan inte infoga mallen direkt. Ladda ner mallen och öppna den i stället.',
  );
}

/**
 * Inserts the server-generated template sheet into the open workbook with
 * insertWorksheetsFromBase64 (ExcelApi 1.13) and makes it the active sheet. At most three
 * round trips: what the workbook holds; delete-and-insert; restore any `SAM.*` names the
 * insert did not carry (hosts differ in whether workbook names come along).
 *
 * A sheet of the same name is never overwritten unasked: the outcome `exists` lets the pane ask.
 */
export function insertTemplate(
  input: TemplateInsert,
  capabilities: Pick<ExcelCapabilities, 'insertSheets'>,
): Promise<InsertOutcome> {
  if (!capabilities.insertSheets) return Promise.reject(insertUnsupported());
  return runExcel(async (context) => {
    const { sheets, names } = loadSheetsAndNames(context, 'items/name');
    await context.sync(); // 1: what is there

    const inserted = queueInsert(context, input, sheets, names);
    if (!inserted) return { kind: 'exists', sheetName: input.sheetName };
    names.load('items/name');
    await context.sync(); // 2: inserted, and which names exist now

    const namesAdded = queueMissingNames(names, inserted, input.positions).size;
    if (namesAdded > 0) await context.sync(); // 3: only when the host dropped names
    return { kind: 'inserted', sheetName: input.sheetName, namesAdded };
  });
}

/**
 * Queues the insert on a workbook whose sheets and names (`items/name`) are loaded and synced,
 * and activates the new sheet; undefined, with nothing queued, when a sheet of that name exists
 * and replacing was not asked. This template's old names are deleted first, since names left
 * from a deleted sheet (#REF!) would clash with the new ones. Reload the names before
 * `queueMissingNames`.
 */
/** Queues the loads an insert begins with: the sheets' names, and the workbook's names with `nameProperties`. */
export function loadSheetsAndNames(
  context: Excel.RequestContext,
  nameProperties: string,
): { sheets: Excel.WorksheetCollection; names: Excel.NamedItemCollection } {
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  sheets.load('items/name');
  names.load(nameProperties);
  return { sheets, names };
}

export function queueInsert(
  context: Excel.RequestContext,
  input: TemplateInsert,
  sheets: Excel.WorksheetCollection,
  names: Excel.NamedItemCollection,
): Excel.Worksheet | undefined {
  const existing = sheets.items.find((s) => s.name === input.sheetName);
  if (existing && !input.replace) return undefined;
  for (const item of names.items) {
    const id = cellIdFromDefinedName(item.name);
    if (id !== undefined && input.positions.has(id)) item.delete();
  }
  existing?.delete();
  // A second template's identity sheet would clash with the first's; the pane knows which template it inserted.
  const hasMeta = sheets.items.some((s) => s.name === META_SHEET);
  context.workbook.insertWorksheetsFromBase64(input.base64, {
    positionType: 'End',
    ...(hasMeta ? { sheetNamesToInsert: [input.sheetName] } : {}),
  });
  const inserted = sheets.getItem(input.sheetName);
  inserted.activate();
  return inserted;
}

/**
 * Queues a `SAM.*` name for every input cell the insert did not bring a name for, on names
 * reloaded after the insert. Returns the restored cells: cell id → address on `inserted`.
 */
export function queueMissingNames(
  names: Excel.NamedItemCollection,
  inserted: Excel.Worksheet,
  positions: ReadonlyMap<string, string>,
): Map<string, string> {
  const present = new Set(names.items.map((n) => n.name));
  const restored = new Map<string, string>();
  for (const [cellId, address] of positions) {
    const name = definedNameForCell(cellId);
    if (present.has(name)) continue;
    names.add(name, inserted.getRange(address));
    restored.set(cellId, address);
  }
  return restored;
}
