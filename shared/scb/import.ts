import type { ForbundConfig, Party } from '../model/forbund-schema';
import type { ResolvedTemplate } from '../model/resolve';
import { readScbCsv } from './csv';
import { halfYearMonths, halfYearOf, roundMean, type HalfYear } from './half-year';
import type { ScbImportConfig } from './import-config';
import { readScbJsonStat2 } from './json-stat2';
import type { ReadOutcome } from './observations';
import { buildHeTable, type HeTable } from './table';
import { decodeScbText } from './text';
import { ALDER_LABEL, BENEFIT_CONTENTS, CONTENT_LABEL, KON_LABEL, type ContentId } from './vocabulary';
import { readScbXlsx } from './xlsx';
import { isZip, type InflateRaw } from './zip';

/**
 * Kansliet's import of SCB's helårsekvivalenter file, as the task pane runs it: the file's bytes
 * → its format → the table for the configured sex and age group → the first half-years it can
 * give → one half-year's values per kommun and for the whole country, as they will be sent.
 * Pure, so the pane's preview, the demo and the tests read exactly the same thing.
 */

export type ScbFormat = 'csv' | 'json-stat2' | 'xlsx';
export const FORMAT_LABEL: Record<ScbFormat, string> = { csv: 'CSV', 'json-stat2': 'json-stat2', xlsx: 'Excel (xlsx)' };

export interface ScbFailure {
  ok: false;
  /** Why the file cannot be imported, in Swedish. */
  message: string;
  /** What the reader noticed on the way. */
  problems: string[];
}

export interface ScbFile {
  format: ScbFormat;
  read: Extract<ReadOutcome, { ok: true }>;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] as const;

/**
 * Reads the file by its content: an xlsx (a zip), json-stat2 (JSON), or CSV; text as UTF-8 or
 * Windows-1252. `inflateRaw` unpacks an xlsx's parts (the pane passes the browser's
 * DecompressionStream, Node its zlib).
 */
export async function readScbFile(
  fileName: string,
  bytes: Uint8Array,
  inflateRaw: InflateRaw,
): Promise<({ ok: true } & ScbFile) | ScbFailure> {
  if (!isZip(bytes)) return readScbText(fileName, bytes);
  const read = await readScbXlsx(bytes, inflateRaw);
  return read.ok ? { ok: true, format: 'xlsx', read } : { ok: false, message: read.message, problems: read.problems };
}

/** {@link readScbFile} for the text formats, synchronously: CSV and json-stat2. */
export function readScbText(fileName: string, bytes: Uint8Array): ({ ok: true } & ScbFile) | ScbFailure {
  const fail = (message: string, problems: string[] = []): ScbFailure => ({ ok: false, message, problems });
  if (bytes.length === 0) return fail('Filen är tom.');
  if (isZip(bytes)) return fail('Filen är en Excelfil; den läses som xlsx.');
  if (OLE_MAGIC.every((b, i) => bytes[i] === b))
    return fail(
      'Filen är en Excelfil i det äldre formatet .xls. Hämta tabellen från SCB som xlsx, CSV eller json-stat2.',
    );
  const decoded = decodeScbText(bytes);
  if (!decoded.ok)
    return fail(
      'Filen blandar teckenkodningar (både UTF-8 och Windows-1252), så å, ä och ö kan inte läsas säkert. Hämta filen igen från SCB och spara den utan att ändra den.',
    );
  const text = decoded.text;
  if (text.trim() === '') return fail('Filen är tom.');
  let format: ScbFormat;
  let read: ReadOutcome;
  if (/^\s*[[{]/.test(text) || /\.json$/i.test(fileName)) {
    format = 'json-stat2';
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return fail('Filen kan inte läsas som JSON; den kan vara avbruten. Hämta den igen från SCB.');
    }
    read = readScbJsonStat2(data);
  } else {
    format = 'csv';
    read = readScbCsv(text);
  }
  return read.ok ? { ok: true, format, read } : fail(read.message, read.problems);
}

export interface ScbImport {
  format: ScbFormat;
  table: HeTable;
  /** First half-years ("2023H1") the file holds every month of and a template covers, newest first. */
  periods: string[];
  /** First half-years the file holds that no version of the template covers. */
  unsupportedPeriods: string[];
  /** Years whose first half-year the file holds only some months of, with those months. */
  partialYears: { year: number; months: string[] }[];
  /** What was taken from the file and what was left out, in Swedish, for the preview. */
  choices: string[];
  /** What was skipped, in Swedish. */
  problems: string[];
}

export type ScbImportResult = ({ ok: true } & ScbImport) | ScbFailure;

function listSv(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/** The names SCB may give a kommun without its code: "Umeå" for "Umeå kommun", "Bjurholm" for "Bjurholms kommun". */
function nameKeys(party: Party): string[] {
  const base = party.name
    .replace(/\s+(kommun|stad)$/i, '')
    .trim()
    .toLowerCase();
  return [...new Set([base, base.replace(/s$/, '')])].map((n) => `namn:${n}`);
}

export function kommunerOf(forbund: ForbundConfig): Party[] {
  return forbund.parties.filter((p) => p.kind === 'kommun');
}

/** The file's region key for a kommun of the förbund, if the file has it. */
function regionFor(table: HeTable, kommun: Party): string | undefined {
  if (kommun.kommunkod && table.regions.has(kommun.kommunkod)) return kommun.kommunkod;
  return nameKeys(kommun).find((k) => table.regions.has(k));
}

const contentOfColumn = (config: ScbImportConfig) =>
  new Map(
    Object.entries(config.columns).flatMap(([content, column]) => (column ? [[column, content as ContentId]] : [])),
  );

/** The template section SCB's contents land in. */
function sectionOf(template: ResolvedTemplate, config: ScbImportConfig) {
  return template.sections.find((s) => s.id === config.section);
}

/** A summa the file lacks can be the sum of its six benefits. */
const summaDerivable = (table: HeTable) =>
  !table.contents.includes('summa') && BENEFIT_CONTENTS.every((c) => table.contents.includes(c));

/**
 * Finds what the file can give for the förbund: its first half-years, what was chosen and left
 * out. Refuses a file that is not SCB's table, lacks a content the template requires (such as
 * Folkmängd), holds none of the förbund's kommuner, or no whole first half-year.
 *
 * @example
 * const found = importScb(file, umearegionen, (p) => templateFor(p), scbHelarsekvivalenter);
 */
export function importScb(
  file: ScbFile,
  forbund: ForbundConfig,
  templateFor: (period: string) => ResolvedTemplate | undefined,
  config: ScbImportConfig,
): ScbImportResult {
  const built = buildHeTable(file.read.observations, config, {
    ...(file.read.title ? { title: file.read.title } : {}),
    ...(file.read.tableId ? { tableId: file.read.tableId } : {}),
  });
  const problems = [...file.read.problems];
  if (!built.ok) return { ok: false, message: built.message, problems: [...problems, ...built.problems] };
  const table: HeTable = built;
  problems.push(...table.problems);
  const fail = (message: string): ScbFailure => ({ ok: false, message, problems });

  const kommuner = kommunerOf(forbund);
  const present = kommuner.filter((k) => regionFor(table, k) !== undefined);
  if (present.length === 0)
    return fail(`Filen har inga uppgifter för förbundets kommuner (${listSv(kommuner.map((k) => k.name))}).`);

  const months = new Set(table.months);
  const years = [...new Set(table.months.map((m) => Number(m.slice(0, 4))))].sort((a, b) => b - a);
  const whole = years.filter((y) => halfYearMonths(y, config.halfYear).every((m) => months.has(m)));
  const partialYears = years
    .filter((y) => !whole.includes(y))
    .map((year) => ({ year, months: halfYearMonths(year, config.halfYear).filter((m) => months.has(m)) }))
    .filter((p) => p.months.length > 0);
  const covered = whole.filter((y) => templateFor(`${y}H1`) !== undefined);
  const unsupportedPeriods = whole.filter((y) => !covered.includes(y)).map((y) => `${y}H1`);
  const partialText = partialYears.map((p) => `${p.year} har bara ${listSv(p.months)}`);
  if (whole.length === 0)
    return fail(
      `Filen har inte alla månader januari–juni för något år (${partialText.length > 0 ? partialText.join('; ') : `den har ${listSv(table.months.slice(0, 6))}`}). Första halvåret räknas bara när alla sex månaderna finns.`,
    );
  if (covered.length === 0)
    return fail(
      `Filen har bara halvår som Samlads mall för helårsekvivalenter inte gäller för: ${unsupportedPeriods.join(', ')}.`,
    );

  const newest = templateFor(`${covered[0]}H1`)!;
  const section = sectionOf(newest, config);
  const byColumn = contentOfColumn(config);
  const requiredColumns = new Set(
    newest.cells
      .filter((c) => c.section === section?.id && c.required && c.row !== config.riketRow)
      .map((c) => c.column),
  );
  const requiredMissing = [...byColumn]
    .filter(([column]) => requiredColumns.has(column))
    .map(([, content]) => content)
    .filter((content) => !table.contents.includes(content) && !(content === 'summa' && summaDerivable(table)));
  if (requiredMissing.length > 0)
    return fail(
      `Filen saknar tabellinnehållet ${listSv(requiredMissing.map((c) => CONTENT_LABEL[c]))}, som behövs${
        requiredMissing.includes('folkmangd') ? ' för andelen av befolkningen' : ''
      }. Välj ${requiredMissing.length === 1 ? 'det' : 'dem'} i SCB:s statistikdatabas och hämta filen igen.`,
    );

  const others = [...table.regions.values()].filter(
    (r) => r.ref.kind === 'kommun' && !present.some((k) => regionFor(table, k) === r.key),
  ).length;
  const hasRiket = table.regions.has('riket');
  const unused =
    config.halfYear.months.length < 12
      ? table.months.filter((m) => !config.halfYear.months.includes(Number(m.slice(5))))
      : [];
  const choices = [
    `Kön: ${KON_LABEL[table.kon.chosen]}${
      table.kon.eliminated
        ? ' (filen delar inte upp på kön)'
        : table.kon.leftOut.length > 0
          ? `; ${listSv(table.kon.leftOut.map((k) => KON_LABEL[k]))}${table.kon.leftOut.length > 1 ? ' var för sig' : ''} lämnas utanför`
          : ''
    }.`,
    `Åldersgrupp: ${ALDER_LABEL[table.alder.chosen]}${
      table.alder.leftOut.length > 0 ? `; ${listSv(table.alder.leftOut.map((a) => ALDER_LABEL[a]))} lämnas utanför` : ''
    }.`,
    `Regioner: ${present.length === kommuner.length ? `förbundets ${present.length === 1 ? 'kommun' : `${present.length} kommuner`}` : `${present.length} av förbundets ${kommuner.length} kommuner`}${
      hasRiket ? ' och riket' : ''
    }${others > 0 ? `; ${others === 1 ? 'en annan kommun' : `${others} andra kommuner`} lämnas utanför` : ''}.`,
    `Månader: ${table.months[0]}–${table.months[table.months.length - 1]}. Första halvåret är medelvärdet av januari–juni${
      unused.length > 0 ? '; övriga månader används inte' : ''
    }.`,
    ...(partialText.length > 0 ? [`Ofullständigt första halvår (räknas inte): ${partialText.join('; ')}.`] : []),
    ...(hasRiket ? [] : ['Riket finns inte i filen: rapportens jämförelse med riket blir tom för de här halvåren.']),
    ...(summaDerivable(table)
      ? ['Summa helårsekvivalenter finns inte i filen; summan av de sex förmånerna används.']
      : []),
    ...(['andel', 'arbetsmarknadsatgarder'] as const)
      .filter((c) => !table.contents.includes(c))
      .map(
        (c) => `${CONTENT_LABEL[c]} finns inte i filen${c === 'andel' ? '; SCB:s egen andel kan inte jämföras' : ''}.`,
      ),
  ];
  return {
    ok: true,
    format: file.format,
    table,
    periods: covered.map((y) => `${y}H1`),
    unsupportedPeriods,
    partialYears,
    choices,
    problems,
  };
}

export interface ScbPreviewRow {
  rowId: string;
  name: string;
  kind: 'kommun' | 'riket';
  /** Template column → value; null where the half-year cannot be made, never 0. */
  values: Record<string, number | null>;
}

export interface ScbPreview {
  period: string;
  columns: { id: string; label: string }[];
  rows: ScbPreviewRow[];
  /** The template's values: what is sent, and all that is sent. */
  values: Record<string, number | null>;
  /** Per row with gaps: the columns without a value, and why, in Swedish. */
  missing: { rowId: string; name: string; columns: string[]; reasons: string[] }[];
}

function reasonOf(half: Extract<HalfYear, { value: null }>): string[] {
  return [
    ...(half.missingMonths.length > 0 ? [`saknar ${listSv(half.missingMonths)}`] : []),
    ...(half.markedMonths.length > 0 ? [`SCB anger inget värde (”..”) för ${listSv(half.markedMonths)}`] : []),
    ...(half.conflictMonths.length > 0 ? [`två olika värden för ${listSv(half.conflictMonths)}`] : []),
  ];
}

/**
 * One first half-year per kommun of the förbund and for the whole country: each template column's
 * mean of January–June, the population rounded to whole people. A kommun the file lacks shows
 * as missing throughout, with the reason.
 */
export function previewScbPeriod(
  imported: ScbImport,
  forbund: ForbundConfig,
  template: ResolvedTemplate,
  period: string,
  config: ScbImportConfig,
): ScbPreview {
  const { table } = imported;
  const year = Number(period.slice(0, 4));
  const section = sectionOf(template, config);
  const byColumn = contentOfColumn(config);
  const columns = (section?.columns ?? []).filter((c) => byColumn.has(c.id)).map((c) => ({ id: c.id, label: c.label }));
  const halfYear = (key: string | undefined, content: ContentId): HalfYear | 'no-region' | 'no-content' => {
    if (key === undefined) return 'no-region';
    if (content === 'summa' && summaDerivable(table)) {
      const parts = BENEFIT_CONTENTS.map((c) => halfYearOf(table.figures.get(key)?.get(c), year, config.halfYear));
      const failed = parts.find((p) => p.value === null);
      return failed ?? { value: parts.reduce((sum, p) => sum + p.value!, 0) };
    }
    if (!table.contents.includes(content)) return 'no-content';
    return halfYearOf(table.figures.get(key)?.get(content), year, config.halfYear);
  };
  const targets = [
    ...kommunerOf(forbund).map((k) => ({
      rowId: k.id.replace(/-/g, '_'),
      name: k.name,
      kind: 'kommun' as const,
      key: regionFor(table, k),
    })),
    {
      rowId: config.riketRow,
      name: 'Riket',
      kind: 'riket' as const,
      key: table.regions.has('riket') ? 'riket' : undefined,
    },
  ].filter((t) => section && template.cellById.has(`${section.id}.${t.rowId}.${columns[0]?.id}`));

  const values: Record<string, number | null> = {};
  const rows: ScbPreviewRow[] = [];
  const missing: ScbPreview['missing'] = [];
  for (const target of targets) {
    const rowValues: Record<string, number | null> = {};
    const gaps: string[] = [];
    const reasons = new Set<string>();
    for (const column of columns) {
      const content = byColumn.get(column.id)!;
      const half = halfYear(target.key, content);
      let value: number | null = null;
      if (half === 'no-region') reasons.add('finns inte i filen');
      else if (half === 'no-content') reasons.add(`${CONTENT_LABEL[content]} finns inte i filen`);
      else if (half.value === null) for (const r of reasonOf(half)) reasons.add(`${CONTENT_LABEL[content]}: ${r}`);
      else value = roundMean(half.value, content === 'folkmangd' ? 0 : config.halfYear.decimals);
      rowValues[column.id] = value;
      values[`${section!.id}.${target.rowId}.${column.id}`] = value;
      if (value === null) gaps.push(column.id);
    }
    rows.push({ rowId: target.rowId, name: target.name, kind: target.kind, values: rowValues });
    if (gaps.length > 0) missing.push({ rowId: target.rowId, name: target.name, columns: gaps, reasons: [...reasons] });
  }
  // Keep the key order stable for identical files: the template's cell order.
  const ordered: Record<string, number | null> = {};
  for (const cell of template.cells) if (cell.id in values) ordered[cell.id] = values[cell.id]!;
  return { period, columns, rows, values: ordered, missing };
}
