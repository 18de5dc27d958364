import { resolveTemplate } from '../../model/resolve';
import { findForbund, findTemplate, maySubmit, scopesOf } from '../../model/selectors';
import { validateSubmission } from '../../validation/validate';
import { registry } from '../registry';

const definition = findTemplate(registry, 'helarsekvivalenter', 2023)!;
const umearegionen = findForbund(registry, 'umearegionen')!;
const template = resolveTemplate(definition, umearegionen, 2023);

/** Plausible H1 figures for Umeå: about 9 % of some 80 000 people aged 20–64. */
const umea = {
  'helarsekvivalenter.umea.sjukpenning': 1480.5,
  'helarsekvivalenter.umea.sjuk_aktivitetsersattning': 2890,
  'helarsekvivalenter.umea.arbetsloshet': 1630.25,
  'helarsekvivalenter.umea.ekonomiskt_bistand': 860,
  'helarsekvivalenter.umea.etableringsersattning': 240,
  'helarsekvivalenter.umea.arbetsmarknadsatgarder': 910,
  'helarsekvivalenter.umea.befolkning_20_64': 79850,
};

describe('helarsekvivalenter', () => {
  it('has one row per kommun of the förbund, in SCB’s kommun × förmån shape', () => {
    expect(template.sections[0]!.rows.map((r) => [r.id, r.help])).toEqual([
      ['umea', 'Kommunkod 2480'],
      ['vannas', 'Kommunkod 2460'],
      ['vindeln', 'Kommunkod 2404'],
      ['robertsfors', 'Kommunkod 2409'],
      ['nordmaling', 'Kommunkod 2401'],
      ['bjurholm', 'Kommunkod 2403'],
    ]);
    const skelleftea = resolveTemplate(definition, findForbund(registry, 'skelleftea-norsjo')!, 2023);
    expect(skelleftea.sections[0]!.rows.map((r) => r.id)).toEqual(['skelleftea', 'norsjo']);
  });

  it('is collected for the first half-year, by kansliet only', () => {
    expect(definition.period.kind).toBe('halfyear');
    expect(scopesOf(definition, umearegionen).map((s) => s.id)).toEqual(['umearegionen']);
    for (const party of umearegionen.parties)
      expect(maySubmit(definition, umearegionen, party.id, 'umearegionen')).toBe(false);
  });

  it('accepts plausible values, decimals typed the Swedish way, and a missing arbetsmarknadsåtgärder', () => {
    const { findings, values } = validateSubmission(template, {
      ...umea,
      'helarsekvivalenter.umea.sjukpenning': '1 480,5',
      'helarsekvivalenter.umea.arbetsmarknadsatgarder': '',
    });
    expect(findings.filter((f) => f.cellId.startsWith('helarsekvivalenter.umea.'))).toEqual([]);
    expect(values['helarsekvivalenter.umea.sjukpenning']).toBe(1480.5);
    expect(values['helarsekvivalenter.umea.arbetsmarknadsatgarder']).toBeNull();
  });

  it.each([
    ['helarsekvivalenter.umea.arbetsloshet', -3, 'below-min'],
    ['helarsekvivalenter.umea.befolkning_20_64', 0, 'below-min'],
    ['helarsekvivalenter.umea.befolkning_20_64', '79850,5', 'not-an-integer'],
    ['helarsekvivalenter.umea.ekonomiskt_bistand', 'n/a', 'not-a-number'],
  ])('refuses %s = %j (%s)', (cell, value, code) => {
    const { findings } = validateSubmission(template, { ...umea, [cell]: value });
    expect(findings.find((f) => f.cellId === cell)).toMatchObject({ code, severity: 'fel' });
  });
});
