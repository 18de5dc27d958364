import type { ZodType } from 'zod';
import { a1, columnLetter, sheetAddress } from '../model/layout';

/**
 * The *Inställningar* workbook as data: which sheets, which labelled single cells (fields) and
 * which tables, with what columns. The exceljs writer, the readers of an upload and of the open
 * workbook, the change list and the findings all work from this one description, so a cell is
 * found by its defined name (`INST.<id>`) and named in messages by the same address everywhere.
 */

/** How a cell is read: its kind decides what is accepted and what a finding says. */
export type SettingsCellKind = 'text' | 'number' | 'yesno' | 'choice' | 'date' | 'ids' | 'info';

export interface SettingsChoice {
  value: string;
  label: string;
}

export interface SettingsColumn {
  /** The row object's property the column holds. */
  key: string;
  header: string;
  kind: SettingsCellKind;
  /** Column width in Excel's units. */
  width: number;
  required?: boolean;
  /** For ids and codes: the pattern the text must match (its Swedish message is the schema's). */
  pattern?: ZodType<string>;
  choices?: readonly SettingsChoice[];
  min?: number;
  max?: number;
  integer?: boolean;
  /** A note on the header cell. */
  help?: string;
  /** Written by Samlad and read only to know the row (a figure's id, a period): not an input cell. */
  locked?: boolean;
}

/** A labelled single cell, e.g. the förbund's name or the Impactindex target. */
export interface SettingsField extends Omit<SettingsColumn, 'key' | 'header' | 'width'> {
  /** Defined name `INST.<id>`. */
  id: string;
  label: string;
}

export interface SettingsTable {
  /** Defined name `INST.<id>` over the header row and every data row. */
  id: string;
  columns: readonly SettingsColumn[];
  /** The column whose value identifies a row, in the change list and when rows are merged. */
  key: string;
  /** Data rows the named area holds; rows added inside it grow the name in Excel. */
  capacity: number;
}

export interface SettingsSheetLayout {
  sheetName: string;
  title: string;
  help: string;
  fields: readonly SettingsField[];
  table?: SettingsTable;
}

/** Every defined name of the workbook starts with this. */
export const SETTINGS_NAME_PREFIX = 'INST.';

export function settingsName(id: string): string {
  return `${SETTINGS_NAME_PREFIX}${id}`;
}

export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const HELP_ROW = 3;
const FIRST_FIELD_ROW = 5;
/** Fields sit in column B beside their label in A. */
export const FIELD_COLUMN = 2;
export const TABLE_LEFT = 1;

export interface SheetPositions {
  fieldRows: ReadonlyMap<string, number>;
  /** The table's header row; its data rows follow, `capacity` of them. */
  headerRow?: number;
  /** The row below the table that says where it ends. */
  endRow?: number;
}

/** Where a sheet's fields and table sit: fixed by the layout, whatever the data. */
export function sheetPositions(layout: SettingsSheetLayout): SheetPositions {
  const fieldRows = new Map(layout.fields.map((f, i) => [f.id, FIRST_FIELD_ROW + i]));
  if (!layout.table) return { fieldRows };
  const headerRow = FIRST_FIELD_ROW + layout.fields.length + (layout.fields.length > 0 ? 1 : 0);
  return { fieldRows, headerRow, endRow: headerRow + layout.table.capacity + 1 };
}

/** `'Parter och kommuner'!D7`. */
export function settingsCell(sheetName: string, row: number, column: number): string {
  return sheetAddress(sheetName, a1(row, column));
}

/** `Indikatorer!D5:D9` for a run of cells in one column; the sheet alone when there are none. */
export function settingsRange(sheetName: string, rows: readonly number[], column: number): string {
  if (rows.length === 0) return sheetName;
  const top = Math.min(...rows);
  const bottom = Math.max(...rows);
  return sheetAddress(sheetName, bottom > top ? `${a1(top, column)}:${a1(bottom, column)}` : a1(top, column));
}

/** Where each `INST.*` name of a sheet points, whatever the data: `{name, sheet, address}` with `$`. */
export function settingsNames(layout: SettingsSheetLayout): { name: string; sheet: string; address: string }[] {
  const positions = sheetPositions(layout);
  const names = layout.fields.map((f) => ({
    name: settingsName(f.id),
    sheet: layout.sheetName,
    address: `$${columnLetter(FIELD_COLUMN)}$${positions.fieldRows.get(f.id) ?? 0}`,
  }));
  const table = layout.table;
  if (!table || positions.headerRow === undefined) return names;
  const right = columnLetter(TABLE_LEFT + table.columns.length - 1);
  const bottom = positions.headerRow + table.capacity;
  return [
    ...names,
    {
      name: settingsName(table.id),
      sheet: layout.sheetName,
      address: `$${columnLetter(TABLE_LEFT)}$${positions.headerRow}:$${right}$${bottom}`,
    },
  ];
}
