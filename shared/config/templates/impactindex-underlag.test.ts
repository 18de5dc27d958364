import { checkSocialBudget, forbundSchema } from '../../model/forbund-schema';
import { resolveTemplate } from '../../model/resolve';
import { findForbund, findTemplate, maySubmit } from '../../model/selectors';
import { validateSubmission } from '../../validation/validate';
import { umearegionen } from '../forbund/umearegionen';
import { registry } from '../registry';

const forbund = findForbund(registry, 'umearegionen')!;
const budget = forbund.years['2023']!.socialBudget!;
const definition = findTemplate(registry, 'impactindex-underlag', 2023)!;
const template = resolveTemplate(definition, forbund, 2023);

describe('Umeåregionen’s social budget 2023', () => {
  it('has the published areas and points (250 = index 100) and target index 70', () => {
    expect(budget.areas.map((a) => [a.name, a.points])).toEqual([
      ['Samhälls- & medborgarnytta', 100],
      ['God samordning & medlemsnytta', 50],
      ['Jämlik samverkan', 50],
      ['Deltagarnöjdhet', 25],
      ['Medarbetarnöjdhet', 25],
    ]);
    expect(budget.areas.reduce((a, b) => a + b.points, 0)).toBe(250);
    expect(budget.targetIndex).toBe(70);
    expect(checkSocialBudget(budget)).toEqual([]);
  });

  it('uses the published targets for the computed indicators', () => {
    const target = (id: string) => budget.indicators.find((i) => i.id === id)!.target;
    expect([
      target('positiv_losning'),
      target('arbete'),
      target('studier'),
      target('vidare_af'),
      target('genomstromning'),
      target('ja_af'),
    ]).toEqual([70, 35, 25, 20, 40, 80].map((value) => ({ type: 'threshold', comparator: 'gte', value })));
    expect(target('hae_umea')).toEqual({ type: 'better-than-last-year', direction: 'down' });
    expect(target('akd_bjurholm')).toEqual({ type: 'better-than-last-year', direction: 'up' });
  });

  it('names these formulas for the computed indicators (the lead implements them)', () => {
    const formulas = new Set(
      budget.indicators.flatMap((i) => (i.source === 'input' ? [] : [i.source.formula.split(':')[0]])),
    );
    expect([...formulas].sort()).toEqual([
      'andel_arbete',
      'andel_ja_till_samverkan',
      'andel_positiv_losning',
      'andel_studier',
      'andel_vidare_af',
      'arbetskraftsdeltagande',
      'genomstromning',
      'helarsekvivalenter_andel',
      'konsskillnad_arbete',
      'konsskillnad_positiv_losning',
    ]);
  });

  it('is refused when an area’s weights stray more than ±5 %, naming the area and the sums', () => {
    const bad = {
      ...umearegionen,
      years: {
        ...umearegionen.years,
        '2023': {
          ...umearegionen.years!['2023'],
          socialBudget: { ...budget, indicators: budget.indicators.filter((i) => i.id !== 'mening') },
        },
      },
    };
    const result = forbundSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      'Indikatorernas vikter i målområdet Medarbetarnöjdhet summerar till 16,5, men ska vara 25 ± 5 % (23,75–26,25)',
    ]);
  });
});

describe('impactindex-underlag', () => {
  it('asks for every input indicator of the social budget, one section per area that has any', () => {
    const asked = template.sections.flatMap((s) => s.rows.map((r) => r.id));
    // The budget's own area-1 survey indicators (chosen, see the budget's comment) get a section too.
    expect(asked.sort()).toEqual(
      budget.indicators
        .filter((i) => i.source === 'input')
        .map((i) => i.id)
        .sort(),
    );
    for (const section of template.sections) expect(section.rows.length).toBeGreaterThan(0);
  });

  it('is reported per platform by the kommuner that run it', () => {
    expect(maySubmit(definition, forbund, 'umea', 'ungdomstorget')).toBe(true);
    expect(maySubmit(definition, forbund, 'vindeln', 'samordningsteamen')).toBe(true);
    expect(maySubmit(definition, forbund, 'vindeln', 'ungdomstorget')).toBe(false);
    expect(findTemplate(registry, 'impactindex-underlag', 2024)).toBeUndefined();
  });

  it('takes survey results as percentages and refuses anything above 100', () => {
    const ok = validateSubmission(template, {
      'deltagarnojdhet.bemotande.varde': '92,5',
      'medarbetarnojdhet.mening.varde': '81 %',
    });
    expect(ok.findings).toEqual([]);
    expect(ok.values['medarbetarnojdhet.mening.varde']).toBe(81);
    const [finding] = validateSubmission(template, { 'deltagarnojdhet.bemotande.varde': 110 }).findings;
    expect(finding).toMatchObject({ code: 'above-max', cellId: 'deltagarnojdhet.bemotande.varde' });
  });
});
