import type { Party } from '../model/forbund-schema';
import { measureAt, type CellMeasures } from './cell-measures';
import { percentOf, sumOf, type Measure } from './measure';

/**
 * Helårsekvivalenter (SCB, ages 20–64, first half-year) per kommun and benefit, as shares of
 * the population 20–64. Cells are the `helarsekvivalenter` template's:
 * `helarsekvivalenter.<kommun>.<benefit | befolkning_20_64>`.
 */

/** The template that carries them (shared/config/templates/helarsekvivalenter.ts). */
export const HAE_TEMPLATE = 'helarsekvivalenter';

/** The benefits that add up to the total (DOMAIN.md). */
export const HAE_BENEFITS = [
  'sjukpenning',
  'sjuk_aktivitetsersattning',
  'arbetsloshet',
  'ekonomiskt_bistand',
  'etableringsersattning',
] as const;
/** SCB carries arbetsmarknadsåtgärder as a series of its own; it is shown, not summed. */
export const HAE_SEPARATE = 'arbetsmarknadsatgarder';
export const HAE_POPULATION = 'befolkning_20_64';
export const HAE_COLUMNS = [...HAE_BENEFITS, HAE_SEPARATE, HAE_POPULATION] as const;
export type HaeColumn = (typeof HAE_COLUMNS)[number];
export type HaeBenefit = (typeof HAE_BENEFITS)[number] | typeof HAE_SEPARATE;

export const HAE_LABEL = {
  sjukpenning: 'Sjukpenning',
  sjuk_aktivitetsersattning: 'Sjuk- och aktivitetsersättning',
  arbetsloshet: 'Arbetslöshet',
  ekonomiskt_bistand: 'Ekonomiskt bistånd',
  etableringsersattning: 'Etableringsersättning',
  arbetsmarknadsatgarder: 'Arbetsmarknadsåtgärder',
  befolkning_20_64: 'Befolkning 20–64 år',
} satisfies Record<HaeColumn, string>;

/** Template rows are party ids with hyphens turned into underscores. */
export function haeCell(kommun: string, column: HaeColumn): string {
  return `helarsekvivalenter.${kommun.replace(/-/g, '_')}.${column}`;
}

export interface HaeKommun {
  kommun: Party;
  population: Measure;
  /** Count and share per benefit, arbetsmarknadsåtgärder included (shown apart). */
  benefits: Record<HaeBenefit, { count: Measure; share: Measure }>;
  total: { count: Measure; share: Measure };
}

/**
 * Share = helårsekvivalenter / population 20–64 × 100, per benefit and for the sum of the five
 * benefits. A missing benefit makes the total missing (never counted as 0).
 *
 * @example
 * helarsekvivalenterShares(table, umea).total.share // { value: 9.3… } (seed 004, Bilaga 4, 2023)
 */
export function helarsekvivalenterShares(table: CellMeasures, kommun: Party): HaeKommun {
  const at = (column: HaeColumn) =>
    measureAt(table, haeCell(kommun.id, column), `${HAE_LABEL[column]}, ${kommun.name}`);
  const population = at(HAE_POPULATION);
  const denominatorLabel = `befolkningen 20–64 år i ${kommun.name}`;
  const benefit = (column: HaeBenefit) => {
    const count = at(column);
    return { count, share: percentOf(count, population, denominatorLabel) };
  };
  const benefits = {
    sjukpenning: benefit('sjukpenning'),
    sjuk_aktivitetsersattning: benefit('sjuk_aktivitetsersattning'),
    arbetsloshet: benefit('arbetsloshet'),
    ekonomiskt_bistand: benefit('ekonomiskt_bistand'),
    etableringsersattning: benefit('etableringsersattning'),
    arbetsmarknadsatgarder: benefit('arbetsmarknadsatgarder'),
  } satisfies Record<HaeBenefit, { count: Measure; share: Measure }>;
  const count = sumOf(HAE_BENEFITS.map((b) => benefits[b].count));
  return { kommun, population, benefits, total: { count, share: percentOf(count, population, denominatorLabel) } };
}
