import type { ForbundConfig, Party } from '../model/forbund-schema';
import type { ResolvedTemplate } from '../model/resolve';
import { listSv } from '../text/list-sv';
import { halfYearMonths, monthSpan } from './half-year';
import type { ScbImportConfig } from './import-config';
import { FORMAT_LABEL, type ScbFailure, type ScbFile, type ScbFormat } from './read-file';
import { buildHeTable, type HeTable } from './table';
import { contentOfColumn, kommunerOf, regionOfKommun, sectionOf, summaDerivable } from './template-map';
import { ALDER_LABEL, CONTENT_LABEL, KON_LABEL, type ContentId } from './vocabulary';

/**
 * Kansliet's import of SCB's helårsekvivalenter file, as the task pane runs it: a file read by
 * read-file.ts → the table for the configured sex and age group → the first half-years it can
 * give the förbund, with what was taken and what was left out. preview.ts then makes one
 * half-year's values. Pure, so the pane, the demo and the tests read exactly the same thing.
 */

export interface ScbImport {
  format: ScbFormat;
  /** "CSV", "json-stat2", "Excel (xlsx)": how the preview names it. */
  formatLabel: string;
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

interface HalfYears {
  covered: number[];
  unsupported: number[];
  partial: { year: number; months: string[] }[];
}

/** Years whose every half-year month the file holds (newest first), those a template covers, and the partial ones. */
function halfYearsOf(
  table: HeTable,
  config: ScbImportConfig,
  templateFor: (period: string) => ResolvedTemplate | undefined,
): HalfYears & { whole: number[] } {
  const months = new Set(table.months);
  const years = [...new Set(table.months.map((m) => Number(m.slice(0, 4))))].sort((a, b) => b - a);
  const whole = years.filter((y) => halfYearMonths(y, config.halfYear).every((m) => months.has(m)));
  const partial = years
    .filter((y) => !whole.includes(y))
    .map((year) => ({ year, months: halfYearMonths(year, config.halfYear).filter((m) => months.has(m)) }))
    .filter((p) => p.months.length > 0);
  const covered = whole.filter((y) => templateFor(`${y}H1`) !== undefined);
  return { whole, covered, unsupported: whole.filter((y) => !covered.includes(y)), partial };
}

/**
 * Contents the template requires of a kommun that the file lacks (a summa it can make from its
 * parts is not lacking).
 */
function missingRequired(table: HeTable, template: ResolvedTemplate, config: ScbImportConfig): ContentId[] {
  const section = sectionOf(template, config);
  const required = new Set(
    template.cells
      .filter((c) => c.section === section?.id && c.required && c.row !== config.riketRow)
      .map((c) => c.column),
  );
  return [...contentOfColumn(config)]
    .filter(([column]) => required.has(column))
    .map(([, content]) => content)
    .filter((content) => !table.contents.includes(content) && !(content === 'summa' && summaDerivable(table)));
}

const partialText = (partial: HalfYears['partial']) => partial.map((p) => `${p.year} har bara ${listSv(p.months)}`);

/** What was taken from the file and what was left out, in Swedish. */
function choicesOf(table: HeTable, kommuner: Party[], present: Party[], halfYears: HalfYears, config: ScbImportConfig) {
  const { kon, alder } = table;
  const leftOut = (items: string[], suffix = '') =>
    items.length > 0 ? `; ${listSv(items)}${suffix} lämnas utanför` : '';
  const others = [...table.regions.values()].filter(
    (r) => r.ref.kind === 'kommun' && !present.some((k) => regionOfKommun(table, k) === r.key),
  ).length;
  const hasRiket = table.regions.has('riket');
  const otherMonths = table.months.some((m) => !config.halfYear.months.includes(Number(m.slice(5))));
  const partial = partialText(halfYears.partial);
  const othersLeftOut = others === 0 ? [] : [others === 1 ? 'en annan kommun' : `${others} andra kommuner`];
  return [
    `Kön: ${KON_LABEL[kon.chosen]}${
      kon.eliminated
        ? ' (filen delar inte upp på kön)'
        : leftOut(
            kon.leftOut.map((k) => KON_LABEL[k]),
            kon.leftOut.length > 1 ? ' var för sig' : '',
          )
    }.`,
    `Åldersgrupp: ${ALDER_LABEL[alder.chosen]}${leftOut(alder.leftOut.map((a) => ALDER_LABEL[a]))}.`,
    `Regioner: ${
      present.length === kommuner.length
        ? `förbundets ${present.length === 1 ? 'kommun' : `${present.length} kommuner`}`
        : `${present.length} av förbundets ${kommuner.length} kommuner`
    }${hasRiket ? ' och riket' : ''}${leftOut(othersLeftOut)}.`,
    `Månader: ${table.months[0]}–${table.months[table.months.length - 1]}. ` +
      `Första halvåret är medelvärdet av ${monthSpan(config.halfYear.months)}${
        otherMonths ? '; övriga månader används inte' : ''
      }.`,
    ...(partial.length > 0 ? [`Ofullständigt första halvår (räknas inte): ${partial.join('; ')}.`] : []),
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
}

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
  const present = kommuner.filter((k) => regionOfKommun(table, k) !== undefined);
  if (present.length === 0)
    return fail(`Filen har inga uppgifter för förbundets kommuner (${listSv(kommuner.map((k) => k.name))}).`);
  const halfYears = halfYearsOf(table, config, templateFor);
  const span = monthSpan(config.halfYear.months);
  if (halfYears.whole.length === 0) {
    const partial = partialText(halfYears.partial);
    return fail(
      `Filen har inte alla månader ${span} för något år ` +
        `(${partial.length > 0 ? partial.join('; ') : `den har ${listSv(table.months.slice(0, 6))}`}). ` +
        `Första halvåret räknas bara när alla månaderna finns.`,
    );
  }
  const unsupportedPeriods = halfYears.unsupported.map((y) => `${y}H1`);
  if (halfYears.covered.length === 0)
    return fail(
      `Filen har bara halvår som Samlads mall för helårsekvivalenter inte gäller för: ` +
        `${unsupportedPeriods.join(', ')}.`,
    );
  const lacking = missingRequired(table, templateFor(`${halfYears.covered[0]}H1`)!, config);
  if (lacking.length > 0)
    return fail(
      `Filen saknar tabellinnehållet ${listSv(lacking.map((c) => CONTENT_LABEL[c]))}, som behövs${
        lacking.includes('folkmangd') ? ' för andelen av befolkningen' : ''
      }. Välj ${lacking.length === 1 ? 'det' : 'dem'} i SCB:s statistikdatabas och hämta filen igen.`,
    );
  return {
    ok: true,
    format: file.format,
    formatLabel: FORMAT_LABEL[file.format],
    table,
    periods: halfYears.covered.map((y) => `${y}H1`),
    unsupportedPeriods,
    partialYears: halfYears.partial,
    choices: choicesOf(table, kommuner, present, halfYears, config),
    problems,
  };
}
