import type { TableMapping } from '../../../shared/aggregation/table-mapping';
import type { ExcelCapabilities } from './capabilities';
import { runExcel } from './excel-run';
import { queueMappingLoad } from './mapping-store';
import {
  isPayloadError,
  queueSelectedTable,
  SMALL_HEAD,
  USUAL_HEAD,
  type HeadSize,
  type TableRead,
} from './read-table';

export interface OwnTableRead {
  table: TableRead;
  /**
   * The mapping kept in this workbook by an earlier Räkna; undefined when there is none, it is
   * damaged, or Excel lacks custom XML parts.
   */
  mapping: TableMapping | undefined;
}

/**
 * Läs tabellen in one batch: the party's own table at the selection and the mapping stored in
 * the workbook. Each needs a second round trip only sometimes (an Excel table's own range; a
 * stored part's content), so they share both: two round trips for up to 10,000 rows × 16
 * columns, and one more per chunk of a larger table (Excel on the web's 5 MB limit).
 */
export function readOwnTable(
  capabilities: Pick<ExcelCapabilities, 'rangeTables' | 'customXml'>,
): Promise<OwnTableRead> {
  return runExcel(async (context) => {
    try {
      return await readWith(context, capabilities, USUAL_HEAD);
    } catch (error) {
      // Excel refused the first read as too large (very long cells): again, with a small head.
      if (!isPayloadError(error)) throw error;
      return readWith(context, capabilities, SMALL_HEAD);
    }
  });
}

async function readWith(
  context: Excel.RequestContext,
  capabilities: Pick<ExcelCapabilities, 'rangeTables' | 'customXml'>,
  head: HeadSize,
): Promise<OwnTableRead> {
  const table = queueSelectedTable(context, capabilities, head);
  const mapping = capabilities.customXml ? queueMappingLoad(context) : undefined;
  await context.sync(); // 1: the block around the selection, any table it is in, and whether a mapping is stored

  // Both are asked before syncing (no short-circuit), so neither's second load costs a third round trip.
  const tableMore = table.afterFirstSync();
  const mappingMore = mapping?.afterFirstSync() ?? false;
  if (tableMore || mappingMore) await context.sync(); // 2: the table itself, and the mapping's content
  // Then a large table's remaining rows, one round trip per chunk.
  return { table: await table.finish(context), mapping: mapping?.collect() };
}
