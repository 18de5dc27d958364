import ExcelJS from 'exceljs';
import { SETTINGS_SHEETS, settingsName } from '../../shared/settings';

/**
 * Edits a downloaded *Inställningar* workbook the way kansliet does in Excel: finds a table by
 * its `INST.*` name and a row by its id, and types into a cell of a named column.
 */

type Area = { sheet: ExcelJS.Worksheet; top: number; left: number; bottom: number };

function area(workbook: ExcelJS.Workbook, id: string): Area {
  const model = workbook.definedNames.model.find((n) => n.name === settingsName(id));
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?$/.exec(
    model?.ranges[0] ?? '',
  );
  const sheet = match ? workbook.getWorksheet((match[1] ?? match[2] ?? '').replace(/''/g, "'")) : undefined;
  if (!match || !sheet) throw new Error(`no area ${id}`);
  const top = Number(match[4]);
  return { sheet, top, left: match[3]!.charCodeAt(0) - 64, bottom: Number(match[5] ?? top) };
}

function columnIndex(table: string, key: string): number {
  const columns = SETTINGS_SHEETS.find((s) => s.layout.table?.id === table)?.layout.table?.columns ?? [];
  const index = columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`no column ${key} in ${table}`);
  return index;
}

export interface SettingsEdit {
  /** The table's id (`mal`, `parter`, `plattformar`, …) or, with no `row`, a field's (`namn`). */
  table: string;
  /** The row's key column value (its id), `'new'` for the first empty row. */
  row?: string;
  column?: string;
  value: ExcelJS.CellValue;
}

/** The cell an edit lands in. */
export function settingsCell(workbook: ExcelJS.Workbook, edit: Omit<SettingsEdit, 'value'>): ExcelJS.Cell {
  const a = area(workbook, edit.table);
  if (edit.row === undefined) return a.sheet.getCell(a.top, a.left);
  const table = SETTINGS_SHEETS.find((s) => s.layout.table?.id === edit.table)!.layout.table!;
  const keyColumn = a.left + columnIndex(edit.table, table.key);
  for (let r = a.top + 1; r <= a.bottom; r++) {
    const key = a.sheet.getCell(r, keyColumn).value;
    const hit = edit.row === 'new' ? key === null || key === undefined || key === '' : String(key) === edit.row;
    if (hit) return a.sheet.getCell(r, a.left + columnIndex(edit.table, edit.column ?? table.key));
  }
  throw new Error(`no row ${edit.row} in ${edit.table}`);
}

/** Applies edits to a settings workbook and returns the saved file. */
export async function editSettings(xlsx: Buffer, edits: readonly SettingsEdit[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  for (const edit of edits) settingsCell(workbook, edit).value = edit.value;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sammanfattning's target for a headline figure of a scope, as the report writes it ("≥ 70 %"). */
export async function summaryTarget(report: Buffer, scope: string, label: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(report as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Sammanfattning');
  let found: string | undefined;
  sheet?.eachRow((row) => {
    if (found === undefined && row.getCell(1).value === scope && row.getCell(2).value === label)
      found = String(row.getCell(6).value);
  });
  if (found === undefined) throw new Error(`no ${scope} / ${label} on Sammanfattning`);
  return found;
}
