import { resolveTemplate } from '../../model/resolve';
import { findForbund, findTemplate, findTemplateVersion, maySubmit, scopesOf } from '../../model/selectors';
import { validateSubmission } from '../../validation/validate';
import { registry } from '../registry';

const definition = findTemplate(registry, 'helarsekvivalenter', 2023)!;
const umearegionen = findForbund(registry, 'umearegionen')!;
const template = resolveTemplate(definition, umearegionen, 2023);

/** Plausible first half-year figures for Umeå: about 9 % of some 80 000 people aged 20–64. */
const umea = {
  'helarsekvivalenter.umea.sjukpenning': 1480.5,
  'helarsekvivalenter.umea.sjuk_aktivitetsersattning': 2890,
  'helarsekvivalenter.umea.arbetsloshet': 1630.25,
  'helarsekvivalenter.umea.arbetsmarknadsatgarder': 910,
  'helarsekvivalenter.umea.ekonomiskt_bistand': 860,
  'helarsekvivalenter.umea.etableringsersattning': 240,
  'helarsekvivalenter.umea.summa': 8010.75,
  'helarsekvivalenter.umea.befolkning_20_64': 79850,
  'helarsekvivalenter.umea.andel': 10.03,
};

describe('helarsekvivalenter', () => {
  it("is SCB's table from 2014 (version 2), one row per kommun of the förbund and one for riket", () => {
    expect(definition.version).toBe(2);
    expect(findTemplate(registry, 'helarsekvivalenter', 2014)?.version).toBe(2);
    expect(template.sections[0]!.rows.map((r) => [r.id, r.help])).toEqual([
      ['umea', 'Kommunkod 2480'],
      ['vannas', 'Kommunkod 2460'],
      ['vindeln', 'Kommunkod 2404'],
      ['robertsfors', 'Kommunkod 2409'],
      ['nordmaling', 'Kommunkod 2401'],
      ['bjurholm', 'Kommunkod 2403'],
      ['riket', 'Hela landet (SCB:s regionkod 00)'],
    ]);
    expect(template.sections[0]!.columns.map((c) => c.id)).toEqual([
      'sjukpenning',
      'sjuk_aktivitetsersattning',
      'arbetsloshet',
      'arbetsmarknadsatgarder',
      'ekonomiskt_bistand',
      'etableringsersattning',
      'summa',
      'befolkning_20_64',
      'andel',
    ]);
    const skelleftea = resolveTemplate(definition, findForbund(registry, 'skelleftea-norsjo')!, 2023);
    expect(skelleftea.sections[0]!.rows.map((r) => r.id)).toEqual(['skelleftea', 'norsjo', 'riket']);
  });

  it('is collected for the first half-year, by kansliet only', () => {
    expect(definition.period.kind).toBe('halfyear');
    expect(scopesOf(definition, umearegionen).map((s) => s.id)).toEqual(['umearegionen']);
    for (const party of umearegionen.parties)
      expect(maySubmit(definition, umearegionen, party.id, 'umearegionen')).toBe(false);
  });

  it('accepts plausible values, Swedish decimals, a missing arbetsmarknadsåtgärder and an empty riket', () => {
    const { findings, values } = validateSubmission(template, {
      ...umea,
      'helarsekvivalenter.umea.sjukpenning': '1 480,5',
      'helarsekvivalenter.umea.arbetsmarknadsatgarder': '',
      'helarsekvivalenter.umea.andel': '',
    });
    expect(findings.filter((f) => f.cellId.startsWith('helarsekvivalenter.umea.'))).toEqual([]);
    expect(findings.filter((f) => f.cellId.startsWith('helarsekvivalenter.riket.'))).toEqual([]);
    expect(values['helarsekvivalenter.umea.sjukpenning']).toBe(1480.5);
    expect(values['helarsekvivalenter.umea.arbetsmarknadsatgarder']).toBeNull();
  });

  it.each([
    ['helarsekvivalenter.umea.arbetsloshet', -3, 'below-min', 'fel'],
    ['helarsekvivalenter.umea.befolkning_20_64', 0, 'below-min', 'fel'],
    ['helarsekvivalenter.umea.befolkning_20_64', '79850,5', 'not-an-integer', 'fel'],
    ['helarsekvivalenter.umea.ekonomiskt_bistand', 'n/a', 'not-a-number', 'fel'],
    ['helarsekvivalenter.umea.summa', 8020, 'sum-mismatch', 'varning'],
    ['helarsekvivalenter.umea.andel', 10.2, 'ratio-mismatch', 'varning'],
  ] as const)('refuses or questions %s = %j (%s)', (cell, value, code, severity) => {
    const { findings } = validateSubmission(template, { ...umea, [cell]: value });
    expect(findings.filter((f) => f.cellId.startsWith('helarsekvivalenter.umea.'))).toEqual([
      expect.objectContaining({ cellId: cell, code, severity }),
    ]);
  });

  it('keeps version 1 so submissions made with it are read as they were made', () => {
    const v1 = resolveTemplate(findTemplateVersion(registry, 'helarsekvivalenter', 1)!, umearegionen, 2023);
    expect(v1.cells.some((c) => c.id === 'helarsekvivalenter.umea.summa')).toBe(false);
    expect(v1.sections[0]!.rows.map((r) => r.id)).not.toContain('riket');
  });
});
