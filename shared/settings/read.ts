import type { ForbundConfig } from '../model/forbund-schema';
import { EMPTY, readSettingsCell, type RawCell } from './cells';
import { SETTINGS_FORMAT, type SettingsDocument } from './document';
import type { SettingsFinding } from './findings';
import { settingsCell, settingsName, TABLE_LEFT, type SettingsSheetLayout, type SettingsTable } from './layout';
import type { ReadRow, SettingsSheet, SettingsValue, SheetContext, SheetInput, SheetPatch } from './sheet';
import { IDENTITY, SETTINGS_SHEETS } from './sheets';

/** A named area as a reader found it: where it starts, and its cells row by row. */
export interface RawArea {
  sheet: string;
  top: number;
  left: number;
  cells: readonly (readonly RawCell[])[];
}

/** The workbook's `INST.*` names, by the id after the prefix (lower case). */
export type RawSettingsWorkbook = ReadonlyMap<string, RawArea>;

export interface ReadExpectation {
  forbund: string;
  year: number;
  forbundName: (id: string) => string;
}

/** Where each sheet's table rows were found, so findings on the document can name their cells. */
export interface ReadPlaces {
  inputs: ReadonlyMap<SettingsSheet, SheetInput>;
  /** Actual top-left of each area, for workbooks where rows were inserted above a table. */
  areas: ReadonlyMap<string, { sheet: string; top: number; left: number }>;
}

export type ReadOutcome =
  | { kind: 'refused'; findings: SettingsFinding[] }
  | {
      kind: 'read';
      document: SettingsDocument;
      basedOn: number | null;
      findings: SettingsFinding[];
      places: ReadPlaces;
    };

const cellAt = (area: RawArea, row: number, column: number): RawCell => area.cells[row]?.[column] ?? EMPTY;

function identityFinding(
  code: SettingsFinding['code'],
  area: RawArea | undefined,
  params: SettingsFinding['params'],
): SettingsFinding {
  const sheet = area?.sheet ?? '';
  return { code, severity: 'fel', sheet, cell: area ? settingsCell(sheet, area.top, area.left) : sheet, params };
}

function fieldText(area: RawArea | undefined): string | number | undefined {
  const cell = area ? cellAt(area, 0, 0) : EMPTY;
  return cell.kind === 'value' && (typeof cell.raw === 'string' || typeof cell.raw === 'number')
    ? typeof cell.raw === 'string'
      ? cell.raw.trim()
      : cell.raw
    : undefined;
}

/** The file's identity: a settings workbook of this format, for this förbund and year, made from which version. */
function readIdentity(
  raw: RawSettingsWorkbook,
  expected: ReadExpectation,
): { findings: SettingsFinding[]; basedOn: number | null } {
  const format = raw.get(IDENTITY.format);
  const formatText = String(fieldText(format) ?? '');
  if (!format || !formatText.startsWith('samlad-settings/'))
    return { findings: [identityFinding('not-settings-workbook', format, {})], basedOn: null };
  if (formatText !== SETTINGS_FORMAT)
    return { findings: [identityFinding('unsupported-format', format, { format: formatText })], basedOn: null };
  const findings: SettingsFinding[] = [];
  const forbund = raw.get(IDENTITY.forbund);
  const forbundId = String(fieldText(forbund) ?? '');
  if (forbundId !== expected.forbund)
    findings.push(
      identityFinding('wrong-forbund', forbund, {
        file: forbundId ? expected.forbundName(forbundId) : '(inget)',
        expected: expected.forbundName(expected.forbund),
      }),
    );
  const year = raw.get(IDENTITY.year);
  if (fieldText(year) !== expected.year)
    findings.push(
      identityFinding('wrong-year', year, { file: String(fieldText(year) ?? '(inget år)'), expected: expected.year }),
    );
  const version = fieldText(raw.get(IDENTITY.version));
  return {
    findings,
    basedOn: typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : null,
  };
}

function missingName(layout: SettingsSheetLayout, id: string, label: string): SettingsFinding {
  return {
    code: 'name-missing',
    severity: 'fel',
    sheet: layout.sheetName,
    cell: layout.sheetName,
    params: { label, name: settingsName(id) },
  };
}

/** A table's rows by column kind, skipping rows whose input cells are all empty. */
function readTable(table: SettingsTable, area: RawArea, findings: SettingsFinding[]): ReadRow[] | undefined {
  let headersOk = true;
  table.columns.forEach((column, c) => {
    const cell = cellAt(area, 0, c);
    const found = cell.kind === 'value' ? String(cell.raw ?? '').trim() : '';
    if (found.toLowerCase() !== column.header.toLowerCase()) {
      headersOk = false;
      findings.push({
        code: 'headers-changed',
        severity: 'fel',
        sheet: area.sheet,
        cell: settingsCell(area.sheet, area.top, area.left + c),
        params: { column: column.header, found },
      });
    }
  });
  if (!headersOk) return undefined;
  const rows: ReadRow[] = [];
  for (let r = 1; r < area.cells.length; r++) {
    const inputs = table.columns.map((column, c) => ({ column, cell: cellAt(area, r, c), c }));
    const empty = inputs.every(
      ({ column, cell }) =>
        column.kind === 'info' || (cell.kind === 'value' && (cell.raw === null || String(cell.raw).trim() === '')),
    );
    if (empty) continue;
    const values: Record<string, SettingsValue> = {};
    for (const { column, cell, c } of inputs) {
      const reading = readSettingsCell(cell, { ...column, label: column.header });
      values[column.key] = reading.value;
      if (reading.finding)
        findings.push({
          ...reading.finding,
          sheet: area.sheet,
          cell: settingsCell(area.sheet, area.top + r, area.left + c),
        });
    }
    rows.push({ values, offset: r - 1 });
  }
  return rows;
}

/** Each row id used once per table: a second use names both cells. */
function duplicateKeys(table: SettingsTable, area: RawArea, rows: readonly ReadRow[]): SettingsFinding[] {
  const column = table.columns.findIndex((c) => c.key === table.key);
  const first = new Map<string, number>();
  const findings: SettingsFinding[] = [];
  for (const row of rows) {
    const key = row.values[table.key];
    if (key === null || key === undefined || Array.isArray(key)) continue;
    const id = String(key);
    const at = area.top + 1 + row.offset;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, at);
    else
      findings.push({
        code: 'duplicate-id',
        severity: 'fel',
        sheet: area.sheet,
        cell: settingsCell(area.sheet, at, area.left + column),
        params: { id, first: settingsCell(area.sheet, seen, area.left + column) },
      });
  }
  return findings;
}

/** Applies a sheet's patch: structure fields replace, the year's settings merge (undefined clears). */
export function applyPatch(draft: SettingsDocument, patch: SheetPatch, year: number): SettingsDocument {
  const next: ForbundConfig = { ...draft, ...patch.forbund };
  if (!patch.year) return next;
  const settings: Record<string, unknown> = { ...draft.years[String(year)], ...patch.year };
  for (const key of Object.keys(settings)) if (settings[key] === undefined) delete settings[key];
  return { ...next, years: { [String(year)]: settings } };
}

function readSheet(
  sheet: SettingsSheet,
  raw: RawSettingsWorkbook,
  findings: SettingsFinding[],
): { input: SheetInput; area?: RawArea } | undefined {
  const { layout } = sheet;
  const fields: Record<string, SettingsValue> = {};
  for (const field of layout.fields) {
    if (field.locked) continue;
    const area = raw.get(field.id);
    if (!area) {
      findings.push(missingName(layout, field.id, field.label));
      return undefined;
    }
    const reading = readSettingsCell(cellAt(area, 0, 0), field);
    fields[field.id] = reading.value;
    if (reading.finding)
      findings.push({ ...reading.finding, sheet: area.sheet, cell: settingsCell(area.sheet, area.top, area.left) });
  }
  if (!layout.table) return { input: { fields, rows: [] } };
  const area = raw.get(layout.table.id);
  if (!area) {
    findings.push(missingName(layout, layout.table.id, layout.sheetName));
    return undefined;
  }
  const rows = readTable(layout.table, area, findings);
  if (!rows) return undefined;
  findings.push(...duplicateKeys(layout.table, area, rows));
  return { input: { fields, rows }, area };
}

/**
 * Reads an *Inställningar* workbook's named areas into a settings document: the file must be one
 * (its format), for the expected förbund and year; each cell is read by its column's kind, with a
 * finding naming the cell for anything it cannot take. The document starts from `base` — the
 * version the file was made from — so anything the workbook does not show is kept.
 */
export function readSettingsWorkbook(
  raw: RawSettingsWorkbook,
  expected: ReadExpectation,
  base: (basedOn: number | null) => SettingsDocument,
  context: Omit<SheetContext, 'year'>,
): ReadOutcome {
  const identity = readIdentity(raw, expected);
  if (identity.findings.length > 0) return { kind: 'refused', findings: identity.findings };
  const findings: SettingsFinding[] = [];
  const inputs = new Map<SettingsSheet, SheetInput>();
  const areas = new Map<string, { sheet: string; top: number; left: number }>();
  let document: SettingsDocument = { ...base(identity.basedOn), id: expected.forbund };
  for (const sheet of SETTINGS_SHEETS) {
    const read = readSheet(sheet, raw, findings);
    if (!read) continue;
    inputs.set(sheet, read.input);
    if (read.area && sheet.layout.table) areas.set(sheet.layout.table.id, read.area);
    document = applyPatch(
      document,
      sheet.read(read.input, document, { ...context, year: expected.year }),
      expected.year,
    );
  }
  for (const [id, area] of raw) if (!areas.has(id)) areas.set(id, area);
  return { kind: 'read', document, basedOn: identity.basedOn, findings, places: { inputs, areas } };
}
