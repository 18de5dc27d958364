/**
 * NCRONTAB schedules as Azure Functions timer triggers use them: six fields,
 * `{second} {minute} {hour} {day} {month} {day-of-week}`, evaluated in UTC (Azure's default
 * when WEBSITE_TIME_ZONE is not set).
 *
 * Each field: `*`, `n`, `a-b`, lists `a,b`, steps `*\/n`, `a-b/n` and `a/n`; months
 * JAN–DEC and days SUN–SAT by name. As in NCrontab, a restricted day *and* day-of-week must
 * both match (unlike Vixie cron's "either").
 */

export interface CronSchedule {
  readonly expression: string;
  matches(date: Date): boolean;
  /** The first occurrence strictly after `after` (whole seconds), or null within ~5 years. */
  next(after: Date): Date | null;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const fieldSpecs: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day-of-week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

export class CronError extends Error {
  constructor(expression: string, message: string) {
    super(`Schedule "${expression}": ${message}`);
    this.name = 'CronError';
  }
}

function parseValue(expression: string, spec: FieldSpec, text: string): number {
  const byName = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (byName >= 0) return byName + spec.min;
  if (!/^\d+$/.test(text)) throw new CronError(expression, `"${text}" is not a valid ${spec.name}`);
  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    throw new CronError(expression, `${spec.name} ${value} is outside ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseField(expression: string, spec: FieldSpec, field: string): Set<number> {
  const values = new Set<number>();
  for (const item of field.split(',')) {
    const [rangeText = '', stepText, ...extra] = item.split('/');
    if (extra.length > 0 || rangeText === '')
      throw new CronError(expression, `"${item}" is not a valid ${spec.name} item`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || (stepText !== undefined && !/^\d+$/.test(stepText))) {
      throw new CronError(expression, `step "${stepText}" in ${spec.name} must be a positive integer`);
    }
    let from: number;
    let to: number;
    if (rangeText === '*') {
      from = spec.min;
      to = spec.max;
    } else if (rangeText.includes('-')) {
      const [a = '', b = ''] = rangeText.split('-');
      from = parseValue(expression, spec, a);
      to = parseValue(expression, spec, b);
      if (from > to) throw new CronError(expression, `range "${rangeText}" in ${spec.name} runs backwards`);
    } else {
      from = parseValue(expression, spec, rangeText);
      // "a/n" means from a to the end in steps of n; a bare value is just itself.
      to = stepText === undefined ? from : spec.max;
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseNcrontab(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new CronError(
      expression,
      `expected 6 fields "{second} {minute} {hour} {day} {month} {day-of-week}", found ${fields.length}`,
    );
  }
  const parsed = fieldSpecs.map((spec, i) => parseField(expression, spec, fields[i] ?? ''));
  const field = (i: number) => {
    const f = parsed[i];
    if (!f) throw new CronError(expression, 'internal: missing field');
    return f;
  };
  const [second, minute, hour, day, month, weekday] = [field(0), field(1), field(2), field(3), field(4), field(5)];

  const dayMatches = (date: Date) => day.has(date.getUTCDate()) && weekday.has(date.getUTCDay());

  const matches = (date: Date) =>
    second.has(date.getUTCSeconds()) &&
    minute.has(date.getUTCMinutes()) &&
    hour.has(date.getUTCHours()) &&
    month.has(date.getUTCMonth() + 1) &&
    dayMatches(date);

  const next = (after: Date): Date | null => {
    const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
    const limit = after.getTime() + 5 * 366 * 24 * 3600 * 1000;
    // Jump by the coarsest field that does not match; each jump resets the finer fields.
    while (t.getTime() <= limit) {
      if (!month.has(t.getUTCMonth() + 1)) {
        t.setUTCMonth(t.getUTCMonth() + 1, 1);
        t.setUTCHours(0, 0, 0, 0);
      } else if (!dayMatches(t)) {
        t.setUTCDate(t.getUTCDate() + 1);
        t.setUTCHours(0, 0, 0, 0);
      } else if (!hour.has(t.getUTCHours())) {
        t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      } else if (!minute.has(t.getUTCMinutes())) {
        t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
      } else if (!second.has(t.getUTCSeconds())) {
        t.setUTCSeconds(t.getUTCSeconds() + 1, 0);
      } else {
        return t;
      }
    }
    return null;
  };

  return { expression, matches, next };
}
