import { describePeriod, periodsOfYear } from '../../../shared/model/period';
import type { Option } from '../ui/dom';

/** Every period of a year, for kansliet's views: the tertials, the half year (unless left out) and the year. */
export function periodChoices(year: number, options: { halfyear?: boolean } = {}): Option[] {
  const halfyear = (options.halfyear ?? true) ? periodsOfYear(year, 'halfyear') : [];
  return [...periodsOfYear(year, 'tertial'), ...halfyear, ...periodsOfYear(year, 'year')].map((p) => ({
    value: p.id,
    label: describePeriod(p, true),
  }));
}

/** The latest tertial that has ended by `now` (what kansliet is most likely working on). */
export function defaultPeriod(now: Date): string {
  const year = now.getFullYear();
  const month = now.getMonth() + 1;
  if (month <= 4) return `${year - 1}T3`;
  if (month <= 8) return `${year}T1`;
  return `${year}T2`;
}
