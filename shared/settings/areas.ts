import { cellText, EMPTY, type RawCell } from './cells';
import type { SettingsDocument } from './document';
import { FIELD_COLUMN, sheetPositions, TABLE_LEFT } from './layout';
import type { RawArea, RawSettingsWorkbook } from './read';
import type { SheetContext } from './sheet';
import { IDENTITY, SETTINGS_SHEETS } from './sheets';

const value = (raw: ReturnType<typeof cellText>): RawCell => ({ kind: 'value', raw });

/**
 * The named areas of the *Inställningar* workbook made from a document, cell by cell: each
 * field's cell and each table's header row and rows (empty up to its capacity). The exceljs
 * writer puts exactly these into the workbook, so what a reader gets back from an untouched
 * file is what it was made from.
 */
export function settingsAreas(
  document: SettingsDocument,
  context: SheetContext,
  basedOn: number | null,
): RawSettingsWorkbook {
  const areas = new Map<string, RawArea>();
  for (const sheet of SETTINGS_SHEETS) {
    const { layout } = sheet;
    const content = sheet.write(document, context);
    if (sheet.layout.fields.some((f) => f.id === IDENTITY.version)) content.fields[IDENTITY.version] = basedOn;
    const positions = sheetPositions(layout);
    for (const field of layout.fields)
      areas.set(field.id, {
        sheet: layout.sheetName,
        top: positions.fieldRows.get(field.id) ?? 0,
        left: FIELD_COLUMN,
        cells: [[value(cellText(content.fields[field.id] ?? null, field))]],
      });
    const table = layout.table;
    if (!table || positions.headerRow === undefined) continue;
    const header = table.columns.map((c) => value(c.header));
    const rows = Array.from({ length: table.capacity }, (_, r) =>
      table.columns.map((c) => {
        const row = content.rows[r];
        return row ? value(cellText(row[c.key] ?? null, c)) : EMPTY;
      }),
    );
    areas.set(table.id, {
      sheet: layout.sheetName,
      top: positions.headerRow,
      left: TABLE_LEFT,
      cells: [header, ...rows],
    });
  }
  return areas;
}
