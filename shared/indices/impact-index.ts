import type { ImpactIndicator, SocialBudget } from '../model/forbund-schema';
import { isKnown, known, missing, type Measure } from './measure';

/**
 * Impactindex (seed 004, Bilaga 1): each indicator of the year's social budget that reaches
 * its target contributes its weight; area index = achieved / area points × 100, Impactindex =
 * achieved / total points × 100. An indicator whose inputs are missing is *missing* — it
 * neither counts as failed nor as reached, and its weight leaves the denominator (the report
 * says how many points could not be judged). An indicator that does not apply to a scope
 * (another kommun's helårsekvivalenter for Ungdomstorget) leaves it too.
 */

export type IndicatorStatus = 'achieved' | 'not-achieved' | 'missing' | 'not-applicable';

/** What an indicator's formula or input gives for one scope. */
export type IndicatorValue = { applicable: false } | { applicable: true; value: Measure; lastYear: Measure };

export interface IndicatorResult {
  indicator: ImpactIndicator;
  status: IndicatorStatus;
  value?: Measure;
  lastYear?: Measure;
  /** The weight when achieved, else 0. */
  achievedPoints: number;
  /** Why it is missing, when it is. */
  missing?: Measure;
}

export interface AreaResult {
  id: string;
  name: string;
  /** The area's configured index points (100, 50, …). */
  points: number;
  /** Σ weights of the area's indicators that could be judged. */
  judgedPoints: number;
  /** Σ weights that are missing. */
  missingPoints: number;
  achievedPoints: number;
  index: Measure;
}

export interface ImpactIndexResult {
  areas: AreaResult[];
  total: Measure;
  achievedPoints: number;
  judgedPoints: number;
  missingPoints: number;
  targetIndex: number;
  indicators: IndicatorResult[];
}

/** Compares at a precision below any published decimal, so 70,0 ≥ 70 holds despite binary noise. */
const EPSILON = 1e-9;

export function judgeIndicator(indicator: ImpactIndicator, value: IndicatorValue): IndicatorResult {
  if (!value.applicable) return { indicator, status: 'not-applicable', achievedPoints: 0 };
  // Object literals, not spreads: a report judges every indicator for every scope and year.
  const now = value.value;
  const lastYear = value.lastYear;
  if (!isKnown(now)) return { indicator, value: now, lastYear, status: 'missing', achievedPoints: 0, missing: now };
  const v = now.value;
  const { target } = indicator;
  let achieved: boolean;
  switch (target.type) {
    case 'threshold':
      achieved = target.comparator === 'gte' ? v >= target.value - EPSILON : v <= target.value + EPSILON;
      break;
    case 'better-than-last-year': {
      if (!isKnown(lastYear))
        return { indicator, value: now, lastYear, status: 'missing', achievedPoints: 0, missing: lastYear };
      const change = v - lastYear.value;
      achieved = target.direction === 'up' ? change > EPSILON : change < -EPSILON;
      break;
    }
  }
  return {
    indicator,
    value: now,
    lastYear,
    status: achieved ? 'achieved' : 'not-achieved',
    achievedPoints: achieved ? indicator.weight : 0,
  };
}

function indexOf(achieved: number, judged: number, what: string): Measure {
  return judged > 0 ? known((achieved / judged) * 100) : missing('missing-value', what);
}

/**
 * The Impactindex of one scope for one year.
 *
 * @example
 * const result = impactIndex(socialBudget2023, (indicator) => valueFor(indicator));
 * result.total // { value: 68.2 } ; result.areas[0].index …
 */
export function impactIndex(
  budget: SocialBudget,
  valueOf: (indicator: ImpactIndicator) => IndicatorValue,
): ImpactIndexResult {
  const indicators = budget.indicators.map((i) => judgeIndicator(i, valueOf(i)));
  const sum = (list: IndicatorResult[], pick: (r: IndicatorResult) => number) =>
    list.reduce((acc, r) => acc + pick(r), 0);
  const judged = (r: IndicatorResult) =>
    r.status === 'achieved' || r.status === 'not-achieved' ? r.indicator.weight : 0;
  const missingWeight = (r: IndicatorResult) => (r.status === 'missing' ? r.indicator.weight : 0);
  const areas = budget.areas.map((area): AreaResult => {
    const own = indicators.filter((r) => r.indicator.area === area.id);
    const achievedPoints = sum(own, (r) => r.achievedPoints);
    const judgedPoints = sum(own, judged);
    return {
      id: area.id,
      name: area.name,
      points: area.points,
      judgedPoints,
      missingPoints: sum(own, missingWeight),
      achievedPoints,
      index: indexOf(achievedPoints, judgedPoints, `indikatorer i målområdet ${area.name}`),
    };
  });
  const achievedPoints = sum(indicators, (r) => r.achievedPoints);
  const judgedPoints = sum(indicators, judged);
  return {
    areas,
    total: indexOf(achievedPoints, judgedPoints, 'indikatorer för Impactindex'),
    achievedPoints,
    judgedPoints,
    missingPoints: sum(indicators, missingWeight),
    targetIndex: budget.targetIndex,
    indicators,
  };
}

/**
 * The total from area indices and area points: Σ(index × points) / Σ points. With the
 * nominal 100/50/50/25/25 this is the 40/20/20/10/10 mean of the areas — which a published
 * total only equals when the weights actually used add up to the nominal points (the method
 * allows ±5 % per area), so tests use it to check published totals, not to replace them.
 */
export function totalFromAreaIndices(areas: readonly { points: number; index: number }[]): number {
  const points = areas.reduce((acc, a) => acc + a.points, 0);
  return areas.reduce((acc, a) => acc + a.index * a.points, 0) / points;
}
