import type { ForbundConfig, SocialBudget } from '../model/forbund-schema';
import type { FigureTarget } from '../model/year-settings-schema';
import { compare } from './comparison';
import type { Consolidation, HeadlineRow, ImpactScope, ParticipantScope } from './consolidation-model';
import { isRateHidden, PARTICIPANTS_TEMPLATE } from './consolidate-participants';
import { missing, type Measure } from './measure';
import type { OutcomeRateId } from './outcome-rates';

/**
 * Targets for the headline when the year has no social budget to take them from (DOMAIN.md,
 * seed 004: positiv lösning 70 %, arbete 35 %, studier 25 %, vidare till AF 20 %,
 * genomströmning 40 %).
 */
const DEFAULT_TARGETS = {
  andel_positiv: 70,
  andel_arbete: 35,
  andel_studier: 25,
  andel_vidare_af: 20,
  genomstromning: 40,
} satisfies Partial<Record<OutcomeRateId, number>>;

type HeadlineRate = keyof typeof DEFAULT_TARGETS;

/** The social budget's formula for each headline rate, where its threshold is the target. */
const FORMULA_FOR = {
  andel_positiv: 'andel_positiv_losning',
  andel_arbete: 'andel_arbete',
  andel_studier: 'andel_studier',
  andel_vidare_af: 'andel_vidare_af',
  genomstromning: 'genomstromning',
} satisfies Record<HeadlineRate, string>;

/** The headline's label of each rate it shows. */
export const HEADLINE_RATE_LABEL = {
  andel_positiv: 'Andel positiv lösning',
  andel_arbete: 'varav till arbete',
  andel_studier: 'varav till studier',
  andel_vidare_af: 'varav vidare till Arbetsförmedlingen',
  genomstromning: 'Genomströmning',
} satisfies Record<HeadlineRate, string>;

/** The headline's figures as the year's settings name them: `<participants template>.<rate>`. */
export function headlineTargetKey(rate: HeadlineRate): string {
  return `${PARTICIPANTS_TEMPLATE}.${rate}`;
}

/** The threshold of the social budget's indicator computed by the rate's formula, if it has one. */
function socialBudgetTarget(rate: HeadlineRate, budget: SocialBudget | undefined): FigureTarget | undefined {
  const indicator = budget?.indicators.find((i) => i.source !== 'input' && i.source.formula === FORMULA_FOR[rate]);
  return indicator?.target.type === 'threshold'
    ? { comparator: indicator.target.comparator, value: indicator.target.value }
    : undefined;
}

/**
 * A rate's target for a year: the one kansliet set in the year's settings (Mål), else the
 * threshold of the social budget's indicator computed by the same formula, else the default.
 */
function targetFor(
  rate: HeadlineRate,
  budget: SocialBudget | undefined,
  targets: Readonly<Record<string, FigureTarget>> | undefined,
): FigureTarget {
  const own = targets?.[headlineTargetKey(rate)];
  if (own) return { comparator: own.comparator, value: own.value };
  return socialBudgetTarget(rate, budget) ?? { comparator: 'gte', value: DEFAULT_TARGETS[rate] };
}

export function reached(value: Measure, target: HeadlineRow['target']): boolean | null {
  if (value.value === null || !target) return null;
  return target.comparator === 'gte' ? value.value >= target.value - 1e-9 : value.value <= target.value + 1e-9;
}

function row(
  scope: string,
  label: string,
  unit: HeadlineRow['unit'],
  current: Measure,
  lastYear: Measure,
  target?: HeadlineRow['target'],
  hidden = false,
): HeadlineRow {
  const c = compare(current, lastYear);
  return {
    scope,
    label,
    unit,
    current,
    lastYear,
    diff: c.diff,
    target,
    reached: reached(current, target),
    ...(hidden ? { hidden } : {}),
  };
}

function participantRows(
  scope: ParticipantScope,
  budget: SocialBudget | undefined,
  targets: Readonly<Record<string, FigureTarget>> | undefined,
): HeadlineRow[] {
  return (Object.keys(DEFAULT_TARGETS) as HeadlineRate[]).map((rate) =>
    row(
      scope.name,
      HEADLINE_RATE_LABEL[rate],
      '%',
      scope.rates[rate].tot,
      scope.lastYearRates[rate].tot,
      targetFor(rate, budget, targets),
      isRateHidden(scope, 'current', rate, 'tot') || isRateHidden(scope, 'lastYear', rate, 'tot'),
    ),
  );
}

function impactRow(scope: ImpactScope, targetIndex: number | undefined): HeadlineRow {
  const none = missing('no-configuration', 'social budget');
  return row(
    scope.name,
    'Impactindex',
    'index',
    scope.current?.total ?? none,
    scope.lastYear?.total ?? none,
    targetIndex === undefined ? undefined : { comparator: 'gte', value: targetIndex },
  );
}

/**
 * Sammanfattning: the figures the board follows, each against its target — per platform group
 * and platform the outcome rates and Impactindex, and for the förbund its result against
 * budget and its equity against the trappan.
 */
export function headlineRows(
  c: Pick<Consolidation, 'participants' | 'impact' | 'economy' | 'meta'>,
  targets?: Readonly<Record<string, FigureTarget>>,
): HeadlineRow[] {
  const rows: HeadlineRow[] = [];
  for (const scope of c.participants) {
    rows.push(...participantRows(scope, c.impact.budget, targets));
    const impact = c.impact.scopes.find((s) => s.id === scope.id);
    if (impact) rows.push(impactRow(impact, c.impact.budget?.targetIndex));
  }
  const forbund = c.meta.forbund.name;
  const { outcome, equity, equityLastYear } = c.economy;
  if (outcome) {
    const result = outcome.result;
    rows.push(
      row(
        forbund,
        'Verksamhetens resultat mot budget (avvikelse)',
        'tkr',
        result.avvikelse,
        missing('no-configuration', 'föregående års budget'),
        { comparator: 'gte', value: 0 },
      ),
    );
  }
  const limit = equity.limit;
  rows.push(
    row(
      forbund,
      'Eget kapital 31/12 mot trappan (över rekommenderad nivå)',
      'tkr',
      equity.margin,
      missing('no-configuration', 'föregående års trappa'),
      { comparator: 'lte', value: 0 },
    ),
  );
  rows.push(
    row(
      forbund,
      'Eget kapital 31/12',
      'tkr',
      equity.equity,
      equityLastYear,
      limit.value === null ? undefined : { comparator: 'lte', value: limit.value },
    ),
  );
  return rows;
}

/** A figure the year's settings can set a target for, with the target that applies when they set none. */
export interface TargetFigure {
  key: string;
  label: string;
  unit: string;
  fallback: FigureTarget;
  /** The social budget's threshold for the same figure, where its indicators have one. */
  socialBudget?: FigureTarget;
}

/**
 * The figures of the consolidated workbook that have a target a förbund's board may set for a
 * year (the *Mål* sheet of the settings workbook): the headline's outcome rates where the förbund
 * collects the participants template, each with the target that applies without one of its own.
 */
export function targetFigures(forbund: ForbundConfig, year: number): TargetFigure[] {
  if (!forbund.templates.includes(PARTICIPANTS_TEMPLATE)) return [];
  const budget = forbund.years[String(year)]?.socialBudget;
  return (Object.keys(DEFAULT_TARGETS) as HeadlineRate[]).map((rate) => {
    const fromBudget = socialBudgetTarget(rate, budget);
    return {
      key: headlineTargetKey(rate),
      label: HEADLINE_RATE_LABEL[rate],
      unit: '%',
      fallback: targetFor(rate, budget, undefined),
      ...(fromBudget ? { socialBudget: fromBudget } : {}),
    };
  });
}
