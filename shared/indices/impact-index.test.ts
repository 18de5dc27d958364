import { tabell2to5, type PublishedIndex } from '../../tests/fixtures/seeds/seed-004-impactindex';
import { socialBudget2023 } from '../config/forbund/umearegionen-social-budget';
import { umearegionen } from '../config/forbund/umearegionen';
import { buildRegistry, ConfigurationError } from '../config/registry';
import { TEMPLATE_INPUTS } from '../config/templates';
import {
  checkSocialBudget,
  socialBudgetSchema,
  type ImpactIndicator,
  type SocialBudget,
} from '../model/forbund-schema';
import { formulaProblems } from './formulas';
import { impactIndex, judgeIndicator, totalFromAreaIndices, type IndicatorValue } from './impact-index';
import { known, missing } from './measure';

/** Seed 004, Tabell 2–5: Impactindex per platform and goal area, 2022 and 2023, as published. */
const AREAS = ['samhallsnytta', 'samordning', 'jamlik', 'deltagarnojdhet', 'medarbetarnojdhet'] as const;
const NOMINAL = { samhallsnytta: 100, samordning: 50, jamlik: 50, deltagarnojdhet: 25, medarbetarnojdhet: 25 } as const;
type Published = PublishedIndex;
const TABELL_2_5: Record<string, Record<'2022' | '2023', Published>> = tabell2to5;
/** The Diff columns as printed (total first, then the areas). */
const PRINTED_DIFF: Record<string, (number | undefined)[]> = {
  arbetsmarknadstorgen: [-2, 3, -2, -6, -3, 8],
  vuxentorget: [12, 32, -10, 24, -11, 8],
  ungdomstorget: [undefined, -12, -16, 11, 0, 8],
  samordningsteamen: [-6, -30, 22, -2, 13, 24],
};

const nominalTotal = (p: Published) =>
  totalFromAreaIndices(p.areas.map((index, i) => ({ index, points: NOMINAL[AREAS[i]!] })));

/**
 * The totals the method can give when each area's weights may deviate ±5 % from its nominal
 * points (Bilaga 1) and each printed area index is rounded (±0,5): a weighted mean is extreme
 * at a corner of that box, so the corners bound it.
 */
function achievableRange(p: Published): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let corner = 0; corner < 2 ** AREAS.length; corner++) {
    const points = AREAS.map((a, i) => NOMINAL[a] * ((corner >> i) & 1 ? 1.05 : 0.95));
    const at = (shift: number) =>
      totalFromAreaIndices(p.areas.map((index, i) => ({ index: index + shift, points: points[i]! })));
    low = Math.min(low, at(-0.5));
    high = Math.max(high, at(0.5));
  }
  return [low, high];
}

describe('seed 004, Tabell 2–5: the method on the published area indices', () => {
  it.each([
    ['arbetsmarknadstorgen', '2023', 68.2],
    ['vuxentorget', '2023', 78.0],
    ['samordningsteamen', '2022', 67.7],
  ] as const)('%s %s: the published total is the 40/20/20/10/10 mean of its areas (%d)', (scope, year, mean) => {
    const p = TABELL_2_5[scope]![year];
    expect(nominalTotal(p)).toBeCloseTo(mean, 1);
    expect(Math.abs(nominalTotal(p) - p.total!)).toBeLessThanOrEqual(0.5);
  });

  it.each([
    // scope, year, mean of the areas, published − mean, explainable by ±5 % area points and rounding?
    ['arbetsmarknadstorgen', '2022', 68.1, 1.9, false],
    ['vuxentorget', '2022', 62.7, 3.3, false],
    ['samordningsteamen', '2023', 63.4, -1.4, true],
  ] as const)(
    '%s %s: names the discrepancy — published total differs from the mean %d by %d points',
    (scope, year, mean, size, explainable) => {
      const p = TABELL_2_5[scope]![year];
      expect(nominalTotal(p)).toBeCloseTo(mean, 1);
      expect(p.total! - nominalTotal(p)).toBeCloseTo(size, 1);
      const [low, high] = achievableRange(p);
      const reachable = p.total! + 0.5 >= low && p.total! - 0.5 <= high;
      expect(reachable).toBe(explainable);
    },
  );

  it('gives Ungdomstorget the totals Tabell 4 leaves out: 77,8 (2022) and 72,8 (2023)', () => {
    expect(nominalTotal(TABELL_2_5.ungdomstorget!['2022'])).toBeCloseTo(77.8, 1);
    expect(nominalTotal(TABELL_2_5.ungdomstorget!['2023'])).toBeCloseTo(72.8, 1);
  });

  it.each(Object.keys(PRINTED_DIFF))('%s: every printed Diff is 2023 − 2022', (scope) => {
    const { '2022': before, '2023': after } = TABELL_2_5[scope]!;
    const diffs = [
      after.total === undefined ? undefined : after.total - before.total!,
      ...after.areas.map((a, i) => a - before.areas[i]!),
    ];
    expect(diffs).toEqual(PRINTED_DIFF[scope]);
  });

  it('builds an index from indicators: area index = achieved / area points, total = achieved / all points', () => {
    // Reach exactly the published 2023 Arbetsmarknadstorgen areas with one indicator per area.
    const published = TABELL_2_5.arbetsmarknadstorgen!['2023'];
    const budget: SocialBudget = {
      targetIndex: 70,
      areas: AREAS.map((id) => ({ id, name: id, points: NOMINAL[id] })),
      indicators: AREAS.flatMap((area, i) => {
        const reached = (published.areas[i]! * NOMINAL[area]) / 100;
        const indicator = (id: string, weight: number, ok: boolean): ImpactIndicator => ({
          id,
          area,
          label: id,
          weight,
          target: { type: 'threshold', comparator: 'gte', value: ok ? 0 : 101 },
          source: 'input',
        });
        // Weights of 1–10 per indicator: split the area's points into reached and missed parts.
        const parts = (total: number) =>
          Array.from({ length: Math.ceil(total / 10) }, (_, k) => Math.min(10, total - k * 10)).filter((w) => w > 0);
        return [
          ...parts(reached).map((w, k) => indicator(`${area}_ok${k}`, w, true)),
          ...parts(NOMINAL[area] - reached).map((w, k) => indicator(`${area}_no${k}`, w, false)),
        ];
      }),
    };
    const result = impactIndex(budget, () => ({ applicable: true, value: known(50), lastYear: known(50) }));
    expect(result.areas.map((a) => Math.round((a.index.value as number) * 1e9) / 1e9)).toEqual(published.areas);
    expect(result.total.value).toBeCloseTo(68.2, 9);
    expect(result.achievedPoints).toBe(170.5);
  });
});

const indicator = (target: ImpactIndicator['target'], weight = 5): ImpactIndicator => ({
  id: 'x',
  area: 'a',
  label: 'x',
  weight,
  target,
  source: 'input',
});
const value = (v: number | null, last: number | null = null): IndicatorValue => ({
  applicable: true,
  value: v === null ? missing('missing-value', 'x') : known(v),
  lastYear: last === null ? missing('missing-value', 'x (fjol)') : known(last),
});

describe('judging an indicator', () => {
  it.each([
    ['≥ 70 reached at 70', indicator({ type: 'threshold', comparator: 'gte', value: 70 }), value(70), 'achieved'],
    [
      '≥ 70 missed at 69,9',
      indicator({ type: 'threshold', comparator: 'gte', value: 70 }),
      value(69.9),
      'not-achieved',
    ],
    ['≤ 10 reached at 4', indicator({ type: 'threshold', comparator: 'lte', value: 10 }), value(4), 'achieved'],
    [
      'down: 9,3 after 9,5',
      indicator({ type: 'better-than-last-year', direction: 'down' }),
      value(9.3, 9.5),
      'achieved',
    ],
    [
      'up: unchanged 86,1 is not better',
      indicator({ type: 'better-than-last-year', direction: 'up' }),
      value(86.1, 86.1),
      'not-achieved',
    ],
    [
      'missing value is missing, not failed',
      indicator({ type: 'threshold', comparator: 'gte', value: 70 }),
      value(null),
      'missing',
    ],
    [
      'missing last year is missing for a change target',
      indicator({ type: 'better-than-last-year', direction: 'up' }),
      value(82.1, null),
      'missing',
    ],
    [
      "another kommun's figure does not apply",
      indicator({ type: 'better-than-last-year', direction: 'up' }),
      { applicable: false } as IndicatorValue,
      'not-applicable',
    ],
  ] as const)('%s', (_name, i, v, status) => {
    const result = judgeIndicator(i, v);
    expect(result.status).toBe(status);
    expect(result.achievedPoints).toBe(status === 'achieved' ? i.weight : 0);
  });

  it('leaves a missing indicator out of the index and reports its points as not judged', () => {
    const result = impactIndex(socialBudget2023, (i) => (i.area === 'deltagarnojdhet' ? value(null) : value(100, 0)));
    const area = result.areas.find((a) => a.id === 'deltagarnojdhet')!;
    expect(area.index.value).toBeNull();
    expect(area.missingPoints).toBe(25);
    expect(result.missingPoints).toBe(25);
    expect(result.judgedPoints + result.missingPoints).toBe(
      socialBudget2023.indicators.reduce((a, i) => a + i.weight, 0),
    );
    expect(result.total.value).toBeGreaterThan(0);
  });
});

describe('configuration checks', () => {
  it('refuses weights more than ±5 % from the area points, naming the area and the sums', () => {
    const budget = { ...socialBudget2023, indicators: socialBudget2023.indicators.filter((i) => i.id !== 'mening') };
    expect(checkSocialBudget(budget)).toEqual([
      'Indikatorernas vikter i målområdet Medarbetarnöjdhet summerar till 16,5, men ska vara 25 ± 5 % (23,75–26,25)',
    ]);
    expect(socialBudgetSchema.safeParse(budget).success).toBe(false);
  });

  it('accepts the shipped social budget and every formula it names', () => {
    expect(checkSocialBudget(socialBudget2023)).toEqual([]);
    expect(
      formulaProblems({
        id: 'umearegionen',
        parties: umearegionen.parties.map((p) => ({ ...p })),
        years: umearegionen.years,
      }),
    ).toEqual([]);
  });

  it.each([
    ['an unknown formula', 'andel_lycka', /okänd formel ”andel_lycka”/],
    [
      'an unknown kommun',
      'helarsekvivalenter_andel:stockholm',
      /behöver en av förbundets kommuner .* inte ”stockholm”/,
    ],
    ['an unknown referring party', 'andel_ja_till_samverkan:polisen', /aktualiserande part .* inte ”polisen”/],
    ['an argument where none is taken', 'genomstromning:umea', /tar inget argument/],
  ])('refuses %s when the configuration loads', (_name, formula, message) => {
    const broken = {
      ...umearegionen,
      years: {
        ...umearegionen.years,
        '2023': {
          ...umearegionen.years?.['2023'],
          socialBudget: {
            ...socialBudget2023,
            indicators: socialBudget2023.indicators.map((i) =>
              i.id === 'genomstromning' ? { ...i, source: { formula } } : i,
            ),
          },
        },
      },
    };
    expect(() => buildRegistry([broken], TEMPLATE_INPUTS)).toThrow(ConfigurationError);
    expect(() => buildRegistry([broken], TEMPLATE_INPUTS)).toThrow(message);
  });
});
