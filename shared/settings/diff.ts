import { cellText } from './cells';
import type { SettingsDocument } from './document';
import type { SettingsColumn, SettingsField } from './layout';
import type { SettingsRow, SettingsSheet, SettingsValue, SheetContent, SheetContext } from './sheet';
import { SETTINGS_SHEETS } from './sheets';

/** One difference between two versions, as kansliet reads it: sheet, row, column, before and after. */
export interface SettingsChange {
  sheet: string;
  /** The row's id and name, or the field's label. */
  row: string;
  change: 'added' | 'removed' | 'changed';
  column?: string;
  before?: string;
  after?: string;
}

const sv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 4 });

/** A value as the workbook shows it: choices by their label, yes/no in words, lists joined. */
export function displayValue(spec: Pick<SettingsColumn, 'kind' | 'choices'>, value: SettingsValue | undefined): string {
  const shown = cellText(value ?? null, spec);
  if (shown === null || shown === '') return '–';
  return typeof shown === 'number' ? sv.format(shown) : shown;
}

const same = (a: SettingsValue | undefined, b: SettingsValue | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function rowLabel(row: SettingsRow, key: string): string {
  const name = row.name ?? row.label ?? row.title;
  const id = String(row[key] ?? '');
  return typeof name === 'string' && name !== '' && name !== id ? `${id} (${name})` : id;
}

function fieldChanges(sheet: SettingsSheet, before: SheetContent, after: SheetContent): SettingsChange[] {
  return sheet.layout.fields
    .filter((f: SettingsField) => !f.locked && !same(before.fields[f.id], after.fields[f.id]))
    .map((f) => ({
      sheet: sheet.layout.sheetName,
      row: f.label,
      change: 'changed' as const,
      before: displayValue(f, before.fields[f.id]),
      after: displayValue(f, after.fields[f.id]),
    }));
}

function rowChanges(sheet: SettingsSheet, before: SheetContent, after: SheetContent): SettingsChange[] {
  const table = sheet.layout.table;
  if (!table) return [];
  const sheetName = sheet.layout.sheetName;
  const keyOf = (row: SettingsRow) => JSON.stringify(row[table.key] ?? null);
  const old = new Map(before.rows.map((r) => [keyOf(r), r]));
  const now = new Map(after.rows.map((r) => [keyOf(r), r]));
  const columns = table.columns.filter((c) => c.kind !== 'info' && c.key !== table.key);
  const changes: SettingsChange[] = [];
  for (const [key, row] of now) {
    const previous = old.get(key);
    if (!previous) {
      changes.push({ sheet: sheetName, row: rowLabel(row, table.key), change: 'added' });
      continue;
    }
    for (const column of columns)
      if (!same(previous[column.key], row[column.key]))
        changes.push({
          sheet: sheetName,
          row: rowLabel(row, table.key),
          change: 'changed',
          column: column.header,
          before: displayValue(column, previous[column.key]),
          after: displayValue(column, row[column.key]),
        });
  }
  for (const [key, row] of old)
    if (!now.has(key)) changes.push({ sheet: sheetName, row: rowLabel(row, table.key), change: 'removed' });
  return changes;
}

/**
 * What changes from one version to another, by sheet and row, as the workbook shows the two:
 * rows added and removed (by their id), and each changed value with before and after. Against
 * no version at all (a new förbund) every row is added.
 */
export function diffSettings(
  before: SettingsDocument | undefined,
  after: SettingsDocument,
  context: SheetContext,
): SettingsChange[] {
  const empty: SheetContent = { fields: {}, rows: [] };
  return SETTINGS_SHEETS.flatMap((sheet) => {
    const a = before ? sheet.write(before, context) : empty;
    const b = sheet.write(after, context);
    return [...fieldChanges(sheet, a, b), ...rowChanges(sheet, a, b)];
  });
}
