import type { ForbundConfig } from '../model/forbund-schema';
import { parseSwedishNumber } from '../model/cell-kind';
import { HAE_COLUMNS, HAE_LABEL, haeCell, type HaeColumn } from './helarsekvivalenter';

/**
 * SCB's helårsekvivalenter table (Statistikdatabasen, HE0000T02N2 / TAB1386: region × förmån ×
 * tabellinnehåll × tid) as observations, whichever format it came in (CSV or json-stat2), and
 * the step that turns them into the `helarsekvivalenter` template's values — so an imported
 * file and a hand-filled sheet land in the same cells.
 */

export interface ScbObservation {
  /** Four-digit kommunkod ("2480"). */
  kommunkod: string;
  /** "2023H1" */
  period: string;
  column: HaeColumn;
  /** null where SCB prints ".." (not available) or "." / "-" (not applicable). */
  value: number | null;
}

export interface ScbTable {
  observations: ScbObservation[];
  /** Rows or categories that were skipped, in Swedish. */
  problems: string[];
}

/** SCB's förmån labels vary between table versions; these keywords are stable. */
const BENEFIT_PATTERNS: readonly [RegExp, HaeColumn][] = [
  [/sjuk-?\s*och\s*aktivitet/i, 'sjuk_aktivitetsersattning'],
  [/sjukpenning/i, 'sjukpenning'],
  [/arbetsmarknadsåtgärd/i, 'arbetsmarknadsatgarder'],
  [/arbetslös/i, 'arbetsloshet'],
  [/ekonomiskt\s*bistånd|försörjningsstöd/i, 'ekonomiskt_bistand'],
  [/etablering/i, 'etableringsersattning'],
];

/** The column a (förmån, tabellinnehåll) pair belongs to; 'total' for SCB's own sum row; undefined when unknown. */
export function haeColumnFor(benefit: string, content: string): HaeColumn | 'total' | undefined {
  // Anchored: a content such as "Andel av befolkningen" is a share, not the population.
  if (/^\s*befolkning/i.test(content) || /^\s*befolkning/i.test(benefit)) return 'befolkning_20_64';
  if (/^\s*(samtliga|totalt|summa)/i.test(benefit)) return 'total';
  return BENEFIT_PATTERNS.find(([pattern]) => pattern.test(benefit))?.[1];
}

/** "2023H1", "2023 H1", "2023 halvår 1" → "2023H1"; undefined for anything else (months, years). */
export function normalizeHalfYear(text: string): string | undefined {
  const match = /(\d{4})\s*(?:H|halvår\s*)1\b/i.exec(text);
  return match ? `${match[1]}H1` : undefined;
}

/** "2480 Umeå" or "2480" → "2480". */
export function kommunkodOf(text: string): string | undefined {
  return /^\s*"?(\d{4})\b/.exec(text)?.[1];
}

/** SCB's markers for no value: ".." not available, "." not applicable, "-" nothing to report. */
export function parseScbNumber(raw: string | number | null | undefined): number | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  const text = raw.trim();
  if (text === '' || /^(\.\.?|-|–)$/.test(text)) return null;
  return parseSwedishNumber(text);
}

const SV_NUMBER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

export interface ToValuesResult {
  /** `helarsekvivalenter.<kommun>.<column>` → value, for every kommun of the förbund. */
  values: Record<string, number | null>;
  problems: string[];
}

/**
 * The template values for one förbund and half-year: each kommun's observations, found by its
 * kommunkod. A kommun or benefit SCB did not deliver stays missing (null), never 0.
 *
 * @example
 * scbToTemplateValues(parseScbCsv(text), umearegionen, '2023H1').values['helarsekvivalenter.umea.sjukpenning']
 */
export function scbToTemplateValues(table: ScbTable, forbund: ForbundConfig, period: string): ToValuesResult {
  const values: Record<string, number | null> = {};
  const problems = [...table.problems];
  for (const kommun of forbund.parties.filter((p) => p.kind === 'kommun')) {
    const own = table.observations.filter((o) => o.kommunkod === kommun.kommunkod && o.period === period);
    if (own.length === 0)
      problems.push(`SCB-filen saknar ${kommun.name} (${kommun.kommunkod ?? 'utan kommunkod'}) för ${period}.`);
    for (const column of HAE_COLUMNS) {
      const found = own.filter((o) => o.column === column && o.value !== null);
      const distinct = new Set(found.map((o) => o.value));
      // Two different figures for one cell: neither is sent, so the cell is missing and says so.
      if (distinct.size > 1)
        problems.push(
          `SCB-filen har olika värden för ${HAE_LABEL[column].toLowerCase()} i ${kommun.name} ${period}: ${[...distinct].map((v) => SV_NUMBER.format(v!)).join(' och ')}. Inget av dem används.`,
        );
      values[haeCell(kommun.id, column)] = distinct.size === 1 ? found[0]!.value : null;
    }
  }
  return { values, problems };
}
