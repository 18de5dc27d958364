import { bilaga3Avvikelse2023, bilaga3Utfall2023 } from '../../../tests/fixtures/seeds/seed-004-bilaga-3';
import type { BudgetGroup } from '../../model/forbund-schema';
import { resolveTemplate } from '../../model/resolve';
import { findForbund, findTemplate, maySubmit } from '../../model/selectors';
import { renderFinding } from '../../validation/messages-sv';
import { validateSubmission } from '../../validation/validate';
import { registry } from '../registry';

const forbund = findForbund(registry, 'umearegionen')!;
const definition = findTemplate(registry, 'ekonomi-utfall', 2023)!;
const template = resolveTemplate(definition, forbund, 2023);

/** The seeds' printed budget totals per group (seed 004 Bilaga 3 for 2023; seed 001 for 2024–2026). */
const printedBudget: Record<string, Record<BudgetGroup, number>> = {
  '2023': { intakter: 11485, kansli: -3035, verksamhetsnara: -660, insatser: -8940 },
  '2024': { intakter: 11785, kansli: -3027, verksamhetsnara: -870, insatser: -8870 },
  '2025': { intakter: 11785, kansli: -2682, verksamhetsnara: -520, insatser: -7760 },
  '2026': { intakter: 11485, kansli: -2672, verksamhetsnara: -520, insatser: -7610 },
};

const groupSum = (year: string, group: BudgetGroup) =>
  (forbund.years[year]?.budget ?? []).filter((l) => l.group === group).reduce((a, l) => a + l.budget, 0);

describe('Umeåregionen’s budget lines', () => {
  it.each(Object.keys(printedBudget))(
    'add up to the printed group totals for %s, except where the seed does not',
    (year) => {
      const differences = (Object.keys(printedBudget[year]!) as BudgetGroup[])
        .map((group) => [group, groupSum(year, group) - printedBudget[year]![group]] as const)
        .filter(([, difference]) => difference !== 0);
      // Seed 001 prints ESF-förstudie −150 for 2025, but the 2025 Summa (−520), total and result leave it out.
      expect(differences).toEqual(year === '2025' ? [['verksamhetsnara', -150]] : []);
    },
  );

  it('splits 2024’s contributions 50 / 25 / 25, the kommuner’s part one tkr short of the Region’s', () => {
    const budget = forbund.years['2024']!.budget!;
    const of = (id: string) => budget.find((l) => l.id === id)!.budget;
    const kommuner = ['umea', 'vannas', 'nordmaling', 'vindeln', 'robertsfors', 'bjurholm'].reduce(
      (a, k) => a + of(`avgift_${k}`),
      0,
    );
    expect([of('avgift_fk'), of('avgift_region'), kommuner]).toEqual([5677, 2839, 2838]);
    expect(of('avgift_fk')).toBe(of('avgift_region') + kommuner);
  });
});

describe('ekonomi-utfall', () => {
  it('lists each group’s budget lines, then its Summa, with the budget as help', () => {
    const kansli = template.sections.find((s) => s.id === 'kansli')!;
    expect(kansli.rows.map((r) => r.id)).toEqual([
      'arvoden_styrelsen',
      'arvoden_revisorer',
      'kanslipersonal',
      'ekonomihantering',
      'lokalhyra',
      'konferens_utbildning',
      'resor_logi',
      'ovrigt_kontor',
      'summa',
    ]);
    expect(kansli.rows[0]).toMatchObject({ label: 'Arvoden till styrelsen', help: 'Budget: \u2212300 tkr' });
    expect(kansli.rows.at(-1)!.cells.map((c) => c.column)).toEqual(['utfall']);
  });

  it('follows each year’s budget lines (2024: contributions per member)', () => {
    const t2024 = resolveTemplate(findTemplate(registry, 'ekonomi-utfall', 2024)!, forbund, 2024);
    expect(t2024.sections[0]!.rows.map((r) => r.id)).toEqual([
      'avgift_fk',
      'avgift_umea',
      'avgift_vannas',
      'avgift_nordmaling',
      'avgift_vindeln',
      'avgift_robertsfors',
      'avgift_bjurholm',
      'avgift_region',
      'esf_stod',
      'ovriga_intakter',
      'summa',
    ]);
  });

  it('is reported by kansliet, tertial by tertial, year to date', () => {
    expect(definition.period).toEqual({ kind: 'tertial', cumulative: true });
    for (const party of forbund.parties) expect(maySubmit(definition, forbund, party.id, 'umearegionen')).toBe(false);
  });

  it('accepts seed 004 Bilaga 3 as published: its subtotals are off by rounding only (1–2 tkr)', () => {
    expect(validateSubmission(template, bilaga3Utfall2023, { submitter: 'kansli' }).findings).toEqual([]);
  });

  it('warns, and does not block, when a subtotal is off by more than rounding explains', () => {
    const { findings } = validateSubmission(template, { ...bilaga3Utfall2023, 'kansli.summa.utfall': -2681 });
    expect(findings.map((f) => [f.cellId, f.rule, f.severity])).toEqual([
      ['kansli.summa.utfall', 'summa_kansli', 'varning'],
      ['resultat.totala_kostnader.utfall', 'totala_kostnader', 'varning'],
    ]);
    expect(renderFinding(findings[0]!)).toBe(
      'Varning i Ekonomi!B21 (Summa kansli, styrelse och administration, Utfall (tkr)): Summan ska ' +
        'vara summan av posterna för kansli, styrelse och administration. Angivet värde är ' +
        '−2\u00a0681, men B13 + B14 + B15 + B16 + B17 + B18 + B19 + B20 blir −2\u00a0862 (skillnad 181).',
    );
  });

  it('allows half a tkr per line: 4 tkr over eight kansli lines passes, 5 warns', () => {
    const at = (summa: number) =>
      validateSubmission(template, {
        ...bilaga3Utfall2023,
        'kansli.summa.utfall': summa,
        'resultat.totala_kostnader.utfall': summa - 630 - 8077,
        'resultat.resultat.utfall': 11583 + summa - 630 - 8077,
      }).findings;
    expect(at(-2858)).toEqual([]);
    expect(at(-2857).map((f) => [f.rule, f.severity])).toEqual([['summa_kansli', 'varning']]);
  });

  it('refuses a cost typed without its minus sign', () => {
    const { findings } = validateSubmission(template, { ...bilaga3Utfall2023, 'kansli.arvoden_styrelsen.utfall': 181 });
    expect(findings.find((f) => f.cellId === 'kansli.arvoden_styrelsen.utfall')).toMatchObject({
      code: 'above-max',
      severity: 'fel',
    });
  });

  it('does not collect Avvikelse, where the seed errs: it is utfall − budget, derived', () => {
    const avvikelse = (group: BudgetGroup) => bilaga3Utfall2023[`${group}.summa.utfall`]! - groupSum('2023', group);
    expect(avvikelse('intakter')).toBe(98);
    expect(bilaga3Avvikelse2023.intakter).toBe(0);
    expect(avvikelse('verksamhetsnara')).toBe(30);
    expect(bilaga3Avvikelse2023.verksamhetsnara).toBe(70);
    expect(avvikelse('kansli') + avvikelse('verksamhetsnara') + avvikelse('insatser')).toBe(
      bilaga3Avvikelse2023.kostnader,
    );
    expect(template.cells.some((c) => c.column === 'avvikelse')).toBe(false);
  });
});
