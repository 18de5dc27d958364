import { seedRecords } from '../../tests/support/seed-records';
import { registry } from '../config/registry';
import { requirePeriod } from '../model/period';
import { findForbund } from '../model/selectors';
import { consolidate } from './consolidate';
import type { ReportVariant } from './consolidation-model';
import { requiredPeriods } from './report-periods';

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

describe('consolidating Umeåregionen 2023 from the seeds', () => {
  const report = run();
  const headline = (scope: string, label: string) =>
    report.headline.find((h) => h.scope === scope && h.label === label)!;

  it('reads only the periods it names: three years, and the first half-years of the helårsekvivalenter series', () => {
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
      // Ten first half-years in all (shared/config/scb-helarsekvivalenter.ts).
      '2014H1',
      '2015H1',
      '2016H1',
      '2017H1',
      '2018H1',
      '2019H1',
      '2020H1',
    ]);
  });

  it('puts Arbetsmarknadstorgen first, then the platforms', () => {
    expect(report.participants.map((p) => [p.id, p.kind])).toEqual([
      ['arbetsmarknadstorgen', 'group'],
      ['ungdomstorget', 'platform'],
      ['vuxentorget', 'platform'],
      ['samordningsteamen', 'platform'],
    ]);
  });

  it.each([
    ['Andel positiv lösning', 62, 66, false],
    ['varav till arbete', 35, 38, true],
    ['varav till studier', 17, 19, false],
    ['varav vidare till Arbetsförmedlingen', 25, 26, true],
    ['Genomströmning', 30, 38, false],
  ])('Arbetsmarknadstorgen: %s %d % (2022: %d %), target reached: %s', (label, now, before, reached) => {
    const row = headline('Arbetsmarknadstorgen', label);
    expect(Math.round(row.current.value as number)).toBe(now);
    expect(Math.round(row.lastYear.value as number)).toBe(before);
    expect(row.reached).toBe(reached);
  });

  it('computes the Impactindex for every scope with its areas, and says why last year has none', () => {
    const torgen = report.impact.scopes.find((s) => s.id === 'arbetsmarknadstorgen')!;
    expect(torgen.current?.areas.map((a) => a.id)).toEqual([
      'samhallsnytta',
      'samordning',
      'jamlik',
      'deltagarnojdhet',
      'medarbetarnojdhet',
    ]);
    expect(torgen.current?.missingPoints).toBe(0);
    expect(torgen.current?.total.value).toBeGreaterThan(0);
    expect(torgen.lastYear).toBeUndefined();
    expect(report.impact.lastYearMissing).toMatch(/Social budget för 2022 saknas/);
    // Ungdomstorget is Umeå's: the kranskommuner's helårsekvivalenter do not apply to it.
    const ut = report.impact.scopes.find((s) => s.id === 'ungdomstorget')!.current!;
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
    const torgen = report.impact.scopes.find((s) => s.id === 'arbetsmarknadstorgen')!.current!;
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
    const hae = report.helarsekvivalenter.kommuner.find((k) => k.current.id === 'umea')!;
    expect(hae.share.current.value).toBeCloseTo(9.3, 1);
    expect(hae.share.assessment).toBe('good');
    // The förbund is its kommuner's sums; riket comes from the same SCB file (made-up figures).
    const { forbund, riket, series } = report.helarsekvivalenter;
    const kommuner = report.helarsekvivalenter.kommuner.map((k) => k.current);
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
    expect(report.economy.outcome?.costs.avvikelse.value).toBe(1063);
    expect(report.economy.equity.limit.value).toBeCloseTo(2087.45, 9);
    expect(report.economy.equity.withinLimit).toBe(false);
    expect(report.economy.equityLastYear.value).toBe(2036);
    expect(report.economy.contributionsMissing).toMatch(/Befolkningsandelar för 2023 saknas/);
    expect(report.indicators.rows.find((r) => r.rowId === 'lta_12')!.byKommun[0]!.comparison.diff.value).toBe(-195);
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

  it('is pure: the same input gives the same output', () => {
    expect(JSON.stringify(run(), (_k, v: unknown) => (v instanceof Set ? [...v] : v instanceof Map ? [...v] : v))).toBe(
      JSON.stringify(report, (_k, v: unknown) => (v instanceof Set ? [...v] : v instanceof Map ? [...v] : v)),
    );
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
  const scope = (id: string) => report.participants.find((p) => p.id === id)!;

  it('hides counts 1–4 and every cell they could be recomputed from', () => {
    const kr = scope('samordningsteamen');
    // Samordningsteamen 2023: studier 2 women / 1 man → both hidden, and so must be enough of the sums around them.
    expect(kr.hidden.has('current:deltagare.studier.k')).toBe(true);
    expect(kr.hidden.has('current:deltagare.studier.m')).toBe(true);
    expect(kr.hidden.has('current:deltagare.studier.tot')).toBe(true);
    // Nothing large is hidden for no reason: Arbetsmarknadstorgen's participants stay visible.
    expect(scope('arbetsmarknadstorgen').hidden.has('current:deltagare.antal.tot')).toBe(false);
    // Every hidden key names a figure the scope has, this year's or last year's.
    const unknown = report.participants.flatMap((s) =>
      [...s.hidden].filter((key) => {
        const [year, cellId = ''] = key.split(':');
        return !(year === 'current' ? s.current : year === 'lastYear' ? s.lastYear : new Map()).has(cellId);
      }),
    );
    expect(unknown).toEqual([]);
    // The internal variant hides nothing.
    expect(
      run('internal')
        .participants.filter((s) => s.hidden.size > 0)
        .map((s) => s.id),
    ).toEqual([]);
  });

  it('leaves no rule of the template with exactly one hidden cell', () => {
    const kr = scope('samordningsteamen');
    const rows = [
      'antal',
      'nya',
      'avslutade',
      'positiv',
      'arbete',
      'studier',
      'vidare_af',
      'saknar_arbetsformaga',
      'halsoskal',
      'avbrott',
      'kvar',
    ];
    for (const row of rows) {
      const hidden = ['k', 'm', 'tot'].filter((c) => kr.hidden.has(`current:deltagare.${row}.${c}`));
      expect([row, hidden.length === 1]).toEqual([row, false]);
    }
  });

  it("hides small counts among the strategic indicators (Bjurholm's 2 and 3 unga långtidsarbetslösa)", () => {
    expect(report.indicators.hidden.has('unga_lta_6:bjurholm:current')).toBe(true);
    expect(report.indicators.hidden.has('unga_lta_6:bjurholm:lastYear')).toBe(true);
    expect(report.indicators.hidden.has('unga_lta_6:umea:current')).toBe(false);
  });
});
