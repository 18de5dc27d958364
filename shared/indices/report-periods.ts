import { scbHelarsekvivalenter } from '../config/scb-helarsekvivalenter';
import { requirePeriod, type Period, type PeriodKind } from '../model/period';

/**
 * Which period of each kind a report draws on. A tertial report takes tertial templates for
 * that tertial (the year so far), and year and half-year templates for its year; a year report
 * takes the third tertial (= the year) for tertial templates.
 */
export function periodFor(report: Period, kind: PeriodKind, yearOffset = 0): string {
  const year = report.year + yearOffset;
  switch (kind) {
    case 'tertial':
      return `${year}T${report.kind === 'tertial' ? report.index : 3}`;
    case 'halfyear':
      return `${year}H1`;
    case 'year':
      return String(year);
  }
}

/** The tertial before the one a report shows (tertial templates): T1's is last year's T3. */
export function previousTertialOf(report: Period): string {
  const index = report.kind === 'tertial' ? report.index : 3;
  return index > 1 ? `${report.year}T${index - 1}` : `${report.year - 1}T3`;
}

/**
 * Every period whose submissions a report reads: this year's, last year's (the comparison), the
 * year before (last year's Impactindex compares with its own previous year), the previous
 * tertial, and the earlier first half-years of the helårsekvivalenter series.
 *
 * @example
 * requiredPeriods(requirePeriod('2023T3')) // ['2023T3', '2023H1', '2023', '2022T3', …, '2021', '2023T2', '2014H1', …]
 */
export function requiredPeriods(report: Period): string[] {
  const kinds: PeriodKind[] = ['tertial', 'halfyear', 'year'];
  const periods = [0, -1, -2].flatMap((offset) => kinds.map((kind) => periodFor(report, kind, offset)));
  const series = haeSeriesOffsets()
    .filter((offset) => offset < -2)
    .map((offset) => periodFor(report, 'halfyear', offset));
  return [...new Set([...periods, previousTertialOf(report), ...series])];
}

/**
 * Year offsets of the first half-years in the report's helårsekvivalenter series, oldest first,
 * ending with the report's own year (0): as many as the SCB import's configuration asks for.
 */
export function haeSeriesOffsets(): number[] {
  const years = scbHelarsekvivalenter.seriesYears;
  return Array.from({ length: years }, (_, i) => i - years + 1);
}

/** The same period a year earlier, as the report's comparison column names it. */
export function lastYearOf(report: Period): Period {
  return requirePeriod(`${report.year - 1}${report.id.slice(4)}`);
}
