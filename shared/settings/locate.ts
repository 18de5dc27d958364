import type { PathFinding } from './check';
import type { SettingsDocument } from './document';
import type { SettingsFinding } from './findings';
import { FIELD_COLUMN, settingsCell, settingsRange, sheetPositions, TABLE_LEFT } from './layout';
import type { ReadPlaces } from './read';
import type { SettingsSheet, SheetContent, SheetContext, SheetInput } from './sheet';
import { SETTINGS_SHEETS } from './sheets';

/** Where the workbook made from a document would hold each row: rows in order from the first data row. */
export function canonicalPlaces(document: SettingsDocument, context: SheetContext): ReadPlaces {
  const inputs = new Map<SettingsSheet, SheetInput>();
  const areas = new Map<string, { sheet: string; top: number; left: number }>();
  for (const sheet of SETTINGS_SHEETS) {
    let content: SheetContent = { fields: {}, rows: [] };
    try {
      content = sheet.write(document, context);
    } catch {
      // A document whose very shape is wrong cannot be shown; its findings (which say so) name sheets, not cells.
    }
    inputs.set(sheet, { fields: content.fields, rows: content.rows.map((values, offset) => ({ values, offset })) });
    const positions = sheetPositions(sheet.layout);
    for (const [id, row] of positions.fieldRows)
      areas.set(id, { sheet: sheet.layout.sheetName, top: row, left: FIELD_COLUMN });
    if (sheet.layout.table && positions.headerRow !== undefined)
      areas.set(sheet.layout.table.id, { sheet: sheet.layout.sheetName, top: positions.headerRow, left: TABLE_LEFT });
  }
  return { inputs, areas };
}

function place(finding: PathFinding, sheet: SettingsSheet, input: SheetInput, places: ReadPlaces) {
  const location = sheet.locate(finding.path, input);
  if (!location) return undefined;
  const { layout } = sheet;
  if ('field' in location) {
    const area = places.areas.get(location.field);
    const field = layout.fields.find((f) => f.id === location.field);
    return {
      cell: area ? settingsCell(area.sheet, area.top, area.left) : layout.sheetName,
      label: field?.label ?? layout.sheetName,
    };
  }
  const table = layout.table;
  const area = table ? places.areas.get(table.id) : undefined;
  if (!table || !area) return { cell: layout.sheetName, label: layout.sheetName };
  const columnKey = location.column ?? table.key;
  const index = Math.max(
    0,
    table.columns.findIndex((c) => c.key === columnKey),
  );
  const column = area.left + index;
  const label = table.columns[index]?.header ?? layout.sheetName;
  const offsets =
    location.offset !== undefined
      ? [location.offset]
      : finding.indices
        ? finding.indices.flatMap((i) => input.rows[i]?.offset ?? [])
        : location.column
          ? input.rows.map((r) => r.offset)
          : [];
  if (offsets.length === 0)
    return { cell: location.column ? settingsCell(area.sheet, area.top, column) : area.sheet, label };
  return {
    cell: settingsRange(
      area.sheet,
      offsets.map((o) => area.top + 1 + o),
      column,
    ),
    label,
  };
}

/**
 * Findings on a document, by path, turned into findings that name the sheet and cell of the
 * workbook they came from (or would come from, for a JSON document), with the column's header
 * as the label where the finding's text needs one. The same problem found twice is named once.
 */
export function locateFindings(findings: readonly PathFinding[], places: ReadPlaces): SettingsFinding[] {
  const located: SettingsFinding[] = [];
  for (const finding of findings) {
    let result: SettingsFinding | undefined;
    for (const sheet of SETTINGS_SHEETS) {
      const at = place(finding, sheet, places.inputs.get(sheet) ?? { fields: {}, rows: [] }, places);
      if (!at) continue;
      result = {
        code: finding.code,
        severity: finding.severity,
        sheet: sheet.layout.sheetName,
        cell: at.cell,
        params: { label: at.label, ...finding.params },
      };
      break;
    }
    located.push(
      result ?? { code: finding.code, severity: finding.severity, sheet: '', cell: '', params: finding.params },
    );
  }
  return dedupe(located);
}

/** The workbook's own checks and the document's can find the same thing in the same cell. */
export function dedupe(findings: readonly SettingsFinding[]): SettingsFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.cell}|${f.params.id ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
