import { bilaga4Diff, bilaga4Forbund } from '../../tests/fixtures/seeds/seed-004-bilaga-4';
import { seedRecords } from '../../tests/support/seed-records';
import { registry } from '../config/registry';
import { compare } from '../indices/comparison';
import { measureAt } from '../indices/cell-measures';
import { mergeOwnedValues } from '../indices/owned-values';
import { resolveTemplate } from '../model/resolve';
import { findForbund, findTemplate } from '../model/selectors';
import { consolidate } from './consolidate';
import { requirePeriod } from '../model/period';

const forbund = findForbund(registry, 'umearegionen')!;
const template = resolveTemplate(findTemplate(registry, 'strategiska-indikatorer', 2023)!, forbund, 2023);
const kommuner = forbund.parties.filter((p) => p.kind === 'kommun');
// The seed submissions, each row sent by the party that owns it, consolidated as the report does.
const figures = consolidate({
  registry,
  forbund,
  period: requirePeriod('2023'),
  variant: 'internal',
  basis: 'approved',
  generatedAt: '2024-02-01T06:00:00.000Z',
  submissions: seedRecords(),
}).templates.find((t) => t.definition.id === 'strategiska-indikatorer')!;
const at = (id: string, kommun: string) => {
  const scope = figures.scopes.find((s) => s.scope.id === kommun)!;
  const cell = `indikatorer.${id}.varde`;
  const direction = template.cellById.get(cell) && template.sections[0]!.rows.find((r) => r.id === id)?.direction;
  return compare(
    measureAt(scope.periods.current!.numbers, cell),
    measureAt(scope.periods.lastYear!.numbers, cell),
    direction,
  );
};

describe('seed 004, Bilaga 4: strategic indicators per kommun', () => {
  it.each(
    Object.entries(bilaga4Diff).flatMap(([indicator, byKommun]) =>
      Object.entries(byKommun).map(([kommun, diff]) => [indicator, kommun, diff] as const),
    ),
  )('%s %s: Diff %d', (indicator, kommun, diff) => {
    expect(at(indicator, kommun).diff.value).toBeCloseTo(diff, 9);
  });

  // The Diff columns of the tables the fixture's bilaga4Diff leaves out, as printed.
  it.each([
    ['unga_lta_6', { umea: -42, nordmaling: 0, vannas: -4, vindeln: -2, bjurholm: 1, robertsfors: 0 }],
    ['lta_12', { umea: -195, nordmaling: -12, vannas: -13, vindeln: -2, bjurholm: 3, robertsfors: -14 }],
    ['lta_24', { umea: -110, nordmaling: -16, vannas: -7, vindeln: -5, bjurholm: 4, robertsfors: -11 }],
    ['fs_0_10', { umea: -2.2 }],
    ['fs_11_36', { umea: 5.5 }],
    ['fs_36', { umea: -3.5 }],
    ['fs_snitt', { umea: 0 }],
    ['aterupptar_studier', { umea: 1, vannas: -29 }],
    ['barn_forsorjningsstod', { umea: -147 }],
  ] as const)('%s: every printed Diff', (indicator, diffs) => {
    for (const [kommun, diff] of Object.entries(diffs))
      expect([kommun, at(indicator, kommun).diff.value]).toEqual([kommun, expect.closeTo(diff, 9)]);
  });

  it.each(
    Object.entries(bilaga4Forbund).flatMap(([indicator, years]) =>
      Object.entries(years).map(([year, total]) => [indicator, year, total] as const),
    ),
  )('%s %s: Umeåregionen %d = Σ kommuner', (indicator, year, total) => {
    const sum = kommuner.reduce(
      (acc, k) =>
        acc + ((year === '2023' ? at(indicator, k.id).current : at(indicator, k.id).lastYear).value ?? Number.NaN),
      0,
    );
    expect(sum).toBe(total);
    // …and the consolidated förbund row says the same.
    const whole = at(indicator, 'umearegionen');
    expect((year === '2023' ? whole.current : whole.lastYear).value).toBe(total);
  });

  it.each([
    ['helarsekvivalenter', 'umea', 'good'], // 9,5 → 9,3, down is good
    ['helarsekvivalenter', 'bjurholm', 'bad'], // 13,4 → 13,9
    ['arbetskraftsdeltagande', 'vindeln', 'unchanged'], // 86,1 → 86,1
    ['arbetskraftsdeltagande', 'bjurholm', 'bad'], // 87,8 → 87
    ['sjukpenningtal', 'umea', 'bad'], // up is bad
    ['lta_12', 'umea', 'good'],
    ['gymnasieexamen', 'robertsfors', 'bad'],
  ] as const)("%s %s is %s by the indicator's direction", (indicator, kommun, assessment) => {
    expect(at(indicator, kommun).assessment).toBe(assessment);
  });

  it('keeps what the seed leaves blank missing: no value, no Diff, no assessment', () => {
    const c = at('fs_0_10', 'nordmaling');
    expect([c.current.value, c.lastYear.value, c.diff.value, c.assessment]).toEqual([null, null, null, 'unknown']);
    expect(c.current.missing?.code).toBe('missing-value');
    const robertsfors = at('aterupptar_studier', 'robertsfors');
    expect(robertsfors.diff.value).toBeNull();
  });
});

describe("merging several parties' rows for one kommun", () => {
  it('takes each row from its owner, and SCB rows from kansliet', () => {
    const merged = mergeOwnedValues(template, [
      { submitter: 'af', submittedAt: '2024-01-10T00:00:00Z', values: { 'indikatorer.lta_12.varde': 866 } },
      {
        submitter: 'kommun',
        submittedAt: '2024-01-12T00:00:00Z',
        values: { 'indikatorer.gymnasieexamen.varde': 77.9 },
      },
      {
        submitter: 'kansli',
        submittedAt: '2024-01-11T00:00:00Z',
        values: { 'indikatorer.arbetskraftsdeltagande.varde': 82.1, 'indikatorer.lta_12.varde': 870 },
      },
    ]);
    expect(merged['indikatorer.lta_12.varde']).toBe(866);
    expect(merged['indikatorer.gymnasieexamen.varde']).toBe(77.9);
    expect(merged['indikatorer.arbetskraftsdeltagande.varde']).toBe(82.1);
    expect(merged['indikatorer.sjukpenningtal.varde']).toBeNull();
  });
});
