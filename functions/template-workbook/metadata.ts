import type { Cell, Worksheet } from 'exceljs';
import { z } from 'zod';
import { forbundIdSchema, periodIdSchema, scopeIdSchema, templateIdSchema } from '../../shared';

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

/** Collects the key/value rows as plain text; `readText` turns a cell into text. */
export function readMetaRows(sheet: Worksheet, readText: (cell: Cell) => string | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  sheet.eachRow((row) => {
    const key = readText(row.getCell(1))?.trim();
    const value = readText(row.getCell(2))?.trim();
    if (key && value !== undefined && !(key in pairs)) pairs[key] = value;
  });
  return pairs;
}
