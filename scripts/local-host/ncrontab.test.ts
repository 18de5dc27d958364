import { CronError, parseNcrontab } from './ncrontab';

const utc = (iso: string) => new Date(`${iso}Z`);

describe('parseNcrontab', () => {
  it.each([
    ['every 5 minutes', '0 */5 * * * *', '2026-03-01T10:02:30', '2026-03-01T10:05:00'],
    ['every second', '* * * * * *', '2026-03-01T10:02:30.400', '2026-03-01T10:02:31'],
    ['strictly after an occurrence', '0 */5 * * * *', '2026-03-01T10:05:00', '2026-03-01T10:10:00'],
    ['daily 03:00 rolls over midnight', '0 0 3 * * *', '2026-03-01T03:00:01', '2026-03-02T03:00:00'],
    ['month end to next month', '0 0 0 1 * *', '2026-01-31T12:00:00', '2026-02-01T00:00:00'],
    ['weekdays at 09:30 (Friday → Monday)', '0 30 9 * * 1-5', '2026-03-06T10:00:00', '2026-03-09T09:30:00'],
    ['named month and day', '0 0 12 * JAN MON', '2026-03-01T00:00:00', '2027-01-04T12:00:00'],
    ['lists and steps in a range', '0 0 8-18/5,20 * * *', '2026-03-01T13:00:00', '2026-03-01T18:00:00'],
    ['"a/n" runs from a in steps of n', '0 10/20 * * * *', '2026-03-01T10:31:00', '2026-03-01T10:50:00'],
    ['leap day', '0 0 0 29 2 *', '2026-03-01T00:00:00', '2028-02-29T00:00:00'],
    ['day AND weekday must both match', '0 0 0 13 * 5', '2026-01-01T00:00:00', '2026-02-13T00:00:00'],
  ])('%s: %s after %s → %s', (_name, expression, after, expected) => {
    expect(parseNcrontab(expression).next(utc(after))?.toISOString()).toBe(utc(expected).toISOString());
  });

  it('finds no occurrence for an impossible date', () => {
    expect(parseNcrontab('0 0 0 31 2 *').next(utc('2026-01-01T00:00:00'))).toBeNull();
  });

  it('matches exact instants', () => {
    const schedule = parseNcrontab('30 15 10 * * *');
    expect(schedule.matches(utc('2026-05-05T10:15:30'))).toBe(true);
    expect(schedule.matches(utc('2026-05-05T10:15:31'))).toBe(false);
  });

  it.each([
    ['0 */5 * * *', /expected 6 fields/],
    ['60 * * * * *', /second 60 is outside 0-59/],
    ['0 0 24 * * *', /hour 24 is outside 0-23/],
    ['0 0 0 0 * *', /day 0 is outside 1-31/],
    ['0 0 0 * 13 *', /month 13 is outside 1-12/],
    ['0 0 0 * * 7', /day-of-week 7 is outside 0-6/],
    ['0 0 0 * * FUNDAY', /"FUNDAY" is not a valid day-of-week/],
    ['*/0 * * * * *', /step "0" in second must be a positive integer/],
    ['0 30-10 * * * *', /runs backwards/],
    ['0 0 0 * * 1,,2', /not a valid day-of-week item/],
  ])('rejects %s', (expression, message) => {
    expect(() => parseNcrontab(expression)).toThrow(CronError);
    expect(() => parseNcrontab(expression)).toThrow(message);
  });
});
