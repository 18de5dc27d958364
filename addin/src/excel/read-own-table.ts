import type { TableMapping } from '../../../shared/aggregation/table-mapping';
import type { ExcelCapabilities } from './capabilities';
import { runExcel } from './excel-run';
import { queueMappingLoad } from './mapping-store';
import { queueSelectedTable, type TableRead } from './read-table';

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
 * stored part's content), so they share both: two round trips at most whatever the rows.
 */
export function readOwnTable(
  capabilities: Pick<ExcelCapabilities, 'rangeTables' | 'customXml'>,
): Promise<OwnTableRead> {
  return runExcel(async (context) => {
    const table = queueSelectedTable(context, capabilities);
    const mapping = capabilities.customXml ? queueMappingLoad(context) : undefined;
    await context.sync(); // 1: the block around the selection, any table it is in, and whether a mapping is stored

    // Both are asked before syncing (no short-circuit), so neither's second load costs a third round trip.
    const tableMore = table.afterFirstSync();
    const mappingMore = mapping?.afterFirstSync() ?? false;
    if (tableMore || mappingMore) await context.sync(); // 2: the table itself, and the mapping's content
    return { table: table.collect(), mapping: mapping?.collect() };
  });
}
