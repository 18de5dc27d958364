import { tabell2to5 } from '../../tests/fixtures/seeds/seed-004-impactindex';
import { seedRecords } from '../../tests/support/seed-records';
import { registry } from '../config/registry';
import { totalFromAreaIndices } from '../indices/impact-index';
import { requirePeriod } from '../model/period';
import { findForbund } from '../model/selectors';
import { consolidate } from './consolidate';

/**
 * Seed 004, Tabell 2–5, reproduced by the method on the demo's inputs: every area index of every
 * platform and of Arbetsmarknadstorgen, for 2023 and 2022, within 0,5 before rounding. The
 * engine is the one the report uses; what is chosen (survey values, weights, the 2022 budget) is
 * said in the fixtures and the budget's file.
 */
const forbund = findForbund(registry, 'umearegionen')!;
const report = consolidate({
  registry,
  forbund,
  period: requirePeriod('2023T3'),
  variant: 'internal',
  basis: 'approved',
  generatedAt: '2024-02-01T06:00:00.000Z',
  submissions: seedRecords(),
});
const impact = report.computed.impactindex!;
const AREAS = ['samhallsnytta', 'samordning', 'jamlik', 'deltagarnojdhet', 'medarbetarnojdhet'];
const result = (scope: string, year: '2022' | '2023') => {
  const s = impact.scopes.find((x) => x.id === scope)!;
  return year === '2023' ? s.current! : s.lastYear!;
};
const cases = Object.entries(tabell2to5).flatMap(([scope, years]) =>
  (['2023', '2022'] as const).map((year) => [scope, year, years[year]] as const),
);

describe('seed 004, Tabell 2–5, from the method', () => {
  it.each(cases)('%s %s: every goal area within 0,5 of the published index', (scope, year, published) => {
    const computed = result(scope, year).areas.map((a) => a.index.value!);
    expect(result(scope, year).areas.map((a) => a.id)).toEqual(AREAS);
    computed.forEach((value, i) =>
      expect([AREAS[i], Math.abs(value - published.areas[i]!) <= 0.5]).toEqual([AREAS[i], true]),
    );
    expect(result(scope, year).missingPoints).toBe(0);
  });

  it.each([
    ['arbetsmarknadstorgen', '2023'],
    ['vuxentorget', '2023'],
    ['samordningsteamen', '2022'],
  ] as const)('%s %s: the total is the published one, which is its areas’ weighted mean', (scope, year) => {
    expect(Math.abs(result(scope, year).total.value! - tabell2to5[scope][year].total!)).toBeLessThanOrEqual(0.5);
  });

  it.each([
    ['arbetsmarknadstorgen', '2022', 'Arbetsmarknadstorgen 2022', 70, 68.1],
    ['vuxentorget', '2022', 'Vuxentorget 2022', 66, 62.7],
    ['samordningsteamen', '2023', 'Samordningsteamen i kranskommunerna 2023', 62, 63.4],
  ] as const)(
    '%s %s: shows the computed total where the published one is not its areas’ mean, and the method notes name the ' +
      'difference',
    (scope, year, name, total, mean) => {
      const published = tabell2to5[scope][year];
      const nominal = totalFromAreaIndices(
        published.areas.map((index, i) => ({ index, points: [100, 50, 50, 25, 25][i]! })),
      );
      expect(nominal).toBeCloseTo(mean, 1);
      const computed = result(scope, year).total.value!;
      expect(Math.abs(computed - total)).toBeGreaterThan(0.5);
      const note = report.notes.find((n) => n.startsWith(`${name}: Impactindex`));
      expect(note).toContain(`årsredovisningen publicerade ${total}`);
      expect(note).toContain(`ger ${String(mean).replace('.', ',')} viktade med sina poäng`);
    },
  );

  it("the configuration's published figures are Tabell 2–5", () => {
    for (const [scope, years] of Object.entries(tabell2to5))
      for (const year of ['2022', '2023'] as const) {
        const budget = forbund.years[year]!.socialBudget!;
        expect(budget.published?.[scope]).toEqual({
          ...(years[year].total === undefined ? {} : { total: years[year].total }),
          areas: Object.fromEntries(AREAS.map((a, i) => [a, years[year].areas[i]])),
        });
      }
  });
});
