import { seedRecords } from '../../tests/support/seed-records';
import { registry } from '../config/registry';
import { requirePeriod } from '../model/period';
import { findForbund } from '../model/selectors';
import type { ReportVariant } from '../indices/consolidation-model';
import { requiredPeriods } from '../indices/report-periods';
import { SUPPRESSION } from '../config/finance';
import { auditPublished } from '../../tests/support/suppression-audit';
import { consolidate } from './consolidate';
import { hiddenKey } from './template-figures';

const forbund = findForbund(registry, 'umearegionen')!;

const records = seedRecords;

const run = (variant: ReportVariant = 'internal', submissions = records()) =>
  consolidate({
    registry,
    forbund,
    period: requirePeriod('2023T3'),
    variant,
    basis: 'approved',
    generatedAt: '2024-02-01T06:00:00.000Z',
    submissions,
  });

const templateOf = (c: ReturnType<typeof run>, id: string) => c.templates.find((t) => t.definition.id === id)!;

describe('consolidating Umeåregionen 2023 from the seeds', () => {
  const report = run();
  const headline = (scope: string, label: string) =>
    report.headline.find((h) => h.scope === scope && h.label === label)!;

  it('reads only the periods it names: three years, the previous tertial and the helårsekvivalenter series', () => {
    expect(requiredPeriods(requirePeriod('2023T3'))).toEqual([
      '2023T3',
      '2023H1',
      '2023',
      '2022T3',
      '2022H1',
      '2022',
      '2021T3',
      '2021H1',
      '2021',
      '2023T2',
      // Ten first half-years in all (shared/config/scb-helarsekvivalenter.ts).
      '2014H1',
      '2015H1',
      '2016H1',
      '2017H1',
      '2018H1',
      '2019H1',
      '2020H1',
    ]);
    expect(requiredPeriods(requirePeriod('2023T1'))).toContain('2022T3');
  });

  it('puts Arbetsmarknadstorgen first, as the sum of its platforms, then the platforms', () => {
    const participants = templateOf(report, 'deltagare-avslut');
    expect(participants.scopes.map((s) => [s.scope.id, s.scope.kind])).toEqual([
      ['arbetsmarknadstorgen', 'group'],
      ['ungdomstorget', 'platform'],
      ['vuxentorget', 'platform'],
      ['samordningsteamen', 'platform'],
    ]);
    const antal = (i: number) => participants.scopes[i]!.periods.current!.numbers.get('deltagare.antal.tot')!.value;
    expect(antal(0)).toBe(antal(1)! + antal(2)! + antal(3)!);
  });

  it.each([
    ['Andel positiv lösning', 62, 66, false],
    ['Andel till arbete (av positiva)', 35, 38, true],
    ['Andel till studier (av positiva)', 17, 19, false],
    ['Andel vidare till Arbetsförmedlingen (av positiva)', 25, 26, true],
    ['Genomströmning (avslutade av deltagare)', 30, 38, false],
  ])('Arbetsmarknadstorgen: %s %d % (2022: %d %), target reached: %s', (label, now, before, reached) => {
    const row = headline('Arbetsmarknadstorgen', label);
    expect(Math.round(row.current.value as number)).toBe(now);
    expect(Math.round(row.lastYear.value as number)).toBe(before);
    expect(row.reached).toBe(reached);
  });

  it('computes the Impactindex for every scope with its areas', () => {
    const impact = report.computed.impactindex!;
    const torgen = impact.scopes.find((s) => s.id === 'arbetsmarknadstorgen')!;
    expect(torgen.current?.areas.map((a) => a.id)).toEqual([
      'samhallsnytta',
      'samordning',
      'jamlik',
      'deltagarnojdhet',
      'medarbetarnojdhet',
    ]);
    expect(torgen.current?.missingPoints).toBe(0);
    expect(torgen.current?.total.value).toBeGreaterThan(0);
    // Ungdomstorget is Umeå's: the kranskommuner's helårsekvivalenter do not apply to it.
    const ut = impact.scopes.find((s) => s.id === 'ungdomstorget')!.current!;
    expect(
      ut.indicators
        .filter((i) => i.status === 'not-applicable')
        .map((i) => i.indicator.id)
        .sort(),
    ).toEqual(
      [
        'akd_bjurholm',
        'akd_nordmaling',
        'akd_robertsfors',
        'akd_vannas',
        'akd_vindeln',
        'hae_bjurholm',
        'hae_nordmaling',
        'hae_robertsfors',
        'hae_vannas',
        'hae_vindeln',
      ].sort(),
    );
  });

  it('judges helårsekvivalenter and arbetskraftsdeltagande per kommun against last year (seed 004, Bilaga 4)', () => {
    const torgen = report.computed.impactindex!.scopes.find((s) => s.id === 'arbetsmarknadstorgen')!.current!;
    const status = (id: string) => torgen.indicators.find((i) => i.indicator.id === id)!.status;
    expect([status('hae_umea'), status('hae_vindeln'), status('hae_bjurholm')]).toEqual([
      'achieved',
      'not-achieved',
      'not-achieved',
    ]);
    expect([status('akd_umea'), status('akd_vindeln'), status('akd_bjurholm')]).toEqual([
      'achieved',
      'not-achieved',
      'not-achieved',
    ]);
  });

  it('shows the strategic indicators, helårsekvivalenter and money', () => {
    const section = report.computed.helarsekvivalenter!;
    const hae = section.kommuner.find((k) => k.current.id === 'umea')!;
    expect(hae.share.current.value).toBeCloseTo(9.3, 1);
    expect(hae.share.assessment).toBe('good');
    // The förbund is its kommuner's sums; riket comes from the same SCB file (made-up figures).
    const { forbund, riket, series } = section;
    const kommuner = section.kommuner.map((k) => k.current);
    const sum = (pick: (k: (typeof kommuner)[number]) => number | null) => kommuner.reduce((n, k) => n + pick(k)!, 0);
    expect(forbund.current.total.share.value).toBeCloseTo(
      (sum((k) => k.total.count.value) / sum((k) => k.population.value)) * 100,
      9,
    );
    expect(riket.current.total.share.value).toBeCloseTo((700566 / 5937000) * 100, 9);
    expect(riket.current.scbShare.value).toBe(11.82);
    expect(series.periods).toEqual(['2022H1', '2023H1']);
    expect(
      series.rows.map((r) => [r.name, r.shares.map((m) => (m.value === null ? null : Math.round(m.value * 10) / 10))]),
    ).toEqual([
      ['Umeå kommun', [9.5, 9.3]],
      ['Vännäs kommun', [11.4, 11]],
      ['Vindelns kommun', [12.4, 12.5]],
      ['Robertsfors kommun', [12, 11.6]],
      ['Nordmalings kommun', [13.6, 13.1]],
      ['Bjurholms kommun', [13.4, 13.9]],
      ['Samordningsförbundet Umeåregionen', [10, 9.8]],
      ['Riket', [12.1, 11.8]],
    ]);
    const economy = report.computed.ekonomi!;
    expect(economy.outcome?.costs.avvikelse.value).toBe(1063);
    expect(economy.equity.limit.value).toBeCloseTo(2087.45, 9);
    expect(economy.equity.withinLimit).toBe(false);
    expect(economy.equityLastYear.value).toBe(2036);
    expect(economy.contributionsMissing).toMatch(/Befolkningsandelar för 2023 saknas/);
    const indicators = templateOf(report, 'strategiska-indikatorer');
    const umea = indicators.scopes.find((s) => s.scope.id === 'umea')!;
    const lta = (key: 'current' | 'lastYear') => umea.periods[key]!.numbers.get('indikatorer.lta_12.varde')!.value!;
    expect(lta('current') - lta('lastYear')).toBe(-195);
  });

  it('adds the kommuner up to the förbund where the figure is a count (Bilaga 4: Umeåregionen 1 063)', () => {
    const indicators = templateOf(report, 'strategiska-indikatorer');
    const total = indicators.scopes.find((s) => s.scope.kind === 'total')!;
    expect(total.scope.name).toBe('Umeåregionen');
    expect(total.periods.current!.numbers.get('indikatorer.lta_12.varde')!.value).toBe(1063);
    expect(total.periods.lastYear!.numbers.get('indikatorer.lta_12.varde')!.value).toBe(1296);
    // A share does not add up: the förbund has no arbetskraftsdeltagande of its own.
    expect(total.periods.current!.numbers.has('indikatorer.arbetskraftsdeltagande.varde')).toBe(false);
  });

  it("lists every submission used, with its hash; none of the seed's is missing", () => {
    const used = report.completeness.flatMap((r) => r.used);
    expect(used.length).toBe(records().length);
    expect(used.every((u) => /^[0-9a-f]{64}$/.test(u.sha256))).toBe(true);
    const missing = report.completeness
      .filter((r) => r.used.length === 0)
      .map((r) => `${r.templateId} ${r.period} ${r.scope}`);
    expect(missing).toEqual([]);
  });

  it('notes the rounding differences of the economy submission', () => {
    expect(
      report.notes.some((n) =>
        n.startsWith('Kansli, styrelse och administration: den inrapporterade summan avviker med 1 tkr'),
      ),
    ).toBe(true);
  });

  it("lists on Kontroll what breaks a template's rule: Samordningsteamen's undecided referrals, at the source", () => {
    expect(report.checks.map((c) => [c.scope, c.ruleId, c.cell, c.difference])).toEqual([
      ['Samordningsteamen i kranskommunerna', 'beslut_alla', 'aktualiserade.aktualiserade.af', 1],
      ['Samordningsteamen i kranskommunerna', 'beslut_alla', 'aktualiserade.aktualiserade.fk', 1],
      ['Samordningsteamen i kranskommunerna', 'beslut_alla', 'aktualiserade.aktualiserade.soc', 3],
      ['Samordningsteamen i kranskommunerna', 'beslut_alla', 'aktualiserade.aktualiserade.ovr_kommun', 2],
      ['Samordningsteamen i kranskommunerna', 'beslut_alla', 'aktualiserade.aktualiserade.region', 2],
      ['Samordningsteamen i kranskommunerna', 'beslut_alla', 'aktualiserade.aktualiserade.tot', 9],
    ]);
  });

  it('is pure: the same input gives the same output', () => {
    const plain = (value: unknown) =>
      JSON.stringify(value, (_k, v: unknown) => (v instanceof Set ? [...v] : v instanceof Map ? [...v] : v));
    expect(plain(run())).toBe(plain(report));
  });
});

describe('missing and unapproved submissions', () => {
  it('leaves the group missing when a platform has not reported, naming it', () => {
    const report = run(
      'internal',
      records((r) => !(r.templateId === 'deltagare-avslut' && r.scope === 'vuxentorget' && r.period === '2023T3')),
    );
    const row = report.headline.find((h) => h.scope === 'Arbetsmarknadstorgen' && h.label === 'Andel positiv lösning')!;
    expect(row.current.value).toBeNull();
    expect(row.current.missing).toEqual({
      code: 'not-reported',
      what: 'Deltagare och avslut per plattform, Vuxentorget, 2023T3',
    });
    expect(row.reached).toBeNull();
  });
});

describe('the published variant', () => {
  const report = run('published');
  const participants = templateOf(report, 'deltagare-avslut');
  const hidden = (scope: string, cell: string, period: 'current' | 'lastYear' = 'current') =>
    participants.hidden.has(hiddenKey(scope, period, cell));

  it('hides counts 1–4 and every cell they could be recomputed from', () => {
    // Samordningsteamen 2023: studier 2 women / 1 man → both hidden, and so must be enough of the sums around them.
    expect(hidden('samordningsteamen', 'deltagare.studier.k')).toBe(true);
    expect(hidden('samordningsteamen', 'deltagare.studier.m')).toBe(true);
    expect(hidden('samordningsteamen', 'deltagare.studier.tot')).toBe(true);
    // Nothing large is hidden for no reason: Arbetsmarknadstorgen's participants stay visible.
    expect(hidden('arbetsmarknadstorgen', 'deltagare.antal.tot')).toBe(false);
    expect(participants.hidden.size).toBeGreaterThan(3);
  });

  // Audited as a reader would attack the tables (tests/support/suppression-audit.ts); an equation
  // that does not hold for the figures (a varning accepted with a comment) gives nothing away.
  it('leaves no hidden count of 1–4, in any template, that a reader can narrow to fewer than five values', () => {
    const audited = report.templates.flatMap((figures) => auditPublished(figures, SUPPRESSION.limit));
    expect(audited.length).toBeGreaterThan(10);
    expect(audited.filter((a) => a.high - a.low < SUPPRESSION.limit)).toEqual([]);
  });

  it("hides small counts among the strategic indicators (Bjurholm's 2 and 3 unga långtidsarbetslösa)", () => {
    const indicators = templateOf(report, 'strategiska-indikatorer');
    const at = (scope: string, period: 'current' | 'lastYear') =>
      indicators.hidden.has(hiddenKey(scope, period, 'indikatorer.unga_lta_6.varde'));
    expect(at('bjurholm', 'current')).toBe(true);
    expect(at('bjurholm', 'lastYear')).toBe(true);
    // The förbund's sum would give Bjurholm away, so one more cell of that sum is hidden.
    const row = ['umea', 'vannas', 'vindeln', 'robertsfors', 'nordmaling', 'bjurholm', 'umearegionen'];
    expect(row.filter((s) => at(s, 'current')).length).toBeGreaterThanOrEqual(2);
  });
});
