import { requirePeriod } from '../../shared/model/period';
import { loadConfig } from '../config';
import { defaultDeadline, endedTertials, summaryTime } from './tertial-schedule';

describe('tertial deadlines', () => {
  it.each([
    ['2023T1', 15, '2023-05-15T23:59:59.999Z'],
    ['2023T2', 15, '2023-09-15T23:59:59.999Z'],
    ['2023T3', 15, '2024-01-15T23:59:59.999Z'],
    ['2024T1', 0, '2024-04-30T23:59:59.999Z'],
  ])('%s with %d days: %s', (period, days, deadline) => {
    expect(defaultDeadline(requirePeriod(period), days)).toBe(deadline);
  });

  it('lists the tertials that have ended, this year and the years looked back', () => {
    expect(endedTertials(new Date('2024-06-01T06:00:00Z')).map((p) => p.id)).toEqual([
      '2023T1',
      '2023T2',
      '2023T3',
      '2024T1',
    ]);
    expect(endedTertials(new Date('2024-06-01T06:00:00Z'), 0).map((p) => p.id)).toEqual(['2024T1']);
    expect(endedTertials(new Date('2024-01-01T00:00:00Z'), 2).map((p) => p.id)).toEqual([
      '2022T1',
      '2022T2',
      '2022T3',
      '2023T1',
      '2023T2',
      '2023T3',
    ]);
  });

  it('dates a timer report by its inputs: the deadline, or a later change', () => {
    expect(summaryTime('2024-01-15T23:59:59.999Z', ['2024-01-10T09:00:00.000Z'])).toBe('2024-01-15T23:59:59.999Z');
    expect(summaryTime('2024-01-15T23:59:59.999Z', ['2024-01-10T09:00:00.000Z', '2024-02-01T10:00:00.000Z'])).toBe(
      '2024-02-01T10:00:00.000Z',
    );
  });
});

describe('report settings', () => {
  it('defaults to daily 06:00, 15 days, last year, 8 s, and an alert after 5 minutes in the queue', () => {
    expect(loadConfig({}).reports).toEqual({
      tertialSchedule: '0 0 6 * * *',
      deadlineDays: 15,
      lookbackYears: 1,
      syncBudgetMs: 8000,
      waitAlertMs: 300_000,
    });
  });

  it('reads them from the environment', () => {
    const env = {
      TERTIAL_SUMMARY_SCHEDULE: '0 30 5 * * 1-5',
      TERTIAL_DEADLINE_DAYS: '20',
      TERTIAL_SUMMARY_LOOKBACK_YEARS: '3',
      CONSOLIDATE_SYNC_MS: '0',
      JOB_WAIT_ALERT_SECONDS: '90',
    };
    expect(loadConfig(env).reports).toEqual({
      tertialSchedule: '0 30 5 * * 1-5',
      deadlineDays: 20,
      lookbackYears: 3,
      syncBudgetMs: 0,
      waitAlertMs: 90_000,
    });
  });

  it.each([
    ['TERTIAL_SUMMARY_SCHEDULE', '0 6 * * *'],
    ['TERTIAL_DEADLINE_DAYS', '-1'],
    ['CONSOLIDATE_SYNC_MS', 'snabbt'],
  ])('refuses a bad %s, naming it', (setting, value) => {
    expect(() => loadConfig({ [setting]: value })).toThrow(setting);
  });
});
