import type { CellKind } from '../model/cell-kind';
import { parsePeriod } from '../model/period';
import type { Comparison } from '../indices/comparison';
import type { Measure } from '../indices/measure';
import type { FigureFormat } from './report-model';

/** What every sheet builder needs to know about the report it is part of. */
export interface SheetContext {
  published: boolean;
  /** What stands in place of a suppressed figure. */
  mark: string;
  /** The subtitle every sheet carries: förbund, period, variant, basis. */
  reportLine: string;
}

/** A period as a column heading: "2023", "T2 2023", "H1 2023". */
export function periodHeading(period: string): string {
  const p = parsePeriod(period);
  if (!p) return period;
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'halfyear') return `H1 ${p.year}`;
  return `T${p.index} ${p.year}`;
}

/** A comparison column's heading: the year alone when the periods differ by a year. */
export function comparedHeading(period: string, current: string): string {
  return period.slice(4) === current.slice(4) ? period.slice(0, 4) : periodHeading(period);
}

export const VALUE_FORMAT = {
  count: 'count',
  percent: 'percent',
  decimal: 'decimal',
  amount: 'tkr',
} satisfies Record<Exclude<CellKind, 'text' | 'choice'>, FigureFormat>;

export const DIFF_FORMAT = {
  count: 'signedCount',
  percent: 'points',
  decimal: 'signedDecimal',
  amount: 'signedTkr',
} satisfies Record<Exclude<CellKind, 'text' | 'choice'>, FigureFormat>;

/** Green for a change the good way, red for the bad way, nothing otherwise. */
export function goodChange(comparison: Pick<Comparison, 'assessment'>): boolean | null {
  return comparison.assessment === 'good' ? true : comparison.assessment === 'bad' ? false : null;
}

/** Whether a figure reaches its target; null when missing or without a target. */
export function reachesTarget(value: Measure, target?: { comparator: 'gte' | 'lte'; value: number }): boolean | null {
  if (value.value === null || !target) return null;
  return target.comparator === 'gte' ? value.value >= target.value - 1e-9 : value.value <= target.value + 1e-9;
}

const SV = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** "1 234,5", with a true minus sign. */
export function svNumber(value: number): string {
  return SV.format(value).replace(/-/g, '\u2212');
}

/** "≥ 70 %" */
export function targetText(target: { comparator: 'gte' | 'lte'; value: number } | undefined, unit: string): string {
  if (!target) return '';
  return `${target.comparator === 'gte' ? '≥' : '≤'} ${svNumber(target.value)}${unit ? ` ${unit}` : ''}`;
}
