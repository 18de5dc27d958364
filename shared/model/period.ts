import { z } from 'zod';

/** Period ids as they appear in URLs, tokens and file names: `2023`, `2023H1`, `2023T1` … `2023T3`. */
export const periodIdSchema = z
  .string()
  .regex(/^(\d{4})(H1|T[123])?$/, 'Perioden ska skrivas som 2023, 2023H1 eller 2023T1–2023T3');
export type PeriodId = z.infer<typeof periodIdSchema>;

export type PeriodKind = 'year' | 'halfyear' | 'tertial';

export interface Period {
  id: PeriodId;
  year: number;
  kind: PeriodKind;
  /** 1–3 for tertials, 1 for H1, 0 for the year. */
  index: number;
}

/** ISO calendar dates (YYYY-MM-DD); dates are compared as strings, so no time zones get involved. */
export interface DateSpan {
  start: string;
  end: string;
}

const TERTIAL_END_MONTH = [4, 8, 12] as const;

export function parsePeriod(id: string): Period | undefined {
  const match = /^(\d{4})(H1|T([123]))?$/.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return undefined;
  if (match[2] === undefined) return { id, year, kind: 'year', index: 0 };
  if (match[2] === 'H1') return { id, year, kind: 'halfyear', index: 1 };
  return { id, year, kind: 'tertial', index: Number(match[3]) };
}

export function requirePeriod(id: string): Period {
  const period = parsePeriod(id);
  if (!period) throw new RangeError(`Okänd period: ${id}`);
  return period;
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The days a period covers. Tertial figures are reported cumulatively for the year so far
 * (T2 = January–August), so `cumulative` widens a tertial to start on 1 January.
 */
export function periodSpan(period: Period, cumulative: boolean): DateSpan {
  const yearStart = `${period.year}-01-01`;
  switch (period.kind) {
    case 'year':
      return { start: yearStart, end: `${period.year}-12-31` };
    case 'halfyear':
      return { start: yearStart, end: lastDayOfMonth(period.year, 6) };
    case 'tertial': {
      const endMonth = TERTIAL_END_MONTH[period.index - 1] ?? 12;
      const startMonth = cumulative ? 1 : endMonth - 3;
      return {
        start: `${period.year}-${String(startMonth).padStart(2, '0')}-01`,
        end: lastDayOfMonth(period.year, endMonth),
      };
    }
  }
}

/** Reports always compare with the same period of the previous year. */
export function samePeriodLastYear(period: Period): Period {
  const suffix = period.id.slice(4);
  return requirePeriod(`${period.year - 1}${suffix}`);
}

/** Every period of a kind in a year, in order. */
export function periodsOfYear(year: number, kind: PeriodKind): Period[] {
  switch (kind) {
    case 'year':
      return [requirePeriod(String(year))];
    case 'halfyear':
      return [requirePeriod(`${year}H1`)];
    case 'tertial':
      return [1, 2, 3].map((t) => requirePeriod(`${year}T${t}`));
  }
}

const KIND_LABEL: Record<PeriodKind, string> = { year: 'år', halfyear: 'halvår', tertial: 'tertial' };

/** Swedish label for a period, e.g. "Tertial 2 2023 (jan–aug)". */
export function describePeriod(period: Period, cumulative = true): string {
  switch (period.kind) {
    case 'year':
      return `Helår ${period.year}`;
    case 'halfyear':
      return `Halvår 1 ${period.year} (jan–jun)`;
    case 'tertial': {
      const ranges = cumulative ? ['jan–apr', 'jan–aug', 'jan–dec'] : ['jan–apr', 'maj–aug', 'sep–dec'];
      return `Tertial ${period.index} ${period.year} (${ranges[period.index - 1]})`;
    }
  }
}

export function periodKindLabel(kind: PeriodKind): string {
  return KIND_LABEL[kind];
}
