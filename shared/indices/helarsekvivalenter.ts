import { scbHelarsekvivalenter as config } from '../config/scb-helarsekvivalenter';
import { monthSpan } from '../scb/half-year';
import { BENEFIT_CONTENTS, type ContentId } from '../scb/vocabulary';
import { measureAt, type CellMeasures } from './cell-measures';
import { missing, percentOf, sumOf, type Measure } from './measure';

/**
 * Helårsekvivalenter (SCB, ages 20–64, first half-year) per kommun, for the förbund and for the
 * whole country, as shares of the population 20–64. The template and its cells are the SCB
 * import's configuration (shared/config/scb-helarsekvivalenter.ts).
 */

/** The template that carries them. */
export const HAE_TEMPLATE = config.templateId;

export type HaeBenefit = (typeof BENEFIT_CONTENTS)[number];
export const HAE_BENEFITS = BENEFIT_CONTENTS;

export const HAE_LABEL = {
  sjukpenning: 'Sjukpenning',
  sjuk_aktivitetsersattning: 'Sjuk- och aktivitetsersättning',
  arbetsloshet: 'Arbetslöshetsersättning',
  arbetsmarknadsatgarder: 'Arbetsmarknadsåtgärder',
  ekonomiskt_bistand: 'Ekonomiskt bistånd',
  etableringsersattning: 'Etableringsersättning',
  summa: 'Summa helårsekvivalenter',
  folkmangd: 'Folkmängd 20–64 år',
  andel: 'Andel av befolkningen (SCB)',
} satisfies Record<ContentId, string>;

/** Version 1 of the template summed five benefits and kept arbetsmarknadsåtgärder apart. */
const V1_SUMMED = BENEFIT_CONTENTS.filter((b) => b !== 'arbetsmarknadsatgarder');

/** A template row: a kommun's party id (hyphens as underscores), or the configured row for riket. */
export function haeRowId(partyId: string): string {
  return partyId.replace(/-/g, '_');
}

export const HAE_RIKET_ROW = config.riketRow;

/** `helarsekvivalenter.<row>.<column>` of a content, or undefined when the configuration sends it nowhere. */
export function haeCell(row: string, content: ContentId): string | undefined {
  const column = config.columns[content];
  return column ? `${config.section}.${row}.${column}` : undefined;
}

export interface HaeFigures {
  /** The template row (kommun id or riket). */
  id: string;
  name: string;
  population: Measure;
  /** Count and share per benefit. */
  benefits: Record<HaeBenefit, { count: Measure; share: Measure }>;
  /** SCB's Summa helårsekvivalenter and its share of the population: the figure the agreement follows. */
  total: { count: Measure; share: Measure };
  /** SCB's own share, where the submission carries it. */
  scbShare: Measure;
}

function figures(
  id: string,
  name: string,
  population: Measure,
  counts: Record<HaeBenefit, Measure>,
  total: Measure,
  scbShare: Measure,
): HaeFigures {
  const denominator = `befolkningen 20–64 år i ${name}`;
  const benefits = Object.fromEntries(
    BENEFIT_CONTENTS.map((b) => [b, { count: counts[b], share: percentOf(counts[b], population, denominator) }]),
  ) as HaeFigures['benefits'];
  return {
    id,
    name,
    population,
    benefits,
    total: { count: total, share: percentOf(total, population, denominator) },
    scbShare,
  };
}

/**
 * One row's figures. Share = Summa helårsekvivalenter / folkmängd × 100, as SCB computes its own
 * Andel av befolkningen. A submission made with version 1 of the template has no summa: its five
 * benefits are summed as that version defined. Missing stays missing, never 0.
 *
 * @example
 * haeFigures(table, 'umea', 'Umeå kommun').total.share // { value: 9.3… } (seed 004, Bilaga 4, 2023)
 */
export function haeFigures(table: CellMeasures, row: string, name: string): HaeFigures {
  const at = (content: ContentId): Measure => {
    const id = haeCell(row, content);
    return id
      ? measureAt(table, id, `${HAE_LABEL[content]}, ${name}`)
      : missing('no-configuration', HAE_LABEL[content]);
  };
  const counts = Object.fromEntries(BENEFIT_CONTENTS.map((b) => [b, at(b)])) as Record<HaeBenefit, Measure>;
  const summaCell = haeCell(row, 'summa');
  const total = summaCell && table.has(summaCell) ? at('summa') : sumOf(V1_SUMMED.map((b) => counts[b]));
  const shareCell = haeCell(row, 'andel');
  const scbShare =
    shareCell && table.has(shareCell) ? at('andel') : missing('missing-value', `${HAE_LABEL.andel}, ${name}`);
  return figures(row, name, at('folkmangd'), counts, total, scbShare);
}

/** The förbund as the sum of its kommuner's counts and populations; its share is computed from the sums. */
export function haeSumOf(parts: readonly HaeFigures[], id: string, name: string): HaeFigures {
  const counts = Object.fromEntries(
    BENEFIT_CONTENTS.map((b) => [b, sumOf(parts.map((p) => p.benefits[b].count))]),
  ) as Record<HaeBenefit, Measure>;
  return figures(
    id,
    name,
    sumOf(parts.map((p) => p.population)),
    counts,
    sumOf(parts.map((p) => p.total.count)),
    missing('missing-value', `SCB:s andel för ${name}`),
  );
}

/** The report's method note, from the import's configuration (which months, how they become a half-year). */
export function haeMethodNote(): string {
  const span = monthSpan(config.halfYear.months);
  return [
    `Helårsekvivalenter (SCB, tabell HE0000T02N2, ${config.alder.replace('-', '–')} år, män och ` +
      `kvinnor totalt): första halvåret är medelvärdet av månaderna ${span}, så som SCB räknar ` +
      `årsvärden ur månaderna. Saknas en månad i SCB:s fil saknas halvåret; det blir aldrig ett ` +
      `medelvärde av färre månader.`,
    'Andel av befolkningen = Summa helårsekvivalenter (sjukpenning, sjuk- och aktivitetsersättning, ' +
      'arbetslöshetsersättning, arbetsmarknadsåtgärder, ekonomiskt bistånd och ' +
      'etableringsersättning) / folkmängden 20–64 år × 100. Förbundets andel räknas ur kommunernas ' +
      'summor; riket kommer ur samma fil från SCB. Skiljer sig SCB:s egen andel från den mer än ' +
      'avrundning blir det en varning vid inskickningen.',
    'Inlämningar gjorda med mallens första version saknar SCB:s summa; för dem är summan de fem ' +
      'ersättningarna utan arbetsmarknadsåtgärder, som den versionen definierade den.',
  ].join(' ');
}
