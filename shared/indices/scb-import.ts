import type { ForbundConfig } from '../model/forbund-schema';
import { HAE_COLUMNS, haeCell, HAE_POPULATION, type HaeColumn } from './helarsekvivalenter';
import { parseScbCsv } from './scb-csv';
import { parseScbJsonStat2 } from './scb-json-stat2';
import { scbToTemplateValues, type ScbTable } from './scb-table';

/**
 * Kansliet's import of an SCB helårsekvivalenter file (HE0000T02N2) in the task pane: the file's
 * bytes → its format and observations → the first half-years it holds for the förbund's kommuner
 * → one period's values per kommun, as they will be sent. Pure, so the pane's preview and its
 * tests read exactly the same thing; the file itself never leaves the pane.
 */

export type ScbFormat = 'csv' | 'json-stat2';

export interface ScbImport {
  format: ScbFormat;
  table: ScbTable;
  /** First half-years ("2023H1") with figures for at least one of the förbund's kommuner, newest first. */
  periods: string[];
  /** First half-years the file holds that no version of the template covers. */
  unsupportedPeriods: string[];
}

/** A file that cannot be imported: why, in Swedish, and what the parser said on the way. */
export interface ScbImportFailure {
  message: string;
  problems: string[];
}

export type ScbImportResult = ({ ok: true } & ScbImport) | ({ ok: false } & ScbImportFailure);

export interface ScbPreviewRow {
  kommunId: string;
  name: string;
  kommunkod: string | undefined;
  /** One per template column; null where SCB gave no value (".."), never 0. */
  values: Record<HaeColumn, number | null>;
}

export interface ScbPreview {
  period: string;
  rows: ScbPreviewRow[];
  /** The `helarsekvivalenter` template's values: what is sent, and all that is sent. */
  values: Record<string, number | null>;
  /** What the parser skipped and every kommun the file lacks for the period, in Swedish. */
  problems: string[];
  /** Per kommun with a gap, the columns SCB gave no value for (sent as missing, never 0). */
  missing: { kommunId: string; name: string; columns: HaeColumn[] }[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** UTF-8 as PxWeb writes today; Windows-1252 for files re-saved by older tools (Excel's "CSV"). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function parse(
  fileName: string,
  bytes: Uint8Array,
): { ok: true; format: ScbFormat; table: ScbTable } | ({ ok: false } & ScbImportFailure) {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b) || /\.xlsx?$/i.test(fileName)) {
    return {
      ok: false,
      message:
        'Filen är en Excelfil. Hämta tabellen från SCB:s statistikdatabas som CSV eller json-stat2 och välj den filen.',
      problems: [],
    };
  }
  const text = decode(bytes).replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, message: 'Filen är tom.', problems: [] };
  const looksLikeJson = /^\s*[[{]/.test(text);
  if (!looksLikeJson && !/\.json$/i.test(fileName)) return { ok: true, format: 'csv', table: parseScbCsv(text) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'Filen kan inte läsas som JSON. Välj SCB:s fil i formatet CSV eller json-stat2.',
      problems: [],
    };
  }
  return { ok: true, format: 'json-stat2', table: parseScbJsonStat2(data) };
}

function kommunerOf(forbund: ForbundConfig) {
  return forbund.parties.filter((p) => p.kind === 'kommun');
}

/**
 * Reads an SCB file (json-stat2 when it starts with `{` or `[` or is named .json, else CSV) and
 * finds the first half-years it holds for the förbund's kommuner. Refuses, with a Swedish
 * message, a file that is empty, an Excel file, unreadable JSON, or holds no first half-year for
 * any of the förbund's kommuner that the template covers (`covers`).
 *
 * @example
 * const found = importScbFile('he.csv', bytes, umearegionen, (p) => findTemplate(registry, 'helarsekvivalenter', Number(p.slice(0, 4))) !== undefined);
 * if (found.ok) previewScbPeriod(found.table, umearegionen, found.periods[0]!);
 */
export function importScbFile(
  fileName: string,
  bytes: Uint8Array,
  forbund: ForbundConfig,
  covers: (period: string) => boolean,
): ScbImportResult {
  const parsed = parse(fileName, bytes);
  if (!parsed.ok) return parsed;
  const { table, format } = parsed;
  const { problems } = table;
  if (table.observations.length === 0) {
    return {
      ok: false,
      message:
        'Filen innehåller inga helårsekvivalenter för första halvåret (H1). Välj SCB:s tabell HE0000T02N2 som CSV eller json-stat2.',
      problems,
    };
  }
  const codes = new Set(kommunerOf(forbund).flatMap((k) => (k.kommunkod ? [k.kommunkod] : [])));
  const own = [...new Set(table.observations.filter((o) => codes.has(o.kommunkod)).map((o) => o.period))]
    .sort()
    .reverse();
  if (own.length === 0) {
    const names = kommunerOf(forbund)
      .map((k) => k.name)
      .join(', ');
    return { ok: false, message: `Filen har inga uppgifter för förbundets kommuner (${names}).`, problems };
  }
  const periods = own.filter(covers);
  const unsupportedPeriods = own.filter((p) => !covers(p));
  if (periods.length === 0) {
    return {
      ok: false,
      message: `Filen har bara halvår som Samlads mall för helårsekvivalenter inte gäller för: ${unsupportedPeriods.join(', ')}.`,
      problems,
    };
  }
  return { ok: true, format, table, periods, unsupportedPeriods };
}

/** Each of the förbund's kommuner with the values the period would send, and what is missing. */
export function previewScbPeriod(table: ScbTable, forbund: ForbundConfig, period: string): ScbPreview {
  const { values, problems } = scbToTemplateValues(table, forbund, period);
  const rows = kommunerOf(forbund).map((kommun) => ({
    kommunId: kommun.id,
    name: kommun.name,
    kommunkod: kommun.kommunkod,
    values: Object.fromEntries(
      HAE_COLUMNS.map((column) => [column, values[haeCell(kommun.id, column)] ?? null]),
    ) as Record<HaeColumn, number | null>,
  }));
  const missing = rows.flatMap((row) => {
    const columns = HAE_COLUMNS.filter((column) => row.values[column] === null);
    return columns.length > 0 ? [{ kommunId: row.kommunId, name: row.name, columns }] : [];
  });
  return { period, rows, values, problems, missing };
}

const decimals = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** A preview cell: helårsekvivalenter with SCB's one decimal, the population whole, a missing value as "saknas". */
export function formatScbValue(value: number | null, column: HaeColumn): string {
  if (value === null) return 'saknas';
  return (column === HAE_POPULATION ? whole : decimals).format(value);
}
