import { normaliseKey } from '../../../shared/aggregation/fields';
import { tableMappingSchema, type TableMapping } from '../../../shared/aggregation/table-mapping';

/**
 * In a browser there is no workbook to keep the mapping in, so it is kept in this browser's
 * localStorage, keyed by the table's headers: the same table pasted next tertial finds it.
 * Only the mapping (headers and category words) is stored, never rows.
 */
const PREFIX = 'samlad.mapping.v1:';

function key(headers: readonly unknown[]): string {
  return PREFIX + headers.map(normaliseKey).join('|');
}

export const browserMappingMemory = {
  load(headers: readonly unknown[]): TableMapping | undefined {
    try {
      const raw = localStorage.getItem(key(headers));
      if (!raw) return undefined;
      const parsed = tableMappingSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  },
  save(headers: readonly unknown[], mapping: TableMapping): void {
    try {
      localStorage.setItem(key(headers), JSON.stringify(mapping));
    } catch {
      // Storage can be full or disabled; the user maps again next time, nothing is lost.
    }
  },
};
