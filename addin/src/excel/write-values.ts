import { cellIdFromDefinedName } from '../../../shared/model/layout';
import { parseA1, splitSheetAddress } from './addresses';
import { runExcel } from './excel-run';

/**
 * Writes values into a template's input cells, found by their `SAM.*` names: how aggregates
 * from the party's own table appear in the template for review. Input cells are unlocked, so
 * the protected sheet takes the writes. Two round trips whatever the number of cells.
 */
export function writeInputValues(values: Readonly<Record<string, number | string | null>>): Promise<{ written: number; missing: string[] }> {
  return runExcel(async (context) => {
    const names = context.workbook.names;
    names.load('items/name,items/formula');
    await context.sync(); // 1: where the names point

    const located = new Map<string, { sheet: string; address: string }>();
    for (const item of names.items) {
      const id = cellIdFromDefinedName(item.name);
      if (id === undefined || !(id in values)) continue;
      const where = splitSheetAddress(String(item.formula));
      if (where && parseA1(where.address)) located.set(id, where);
    }
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
    await context.sync(); // 2: every write
    return { written: located.size, missing: Object.keys(values).filter((id) => !located.has(id)) };
  });
}
