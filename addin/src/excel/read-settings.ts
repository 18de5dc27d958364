import type { WorkbookArea } from '../api/settings-api';
import { parseA1, splitSheetAddress } from './addresses';
import { runExcel } from './excel-run';

/**
 * Reads every `INST.*` named area of the open workbook (the *Inställningar* sheets kansliet
 * edited in place), as plain values by area id, for the API to check like an uploaded file. Two
 * round trips: the names and where they point, then every area's values at once.
 */
export function readSettingsAreas(): Promise<Record<string, WorkbookArea>> {
  return runExcel(async (context) => {
    const names = context.workbook.names;
    names.load('items/name,items/formula');
    await context.sync(); // 1: the names

    const reads = names.items.flatMap((item) => {
      if (!/^INST\./i.test(item.name)) return [];
      const where = splitSheetAddress(item.formula);
      const top = where && parseA1(where.address.split(':')[0] ?? '');
      if (!where || !top) return [];
      const range = context.workbook.worksheets.getItem(where.sheet).getRange(where.address);
      range.load('values');
      return [{ id: item.name.slice('INST.'.length).toLowerCase(), sheet: where.sheet, top, range }];
    });
    await context.sync(); // 2: every area's values

    const areas: Record<string, WorkbookArea> = {};
    for (const r of reads)
      areas[r.id] = {
        sheet: r.sheet,
        top: r.top.row,
        left: r.top.column,
        values: r.range.values.map((row) => row.map((v) => (v === '' ? null : (v as string | number | boolean)))),
      };
    return areas;
  });
}
