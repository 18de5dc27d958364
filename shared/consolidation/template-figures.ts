import type { ForbundConfig } from '../model/forbund-schema';
import type { ConsolidationConfig } from '../model/consolidation-schema';
import { parsePeriod, type Period } from '../model/period';
import type { CellId, ResolvedTemplate } from '../model/resolve';
import type { TemplateDefinition } from '../model/template-schema';
import { cellLabel, measureAt, type CellMeasures } from '../indices/cell-measures';
import { firstMissing, known, missing, percentOf, sumOf, type Measure } from '../indices/measure';
import { periodFor, previousTertialOf } from '../indices/report-periods';
import type { SubmissionSources } from '../indices/submission-sources';
import { cellRoles, consolidationOf, type DerivedInstance } from './cell-patterns';
import { isSum, reportScopes, type ReportScope } from './report-scopes';

/** The periods a template's figures are shown for. */
export type PeriodKey = 'current' | 'lastYear' | 'previousTertial';
export const PERIOD_KEYS = ['current', 'lastYear', 'previousTertial'] as const satisfies readonly PeriodKey[];

/** One scope's figures for one period. */
export interface PeriodFigures {
  period: string;
  /** Whether any of the scope's members submitted for the period. */
  reported: boolean;
  /** Numeric cells as measures: submitted, summed, or a weighted mean. */
  numbers: CellMeasures;
  /** Text and choice answers (a submitting scope only). */
  texts: ReadonlyMap<CellId, string>;
}

export interface ScopeFigures {
  scope: ReportScope;
  periods: Partial<Record<PeriodKey, PeriodFigures>>;
}

/** A template consolidated for a report: every scope and sum, for each period it is compared with. */
export interface TemplateFigures {
  definition: TemplateDefinition;
  /** Resolved for the report's year. */
  template: ResolvedTemplate;
  config: ConsolidationConfig;
  periods: Partial<Record<PeriodKey, string>>;
  scopes: ScopeFigures[];
  /** `<scope>|<period key>|<cell>` hidden in the published variant (see suppression). */
  hidden: ReadonlySet<string>;
}

/**
 * Figures for any template, period and scope, each computed once per report: a submitting
 * scope's values, or the sum of its members' (a group, the förbund). Computations read other
 * templates' figures through it (Impactindex reads participants two years back).
 */
export interface FigureSource {
  forbund: ForbundConfig;
  sources: SubmissionSources;
  at(templateId: string, period: string, scope: ReportScope): PeriodFigures;
}

export function figureSource(forbund: ForbundConfig, sources: SubmissionSources): FigureSource {
  const cache = new Map<string, PeriodFigures>();
  const source: FigureSource = {
    forbund,
    sources,
    at(templateId, period, scope) {
      const key = `${templateId}|${period}|${scope.id}|${scope.kind}`;
      let figures = cache.get(key);
      if (!figures) cache.set(key, (figures = compute(source, templateId, period, scope)));
      return figures;
    },
  };
  return source;
}

const NO_TEXTS: ReadonlyMap<CellId, string> = new Map();

function compute(source: FigureSource, templateId: string, period: string, scope: ReportScope): PeriodFigures {
  const { sources } = source;
  const template = sources.template(templateId, parsePeriod(period)?.year ?? 0);
  if (!isSum(scope)) {
    const own = scope.members[0] ?? { id: scope.id, name: scope.name };
    const raw = sources.raw(templateId, period, own.id);
    const owned = template?.cells.some((c) => c.owner !== undefined) ?? false;
    const numbers = owned ? sources.mergedMeasures(templateId, period, own) : sources.measures(templateId, period, own);
    const texts = new Map<CellId, string>();
    for (const [id, value] of Object.entries(raw ?? {})) if (typeof value === 'string') texts.set(id, value);
    return { period, reported: raw !== undefined, numbers, texts };
  }
  const members = scope.members.map((m) =>
    source.at(templateId, period, { id: m.id, name: m.name, shortName: m.name, kind: m.kind, members: [m] }),
  );
  return {
    period,
    reported: members.some((m) => m.reported),
    numbers: template ? sumOfScopes(template, members) : new Map(),
    texts: NO_TEXTS,
  };
}

/**
 * A group's or the förbund's numbers from its members': additive cells summed (missing as soon as
 * one member's is: an unreported platform is not zero), measures with a weight as the weighted
 * mean, other measures left out (a share does not add up).
 */
function sumOfScopes(template: ResolvedTemplate, members: readonly PeriodFigures[]): CellMeasures {
  const roles = cellRoles(template);
  const out = new Map<CellId, Measure>();
  for (const id of roles.additive) out.set(id, sumOf(members.map((m) => measureAt(m.numbers, id))));
  for (const [id, weightId] of roles.weightedBy) {
    const values = members.map((m) => measureAt(m.numbers, id));
    const weights = members.map((m) => measureAt(m.numbers, weightId));
    const gap = firstMissing(...values, ...weights);
    const total = weights.reduce((acc, w) => acc + (w.value ?? 0), 0);
    out.set(
      id,
      gap ??
        (total === 0
          ? missing('zero-denominator', cellLabel(template, weightId))
          : known(values.reduce((acc, v, i) => acc + (v.value as number) * (weights[i]!.value as number), 0) / total)),
    );
  }
  return out;
}

/**
 * The periods of a template's figures in a report: its own kind of period, this year and last,
 * and the tertial before.
 */
export function templatePeriods(definition: TemplateDefinition, report: Period): Partial<Record<PeriodKey, string>> {
  const kind = definition.period.kind;
  const config = consolidationOf(definition);
  const periods: Partial<Record<PeriodKey, string>> = { current: periodFor(report, kind) };
  if (config.comparisons.includes('last-year')) periods.lastYear = periodFor(report, kind, -1);
  if (kind === 'tertial' && config.comparisons.includes('previous-tertial'))
    periods.previousTertial = previousTertialOf(report);
  return periods;
}

/** A template's figures for every scope and period of the report (nothing hidden yet). */
export function templateFigures(
  source: FigureSource,
  definition: TemplateDefinition,
  template: ResolvedTemplate,
  report: Period,
): TemplateFigures {
  const periods = templatePeriods(definition, report);
  const scopes = reportScopes(definition, source.forbund).map((scope) => {
    const byPeriod: Partial<Record<PeriodKey, PeriodFigures>> = {};
    for (const key of PERIOD_KEYS) {
      const period = periods[key];
      if (period) byPeriod[key] = source.at(definition.id, period, scope);
    }
    return { scope, periods: byPeriod };
  });
  return { definition, template, config: consolidationOf(definition), periods, scopes, hidden: new Set() };
}

/**
 * A derived figure for a scope's numbers: numerator / denominator × 100, missing when either is
 * or the denominator is 0.
 */
export function derivedValue(template: ResolvedTemplate, numbers: CellMeasures, instance: DerivedInstance): Measure {
  const numerator = numbers.get(instance.numerator)?.value;
  const denominator = numbers.get(instance.denominator)?.value;
  // Both parts known and a denominator: the usual case, without building the labels a missing part needs.
  if (typeof numerator === 'number' && typeof denominator === 'number' && denominator !== 0)
    return known((numerator / denominator) * 100);
  return percentOf(
    measureAt(numbers, instance.numerator, cellLabel(template, instance.numerator)),
    measureAt(numbers, instance.denominator, cellLabel(template, instance.denominator)),
    cellLabel(template, instance.denominator).toLocaleLowerCase('sv'),
  );
}

/** The hidden-set key of a cell. */
export function hiddenKey(scope: string, period: PeriodKey, cell: CellId): string {
  return `${scope}|${period}|${cell}`;
}

/** Whether a derived figure would reveal a hidden count: its numerator or denominator is hidden. */
export function isDerivedHidden(
  figures: TemplateFigures,
  scope: string,
  period: PeriodKey,
  instance: DerivedInstance,
): boolean {
  return (
    figures.hidden.size > 0 &&
    (figures.hidden.has(hiddenKey(scope, period, instance.numerator)) ||
      figures.hidden.has(hiddenKey(scope, period, instance.denominator)))
  );
}
