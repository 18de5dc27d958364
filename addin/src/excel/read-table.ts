import { PaneError } from '../api/api-error';
import { parseA1, splitSheetAddress } from './addresses';
import type { ExcelCapabilities } from './capabilities';

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

export interface QueuedTableRead {
  /**
   * After the first sync: queues the Excel table's own range when the selection is in one; true
   * when that needs another sync.
   */
  afterFirstSync(): boolean;
  /** After the last sync: the table, or a PaneError when the selection holds no rows. */
  collect(): TableRead;
}

/**
 * Queues the party's own table — the Excel table the selection is in, else the filled block
 * around the selection — as plain values with one bulk `values` load: one or two round trips
 * for 10 rows or 100,000, which the caller syncs. Dates arrive as Excel serial numbers;
 * shared/aggregation reads them.
 *
 * The rows stay in the pane's memory; only their aggregates are ever sent.
 */
export function queueSelectedTable(
  context: Excel.RequestContext,
  capabilities: Pick<ExcelCapabilities, 'rangeTables'>,
): QueuedTableRead {
  const selected = context.workbook.getSelectedRange();
  const region = selected.getSurroundingRegion();
  region.load('address,values');
  const tables = capabilities.rangeTables ? selected.getTables(false) : undefined;
  tables?.load('items/name');
  let tableRange: Excel.Range | undefined;
  return {
    afterFirstSync: () => {
      // Inside an Excel table, its own range (header row included) is what the user means by the table.
      tableRange = tables?.items[0]?.getRange();
      tableRange?.load('address,values');
      return tableRange !== undefined;
    },
    collect: () => {
      const table = tables?.items[0];
      const values = tableRange ? tableRange.values : region.values;
      const where = splitSheetAddress(tableRange ? tableRange.address : region.address);
      const top = where ? parseA1(where.address.split(':')[0] ?? '') : undefined;
      const [headers, ...rows] = values;
      if (!where || !top || !headers || rows.length === 0) {
        throw new PaneError(
          'no-table',
          'Markera en cell i tabellen med deltagare (en rad per deltagare, rubriker överst) och försök igen.',
        );
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
    },
  };
}
