import { PaneError } from '../api/api-error';
import { a1, parseA1, splitSheetAddress } from './addresses';
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

/**
 * Excel on the web refuses a request or a response over 5 MB (Microsoft's resource limits for
 * Office Add-ins); office-addin-mock and the in-page stand-in enforce it in the tests.
 */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** What one chunk of a large table may cost, by the bytes per cell the first rows showed: well under the limit. */
const CHUNK_BUDGET_BYTES = 2_500_000;
/**
 * How much of the table is read with its address in the first round trip. The usual head — a
 * header and 10,000 rows, 16 columns — keeps a table of that size to the round trips it always
 * had; should Excel refuse that read (cells of 30 characters and more, all of them), the caller
 * reads again with the small head, whose cost sizes the chunks that follow.
 */
export interface HeadSize {
  rows: number;
  columns: number;
}
export const USUAL_HEAD: HeadSize = { rows: 10_001, columns: 16 };
export const SMALL_HEAD: HeadSize = { rows: 200, columns: 16 };

export interface QueuedTableRead {
  /**
   * After the first sync: queues the Excel table's own range when the selection is in one; true
   * when that needs another sync.
   */
  afterFirstSync(): boolean;
  /**
   * After the syncs above: reads what the first rows did not cover, one round trip per chunk,
   * and returns the table, or a PaneError when the selection holds no rows.
   */
  finish(context: Excel.RequestContext): Promise<TableRead>;
}

interface Head {
  range: Excel.Range;
  head: Excel.Range;
}

/** The block and the first rows × columns of it, loaded together. */
function queueHead(range: Excel.Range, size: HeadSize): Head {
  range.load('address,rowCount,columnCount');
  const head = range.getIntersection(range.getCell(0, 0).getResizedRange(size.rows - 1, size.columns - 1));
  head.load('values');
  return { range, head };
}

export const isPayloadError = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === 'RequestPayloadSizeLimitExceeded';

/**
 * The rows the head left out, read chunk by chunk, each chunk one round trip sized by what the
 * head's cells cost; a chunk Excel still refuses is halved and read again.
 */
async function readRest(
  context: Excel.RequestContext,
  where: { sheet: string; top: number; left: number },
  size: { rows: number; columns: number },
  from: number,
  bytesPerCell: number,
): Promise<unknown[][]> {
  const sheet = context.workbook.worksheets.getItem(where.sheet);
  const out: unknown[][] = [];
  let perChunk = Math.max(1, Math.floor(CHUNK_BUDGET_BYTES / (size.columns * bytesPerCell)));
  for (let row = from; row < size.rows;) {
    const count = Math.min(perChunk, size.rows - row);
    const address =
      `${a1(where.top + row, where.left)}:` + `${a1(where.top + row + count - 1, where.left + size.columns - 1)}`;
    const chunk = sheet.getRange(address);
    chunk.load('values');
    try {
      await context.sync(); // one per chunk
    } catch (error) {
      if (!isPayloadError(error) || count === 1) throw error;
      perChunk = Math.max(1, Math.floor(count / 2));
      continue;
    }
    for (const values of chunk.values) out.push(values);
    row += count;
  }
  return out;
}

/**
 * Queues the party's own table — the Excel table the selection is in, else the filled block
 * around the selection — as plain values: its address and first rows in the first round trip
 * (or the second, for an Excel table's own range), the rest of a large table in chunks under
 * Excel on the web's 5 MB limit, one round trip each. Dates arrive as Excel serial numbers;
 * shared/aggregation reads them.
 *
 * The rows stay in the pane's memory; only their aggregates are ever sent.
 */
export function queueSelectedTable(
  context: Excel.RequestContext,
  capabilities: Pick<ExcelCapabilities, 'rangeTables'>,
  headSize: HeadSize = USUAL_HEAD,
): QueuedTableRead {
  const selected = context.workbook.getSelectedRange();
  const region = queueHead(selected.getSurroundingRegion(), headSize);
  const tables = capabilities.rangeTables ? selected.getTables(false) : undefined;
  tables?.load('items/name');
  let inTable: Head | undefined;
  return {
    afterFirstSync: () => {
      // Inside an Excel table, its own range (header row included) is what the user means by the table.
      const range = tables?.items[0]?.getRange();
      inTable = range && queueHead(range, headSize);
      return inTable !== undefined;
    },
    finish: async (ctx) => {
      const table = tables?.items[0];
      const { range, head } = inTable ?? region;
      const where = splitSheetAddress(range.address);
      const top = where ? parseA1(where.address.split(':')[0] ?? '') : undefined;
      const size = { rows: range.rowCount, columns: range.columnCount };
      let values: unknown[][] = head.values;
      if (where && top && (size.rows > values.length || size.columns > headSize.columns)) {
        const cells = Math.max(1, values.length * (values[0]?.length ?? 0));
        const bytesPerCell = Math.max(8, JSON.stringify(values).length / cells);
        // A table wider than the head is read whole in chunks; a longer one from where the head ended.
        if (size.columns > headSize.columns) values = [];
        values = values.concat(
          await readRest(
            ctx,
            { sheet: where.sheet, top: top.row, left: top.column },
            size,
            values.length,
            bytesPerCell,
          ),
        );
      }
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
