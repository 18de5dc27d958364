import type { BudgetGroup, BudgetLine } from '../model/forbund-schema';
import type { Period } from '../model/period';
import { measureAt, type CellMeasures } from './cell-measures';
import { difference, known, sumOf, type Measure } from './measure';

/**
 * Utfall against budget per line and group, in tkr (seed 004, Bilaga 3). Cells are the
 * `ekonomi-utfall` template's: `<group>.<line>.utfall`, `<group>.summa.utfall`.
 */

export const BUDGET_GROUP_LABEL = {
  intakter: 'Intäkter',
  kansli: 'Kansli, styrelse och administration',
  verksamhetsnara: 'Verksamhetsnära kostnader',
  insatser: 'Insatser',
} satisfies Record<BudgetGroup, string>;

export const BUDGET_GROUPS = Object.keys(BUDGET_GROUP_LABEL) as BudgetGroup[];

/**
 * Tertial figures are the year so far, so the year's budget is pro-rated to the months covered:
 * T1 = 4/12, T2 = 8/12, T3 and the year = 12/12, H1 = 6/12.
 */
export function budgetShare(period: Period): number {
  switch (period.kind) {
    case 'year':
      return 1;
    case 'halfyear':
      return 6 / 12;
    case 'tertial':
      return (period.index * 4) / 12;
  }
}

export interface BudgetOutcomeLine {
  id: string;
  label: string;
  group: BudgetGroup;
  /** The year's budget. */
  budgetYear: number;
  /** The budget pro-rated to the period. */
  budget: number;
  utfall: Measure;
  /** utfall − budget: positive is better than budget for costs (negative numbers) and revenue alike. */
  avvikelse: Measure;
  /** The submitter's comment on the line, if any. */
  comment?: string;
}

export interface BudgetOutcomeGroup {
  group: BudgetGroup;
  label: string;
  budgetYear: number;
  budget: number;
  /** Σ of the lines' utfall. */
  utfall: Measure;
  /** The Summa the submitter reported, which published tables round on their own. */
  reportedSumma: Measure;
  /** reported Summa − Σ lines (rounding of each line to tkr); missing when either is. */
  roundingDifference: Measure;
  avvikelse: Measure;
}

export interface BudgetOutcome {
  share: number;
  lines: BudgetOutcomeLine[];
  groups: BudgetOutcomeGroup[];
  /** Costs: kansli + verksamhetsnära + insatser. */
  costs: { budgetYear: number; budget: number; utfall: Measure; avvikelse: Measure };
  /** Verksamhetens resultat = intäkter + kostnader. */
  result: { budgetYear: number; budget: number; utfall: Measure; avvikelse: Measure };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * @example
 * budgetOutcome(budget2023, utfall, requirePeriod('2023T3')).groups[1].avvikelse // kansli: 173
 * (lines) — seed prints 174
 */
export function budgetOutcome(
  lines: readonly BudgetLine[],
  utfall: CellMeasures,
  period: Period,
  comments: Readonly<Record<string, string>> = {},
): BudgetOutcome {
  const share = budgetShare(period);
  const outcomeLines = lines.map((line): BudgetOutcomeLine => {
    const id = `${line.group}.${line.id}.utfall`;
    const value = measureAt(utfall, id, line.label);
    const budget = line.budget * share;
    const comment = comments[`${line.group}.${line.id}.kommentar`];
    return {
      id: line.id,
      label: line.label,
      group: line.group,
      budgetYear: line.budget,
      budget,
      utfall: value,
      avvikelse: difference(value, known(budget)),
      ...(comment ? { comment } : {}),
    };
  });
  const groups = BUDGET_GROUPS.filter((g) => lines.some((l) => l.group === g)).map((group): BudgetOutcomeGroup => {
    const own = outcomeLines.filter((l) => l.group === group);
    const value = sumOf(own.map((l) => l.utfall));
    const reportedSumma = measureAt(
      utfall,
      `${group}.summa.utfall`,
      `Summa ${BUDGET_GROUP_LABEL[group].toLowerCase()}`,
    );
    const budgetYear = sum(own.map((l) => l.budgetYear));
    return {
      group,
      label: BUDGET_GROUP_LABEL[group],
      budgetYear,
      budget: budgetYear * share,
      utfall: value,
      reportedSumma,
      roundingDifference: difference(reportedSumma, value),
      avvikelse: difference(value, known(budgetYear * share)),
    };
  });
  const costGroups = groups.filter((g) => g.group !== 'intakter');
  const costsYear = sum(costGroups.map((g) => g.budgetYear));
  const costsUtfall = sumOf(costGroups.map((g) => g.utfall));
  const costs = {
    budgetYear: costsYear,
    budget: costsYear * share,
    utfall: costsUtfall,
    avvikelse: difference(costsUtfall, known(costsYear * share)),
  };
  const revenue = groups.find((g) => g.group === 'intakter');
  const resultYear = (revenue?.budgetYear ?? 0) + costsYear;
  const resultUtfall = revenue ? sumOf([revenue.utfall, costsUtfall]) : costsUtfall;
  const result = {
    budgetYear: resultYear,
    budget: resultYear * share,
    utfall: resultUtfall,
    avvikelse: difference(resultUtfall, known(resultYear * share)),
  };
  return { share, lines: outcomeLines, groups, costs, result };
}
