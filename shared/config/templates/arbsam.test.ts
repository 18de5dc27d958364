import { arbsam2025 } from '../../../tests/fixtures/seeds/seed-000-arbsam';
import { resolveTemplate } from '../../model/resolve';
import { findForbund, findTemplate, maySubmit } from '../../model/selectors';
import { renderFinding } from '../../validation/messages-sv';
import { validateSubmission } from '../../validation/validate';
import { registry } from '../registry';

const forbund = findForbund(registry, 'skelleftea-norsjo')!;
const definition = findTemplate(registry, 'arbsam', 2025)!;
const template = resolveTemplate(definition, forbund, 2025);

/** Seed 000 with its three published errors corrected, to show nothing else is flagged. */
const corrected = {
  ...arbsam2025,
  'remittent.af.tot': 24,
  'remittent.kommuner.m': 57, // one of the groups must give: K 61 → 62 and M 88 → 87
  'remittent.kommuner.k': 29,
  'forum.behov.antal': 58,
};

describe('arbsam (seed 000)', () => {
  it('is Skellefteå-Norsjö’s own, reported by Skellefteå kommun for ArbSam', () => {
    expect(definition.forbund).toEqual(['skelleftea-norsjo']);
    expect(maySubmit(definition, forbund, 'skelleftea', 'arbsam')).toBe(true);
    expect(maySubmit(definition, forbund, 'af', 'arbsam')).toBe(false);
    expect(findTemplate(registry, 'arbsam', 2025)).toBeDefined();
    expect(registry.forbund.find((f) => f.id === 'umearegionen')!.templates).not.toContain('arbsam');
  });

  // Tallies that do not add up are varningar: sent with a comment, then listed on the consolidated
  // workbook's Kontroll sheet.
  it('catches exactly the published errors of seed 000, each as a varning on its cell', () => {
    const { findings } = validateSubmission(template, arbsam2025);
    expect(findings.map((f) => [f.cellId, f.rule, f.severity, f.params.actual, f.params.expected])).toEqual([
      ['remittent.af.tot', 'remittent_kon', 'varning', 25, 24],
      ['remittent.samtliga.k', 'remittent_samtliga', 'varning', 62, 61],
      ['remittent.samtliga.m', 'remittent_samtliga', 'varning', 87, 88],
      ['remittent.samtliga.tot', 'remittent_samtliga', 'varning', 149, 150],
      ['forum.behov.antal', 'forum_ursprung', 'varning', 60, 58],
    ]);
  });

  it('names the Arbetsförmedlingen Totalt cell: 9 women + 15 men stated as 25', () => {
    const { findings } = validateSubmission(template, arbsam2025);
    const af = findings.find((f) => f.cellId === 'remittent.af.tot')!;
    expect(af.cell).toBe('ArbSam!D15');
    expect(renderFinding(af)).toBe(
      'Varning i ArbSam!D15 (Arbetsförmedlingen, Totalt): Totalt ska vara Kvinnor + Män. Angivet värde ' +
        'är 25, men B15 + C15 blir 24 (skillnad 1).',
    );
  });

  it('reports the referring authorities summing to 150 against the stated 149 as a consequence of D15', () => {
    // With Arbetsförmedlingen's 9 + 15 = 24 the authorities add up to the stated 149: one slip, not two.
    const { findings } = validateSubmission(template, arbsam2025);
    const hit = findings.find((f) => f.cellId === 'remittent.samtliga.tot')!;
    expect(hit.causedBy).toBe('remittent.af.tot');
    expect(renderFinding(hit)).toBe(
      'Varning i ArbSam!D19 (Samtliga, Totalt): Samtliga ska vara summan av de remitterande ' +
        'myndigheterna. Angivet värde är 149, men D15 + D16 + D17 + D18 blir 150 (skillnad −1). Beror på ' +
        'felet i D15 och försvinner när det är rättat.',
    );
  });

  it('reports the forum’s cases by origin, 32 + 11 + 9 + 6 = 58 against the stated 60', () => {
    const hit = validateSubmission(template, arbsam2025).findings.find((f) => f.rule === 'forum_ursprung')!;
    expect(hit).toMatchObject({
      severity: 'varning',
      element: 'varav bedömda i behov av utökad samverkan via ArbSam',
      params: { difference: 2 },
    });
  });

  it('accepts the seed once those three errors are corrected, with K/M per closure reason missing', () => {
    const { findings, values } = validateSubmission(template, corrected);
    expect(findings).toEqual([]);
    expect(values['avslut.arbete.k']).toBeNull();
    expect(values['tid.exkl_ater.manader']).toBe(17.7);
  });

  it.each([
    ['alder.samtliga.tot', 150, 'alder_samtliga'],
    ['remittent.samtliga.tot', 150, 'remittent_mot_alder'],
    ['avslut.arbete_ama.tot', 12, 'arbete_ama_del'],
    ['forberedande.samtliga.antal', 23, 'forberedande_samtliga'],
    ['forum.behov.antal', 78, 'forum_behov_del'],
  ])('a wrong %s = %d breaks %s', (cell, value, rule) => {
    const { findings } = validateSubmission(template, { ...corrected, [cell]: value });
    expect(findings.filter((f) => f.rule === rule)).toEqual([
      expect.objectContaining({ cellId: cell, severity: 'fel' }),
    ]);
  });

  it('wants the gender split of all closures even when reasons have totals only', () => {
    const { findings } = validateSubmission(template, { ...corrected, 'avslut.samtliga.k': '' });
    expect(findings.map((f) => [f.code, f.cellId])).toEqual([['required', 'avslut.samtliga.k']]);
  });

  it('takes mean months as decimals typed the Swedish way', () => {
    const { values, findings } = validateSubmission(template, { ...corrected, 'tid.samtliga.manader': '17,5' });
    expect(findings).toEqual([]);
    expect(values['tid.samtliga.manader']).toBe(17.5);
  });
});
