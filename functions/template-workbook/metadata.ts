import type { Worksheet } from 'exceljs';
import { z } from 'zod';
import { forbundIdSchema, periodIdSchema, scopeIdSchema, templateIdSchema } from '../../shared';
import { parseCellAddress, type CellReading } from '../untrusted-xlsx';

/**
 * A generated workbook identifies itself in a very hidden, protected sheet of key/value rows.
 * Keys are looked up by name, never by row, so later formats may add keys anywhere.
 */
export const META_SHEET_NAME = '_samlad';

/** Bump the number when the file layout changes in a way old parsers cannot read. */
export const FORMAT_MARKER = 'samlad-template/1';

const FORMAT_FAMILY = 'samlad-template/';

export const workbookMetaSchema = z.object({
  format: z.string(),
  templateId: templateIdSchema,
  templateVersion: z.coerce.number().int().positive(),
  templateTitle: z.string().optional(),
  forbund: forbundIdSchema,
  forbundName: z.string().optional(),
  period: periodIdSchema,
  periodLabel: z.string().optional(),
  scope: scopeIdSchema,
  scopeName: z.string().optional(),
  generatedAt: z.string().optional(),
});
/** What a template workbook says about itself. */
export type WorkbookMeta = z.infer<typeof workbookMetaSchema>;

const KEYS = [
  'format',
  'templateId',
  'templateVersion',
  'templateTitle',
  'forbund',
  'forbundName',
  'period',
  'periodLabel',
  'scope',
  'scopeName',
  'generatedAt',
] as const satisfies readonly (keyof WorkbookMeta)[];

/** Writes the key/value rows from row 1 in columns A and B; returns the next free row. */
export function writeMetaRows(sheet: Worksheet, meta: WorkbookMeta): number {
  let row = 1;
  for (const key of KEYS) {
    const value = meta[key];
    if (value === undefined) continue;
    sheet.getCell(row, 1).value = key;
    // Strings throughout: the version as text too, so no reader reformats it.
    sheet.getCell(row, 2).value = String(value);
    row += 1;
  }
  return row;
}

export function isKnownFormat(format: string): boolean {
  return format === FORMAT_MARKER;
}

export function isSamladFormat(format: string): boolean {
  return format.startsWith(FORMAT_FAMILY);
}

/** Text of a metadata cell: whatever it holds, or undefined when empty or an error. */
function cellText(reading: CellReading | undefined): string | undefined {
  if (reading?.kind !== 'value' || reading.raw === null) return undefined;
  return String(reading.raw).trim();
}

/** Collects the key/value rows (keys in column A, values in B) as plain text, top to bottom; the first key wins. */
export function readMetaRows(cells: ReadonlyMap<string, CellReading>): Record<string, string> {
  const rows = new Map<number, { key?: CellReading; value?: CellReading }>();
  for (const [address, reading] of cells) {
    const position = parseCellAddress(address);
    if (!position || position.column > 2) continue;
    const row = rows.get(position.row) ?? {};
    if (position.column === 1) row.key = reading;
    else row.value = reading;
    rows.set(position.row, row);
  }
  const pairs = new Map<string, string>();
  for (const [, row] of [...rows].sort(([a], [b]) => a - b)) {
    const key = cellText(row.key);
    const value = cellText(row.value);
    if (key && value !== undefined && !pairs.has(key)) pairs.set(key, value);
  }
  return Object.fromEntries(pairs);
}
