import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { periodSpan, periodsOfYear, type Period } from '../../shared/model/period';
import { configuredDeadline } from '../../shared/model/year-settings-schema';

/**
 * When tertial summaries are due: after each tertial's deadline — the one kansliet set for the
 * period, else the förbund's default (see forbundDeadline).
 */

/** End of the tertial's last day (UTC) plus `days`, e.g. 2023T1 with 15 → 2023-05-15T23:59:59.999Z. */
export function defaultDeadline(period: Period, days: number): string {
  const end = periodSpan(period, false).end;
  const at = new Date(`${end}T23:59:59.999Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString();
}

/**
 * A förbund's default last day for a period, where kansliet set none for the period itself: the
 * one the year's settings give it (*Perioder och sista dagar*), else `days` after its end.
 */
export function forbundDeadline(forbund: Pick<ForbundConfig, 'years'>, period: Period, days: number): string {
  return configuredDeadline(forbund.years, period) ?? defaultDeadline(period, days);
}

/** Tertials of this year and `lookbackYears` before it that have ended by `now`, oldest first. */
export function endedTertials(now: Date, lookbackYears = 1): Period[] {
  const year = now.getUTCFullYear();
  const years = Array.from({ length: lookbackYears + 1 }, (_, i) => year - lookbackYears + i);
  return years
    .flatMap((y) => periodsOfYear(y, 'tertial'))
    .filter((p) => Date.parse(`${periodSpan(p, false).end}T23:59:59.999Z`) < now.getTime());
}

/**
 * The report's time for a timer run: the deadline, or the latest change among the submissions
 * used if one came later. It depends on the inputs only, so a rerun writes the same bytes.
 */
export function summaryTime(deadline: string, updatedAt: readonly string[]): string {
  return [deadline, ...updatedAt].reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}
