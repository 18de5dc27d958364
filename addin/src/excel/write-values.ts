import type { SheetCell } from './addresses';

export type InputValues = Readonly<Record<string, number | string | null>>;

/**
 * Queues each value into its located input cell, one range per cell, since the rectangle
 * around the inputs also holds cells that are not inputs and must keep what they hold.
 * Input cells are unlocked, so a protected template sheet takes the writes. The caller syncs.
 */
export function queueValueWrites(
  context: Excel.RequestContext,
  located: ReadonlyMap<string, SheetCell>,
  values: InputValues,
): void {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const [id, where] of located) {
    let sheet = sheets.get(where.sheet);
    if (!sheet) {
      sheet = context.workbook.worksheets.getItem(where.sheet);
      sheets.set(where.sheet, sheet);
    }
    const value = values[id];
    sheet.getRange(where.address).values = [[value === null || value === undefined ? '' : value]];
  }
}
