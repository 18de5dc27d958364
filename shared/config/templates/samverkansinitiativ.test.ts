import { initiativ2024 } from '../../../tests/fixtures/seeds/seed-002-initiativ';
import { resolveTemplate } from '../../model/resolve';
import { findForbund, findTemplate, maySubmit } from '../../model/selectors';
import { validateSubmission } from '../../validation/validate';
import { registry } from '../registry';

const forbund = findForbund(registry, 'umearegionen')!;
const definition = findTemplate(registry, 'samverkansinitiativ', 2024)!;
const template = resolveTemplate(definition, forbund, 2024);
const rows = template.sections[0]!.rows;

describe('samverkansinitiativ', () => {
  it('has one row per initiative of 2024, numbered as in seed 001/002 (there is no 11)', () => {
    expect(rows.map((r) => r.label.split('.')[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '12',
      '13',
    ]);
    expect(rows[0]).toMatchObject({
      label: '1. Unga med aktivitetsersättning',
      help: 'Ohälsa. Sammankallande: Försäkringskassan',
    });
  });

  it('exists only for years with configured initiatives, and is entered by kansliet', () => {
    expect(findTemplate(registry, 'samverkansinitiativ', 2023)).toBeUndefined();
    for (const party of forbund.parties) expect(maySubmit(definition, forbund, party.id, 'umearegionen')).toBe(false);
  });

  it('accepts the seed’s assessments, with impact left missing where the seed says x', () => {
    const { findings, values } = validateSubmission(template, initiativ2024, { submitter: 'kansli' });
    expect(findings).toEqual([]);
    expect(values['initiativ.saknar_gymnasieutbildning.paverkan']).toBe(5);
    expect(values['initiativ.krami.paverkan']).toBeNull();
  });

  it('reads choices whatever their case', () => {
    const { values, findings } = validateSubmission(template, {
      ...initiativ2024,
      'initiativ.sdk.status': 'genomfört',
      'initiativ.sdk.genomforbarhet': 'MEDEL, LÅNG TID',
    });
    expect(findings).toEqual([]);
    expect([values['initiativ.sdk.status'], values['initiativ.sdk.genomforbarhet']]).toEqual([
      'Genomfört',
      'Medel, lång tid',
    ]);
  });

  it.each([
    ['initiativ.krami.status', 'Påbörjat', 'not-a-choice'],
    ['initiativ.krami.genomforbarhet', 'Lätt/kort tid', 'not-a-choice'],
    ['initiativ.krami.paverkan', 6, 'above-max'],
    ['initiativ.krami.paverkan', 0, 'below-min'],
    ['initiativ.krami.paverkan', '2,5', 'not-an-integer'],
    ['initiativ.krami.status', '', 'required'],
  ])('refuses %s = %j (%s)', (cell, value, code) => {
    const { findings } = validateSubmission(template, { ...initiativ2024, [cell]: value });
    expect(findings).toEqual([expect.objectContaining({ cellId: cell, code, severity: 'fel' })]);
  });

  it('takes an indicator value with a decimal comma', () => {
    const { values } = validateSubmission(template, {
      ...initiativ2024,
      'initiativ.funktionsnedsattning.indikatorvarde': '5,4',
    });
    expect(values['initiativ.funktionsnedsattning.indikatorvarde']).toBe(5.4);
  });
});
