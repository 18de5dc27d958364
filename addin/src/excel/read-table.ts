import { PaneError } from '../api/api-error';
import { parseA1, splitSheetAddress } from './addresses';
import type { ExcelCapabilities } from './capabilities';
import { runExcel } from './excel-run';

export interface TableRead {
  sheet: string;
  /** The block read, e.g. `A1:G412`. */
  address: string;
  /** An Excel table (ListObject) around the selection, or the block of filled cells around it. */
  source: 'table' | 'region';
  tableName?: string;
  headers: unknown[];
  rows: unknown[][];
  /** Sheet row number of rows[0]. */
  firstRowNumber: number;
}

/**
 * Reads the party's own table — the Excel table the selection is in, else the filled block
 * around the selection — as plain values, with one bulk `values` load: two round trips for 10
 * rows or 100,000. Dates arrive as Excel serial numbers; shared/aggregation reads them.
 *
 * The rows stay in the pane's memory; only their aggregates are ever sent.
 */
export function readSelectedTable(capabilities: Pick<ExcelCapabilities, 'rangeTables'>): Promise<TableRead> {
  return runExcel(async (context) => {
    const selected = context.workbook.getSelectedRange();
    const region = selected.getSurroundingRegion();
    region.load('address,values');
    const tables = capabilities.rangeTables ? selected.getTables(false) : undefined;
    tables?.load('items/name');
    await context.sync(); // 1: the block around the selection, and any table it is in

    const table = tables?.items[0];
    let values = region.values;
    let address = region.address;
    if (table) {
      const range = table.getRange();
      range.load('address,values');
      await context.sync(); // 2: the table itself, header row included
      values = range.values;
      address = range.address;
    }
    const where = splitSheetAddress(address);
    const top = where ? parseA1(where.address.split(':')[0] ?? '') : undefined;
    const [headers, ...rows] = values;
    if (!where || !top || !headers || rows.length === 0) {
      throw new PaneError('no-table', 'Markera en cell i tabellen med deltagare (en rad per deltagare, rubriker överst) och försök igen.');
    }
    return {
      sheet: where.sheet,
      address: where.address,
      source: table ? 'table' : 'region',
      ...(table ? { tableName: table.name } : {}),
      headers,
      rows,
      firstRowNumber: top.row + 1,
    };
  });
}
