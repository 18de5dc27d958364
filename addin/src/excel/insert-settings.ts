import { PaneError } from '../api/api-error';
import type { ExcelCapabilities } from './capabilities';
import { loadSheetsAndNames } from './insert-template';
import { runExcel } from './excel-run';

export interface SettingsInsert {
  base64: string;
  /** The workbook's sheets, in order (shared/settings' layout). */
  sheetNames: readonly string[];
  /** Every `INST.*` name and where it points, to restore names Excel did not bring along. */
  names: readonly { name: string; sheet: string; address: string }[];
  /** Replace settings sheets already in the workbook (the user confirmed). */
  replace: boolean;
}

export type SettingsInsertOutcome =
  { kind: 'inserted'; sheets: string[]; namesAdded: number } | { kind: 'exists'; sheets: string[] };

const isSettingsName = (name: string) => /^INST\./i.test(name);

/**
 * Inserts the *Inställningar* sheets into the open workbook (ExcelApi 1.13) and activates the
 * first. At most three round trips: what the workbook holds; delete the old settings sheets and
 * names (when replacing) and insert; add any `INST.*` name the insert did not carry. Settings
 * sheets already there are never replaced unasked: the outcome `exists` lets the pane ask.
 */
export function insertSettings(
  input: SettingsInsert,
  capabilities: Pick<ExcelCapabilities, 'insertSheets'>,
): Promise<SettingsInsertOutcome> {
  if (!capabilities.insertSheets)
    return Promise.reject(
      new PaneError(
        'excel-unsupported',
        'Den här Excel-versionen kan inte infoga bladen. Ladda ner inställningarna och öppna filen i stället.',
      ),
    );
  return runExcel(async (context) => {
    const { sheets, names } = loadSheetsAndNames(context, 'items/name');
    await context.sync(); // 1: what is there

    const existing = sheets.items.filter((s) => input.sheetNames.includes(s.name));
    if (existing.length > 0 && !input.replace) return { kind: 'exists', sheets: existing.map((s) => s.name) };
    for (const item of names.items) if (isSettingsName(item.name)) item.delete();
    for (const sheet of existing) sheet.delete();
    context.workbook.insertWorksheetsFromBase64(input.base64, { positionType: 'End' });
    sheets.getItem(input.sheetNames[0] ?? '').activate();
    names.load('items/name');
    await context.sync(); // 2: inserted, and which names exist now

    const present = new Set(names.items.map((n) => n.name));
    const missing = input.names.filter((n) => !present.has(n.name));
    for (const n of missing) names.add(n.name, sheets.getItem(n.sheet).getRange(n.address.replace(/\$/g, '')));
    if (missing.length > 0) await context.sync(); // 3: only when the host dropped names
    return { kind: 'inserted', sheets: [...input.sheetNames], namesAdded: missing.length };
  });
}
