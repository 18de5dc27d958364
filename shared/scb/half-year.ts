import type { ScbImportConfig } from './import-config';
import type { Figure } from './table';
import { MONTH_NAMES_SV } from '../text/months-sv';

/** A first half-year made from months, or why there is none. */
export type HalfYear =
  { value: number } | { value: null; missingMonths: string[]; markedMonths: string[]; conflictMonths: string[] };

const MONTH_NAMES = MONTH_NAMES_SV;

/** "januari–juni" for consecutive months, else the months listed. */
export function monthSpan(months: readonly number[]): string {
  const consecutive = months.length > 1 && months.every((m, i) => i === 0 || m === months[i - 1]! + 1);
  return consecutive
    ? `${MONTH_NAMES[months[0]! - 1]}–${MONTH_NAMES[months[months.length - 1]! - 1]}`
    : months.map((m) => MONTH_NAMES[m - 1]).join(', ');
}

export function halfYearMonths(year: number, config: ScbImportConfig['halfYear']): string[] {
  return config.months.map((m) => `${year}M${String(m).padStart(2, '0')}`);
}

/**
 * The mean of the half-year's months, as SCB makes a year's figure from its months. Every
 * month must have a figure: a month the file lacks, or gives as "..", makes the half-year
 * missing — never a mean of the months that are there.
 *
 * @example
 * halfYearOf(new Map([['2023M01', { value: 10 }], …]), 2023, config.halfYear) // { value: 10.5 }
 */
export function halfYearOf(
  byMonth: ReadonlyMap<string, Figure> | undefined,
  year: number,
  config: ScbImportConfig['halfYear'],
): HalfYear {
  const missingMonths: string[] = [];
  const markedMonths: string[] = [];
  const conflictMonths: string[] = [];
  let sum = 0;
  const months = halfYearMonths(year, config);
  for (const month of months) {
    const figure = byMonth?.get(month);
    if (figure === undefined) missingMonths.push(month);
    else if (figure === null) markedMonths.push(month);
    else if (typeof figure === 'object') conflictMonths.push(month);
    else sum += figure;
  }
  if (missingMonths.length + markedMonths.length + conflictMonths.length > 0)
    return { value: null, missingMonths, markedMonths, conflictMonths };
  return { value: sum / months.length };
}

/** A mean as stored: `decimals` places, or a whole number for a count of people. */
export function roundMean(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
