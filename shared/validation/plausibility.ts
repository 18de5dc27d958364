import type { CellValue } from '../model/cell-kind';
import { describePeriod, parsePeriod, requirePeriod, samePeriodLastYear, type Period } from '../model/period';
import type { Plausibility } from '../model/plausibility-schema';
import type { CellId, ResolvedCell, ResolvedTemplate } from '../model/resolve';
import type { TemplateDefinition } from '../model/template-schema';

export type ReferenceKind = Plausibility['compareWith'][number];

/** Earlier figures of the same template and scope that a submission is compared with. */
export interface PlausibilityReference {
  kind: ReferenceKind;
  /** The earlier period's id, e.g. `2022T3`. */
  period: string;
  values: Readonly<Record<CellId, CellValue>>;
}

/** How far apart two counts are, and whether that is news. */
export interface CountComparison {
  /** Standard errors apart on the square-root scale; positive when the count rose. */
  z: number;
  /** (now − before) / before; Infinity from 0. */
  relative: number;
  flagged: boolean;
}

/**
 * Two counts compared as Poisson counts. Anscombe's transform 2·√(x + 3/8) makes a Poisson
 * count's variance ≈ 1 whatever its mean, so the difference of two transformed counts has
 * variance ≈ 2 and `z` means the same at 2 as at 2,000: 2 → 5 is z ≈ 1.1 (chance), 200 → 20 is
 * z ≈ −13.6 (not). A large count moves significantly by ordinary growth (a platform taking
 * 10 % more people), so a change must also be a `minRelativeChange` share of the earlier figure.
 * `fallOnly`: only a fall counts (cumulative periods grow).
 */
export function compareCounts(
  now: number,
  before: number,
  settings: Pick<Plausibility, 'z' | 'minRelativeChange'>,
  fallOnly = false,
): CountComparison {
  const z = (2 * Math.sqrt(now + 3 / 8) - 2 * Math.sqrt(before + 3 / 8)) / Math.SQRT2;
  const relative = before === 0 ? (now === 0 ? 0 : Infinity) : (now - before) / before;
  const farEnough = Math.abs(z) >= settings.z && Math.abs(relative) >= settings.minRelativeChange;
  return { z, relative, flagged: farEnough && (!fallOnly || z < 0) };
}

/** The period before `period` in its year, of the same kind (T2 → T1); undefined for T1, H1 and years. */
function previousPeriod(period: Period): Period | undefined {
  if (period.kind !== 'tertial' || period.index <= 1) return undefined;
  return requirePeriod(`${period.year}T${period.index - 1}`);
}

/** Which earlier periods a submission for `periodId` is compared with, by the template's settings. */
export function referencePeriods(
  definition: TemplateDefinition,
  periodId: string,
): { kind: ReferenceKind; period: string }[] {
  const settings = definition.plausibility;
  const period = parsePeriod(periodId);
  if (!settings || !period) return [];
  const out: { kind: ReferenceKind; period: string }[] = [];
  for (const kind of settings.compareWith) {
    const earlier = kind === 'last-year' ? samePeriodLastYear(period) : previousPeriod(period);
    if (earlier && earlier.year >= 2000) out.push({ kind, period: earlier.id });
  }
  return out;
}

export interface ImplausibleCell {
  cell: ResolvedCell;
  now: number;
  before: number;
  reference: PlausibilityReference;
  comparison: CountComparison;
}

/**
 * The counts of a submission that are far from the same scope's earlier figures: per cell the
 * reference it is furthest from. Only count cells are compared (the test is for counts), only
 * where both figures are there (missing is not 0), and only in the template's chosen sections.
 */
export function implausibleCells(
  template: ResolvedTemplate,
  values: Readonly<Record<CellId, CellValue>>,
  references: readonly PlausibilityReference[],
): ImplausibleCell[] {
  const settings = template.definition.plausibility;
  if (!settings || references.length === 0) return [];
  const cumulative = template.definition.period.cumulative;
  const out: ImplausibleCell[] = [];
  for (const cell of template.cells) {
    if (cell.spec.kind !== 'count') continue;
    if (settings.sections && !settings.sections.includes(cell.section)) continue;
    const now = values[cell.id];
    if (typeof now !== 'number') continue;
    let worst: ImplausibleCell | undefined;
    for (const reference of references) {
      const before = reference.values[cell.id];
      if (typeof before !== 'number') continue;
      const fallOnly = cumulative && reference.kind === 'previous-period';
      const comparison = compareCounts(now, before, settings, fallOnly);
      if (comparison.flagged && (!worst || Math.abs(comparison.z) > Math.abs(worst.comparison.z)))
        worst = { cell, now, before, reference, comparison };
    }
    if (worst) out.push(worst);
  }
  return out;
}

/** "Tertial 3 2022 (jan–dec)", for a finding's text. */
export function referenceLabel(template: ResolvedTemplate, reference: PlausibilityReference): string {
  const period = parsePeriod(reference.period);
  return period ? describePeriod(period, template.definition.period.cumulative) : reference.period;
}
