import { aktualiseradeUmea2023, tabell1Arbetsmarknadstorgen2023 } from '../../tests/fixtures/seeds/seed-004-tabell-1';
import { registry } from '../config/registry';
import { resolveTemplate } from '../model/resolve';
import { findForbund, findTemplate } from '../model/selectors';
import { renderFinding } from './messages-sv';
import { validateSubmission } from './validate';

const forbund = findForbund(registry, 'umearegionen')!;
const template = resolveTemplate(findTemplate(registry, 'deltagare-avslut', 2023)!, forbund, 2023);
const complete = { ...tabell1Arbetsmarknadstorgen2023, ...aktualiseradeUmea2023 };
/** A required choice: the first initiative's status. */
const SAMVERKAN_STATUS = resolveTemplate(
  findTemplate(registry, 'samverkansinitiativ', 2024)!,
  forbund,
  2024,
).cells.find((c) => c.id.endsWith('.status'))!.id;

describe('validateSubmission on deltagare-avslut', () => {
  it('accepts seed 004 Tabell 1 as published', () => {
    const { findings, values } = validateSubmission(template, complete);
    expect(findings).toEqual([]);
    expect(values['deltagare.antal.tot']).toBe(772);
  });

  it.each([
    ['deltagare.antal.tot', 773, 'totalt_kon', 'sum-mismatch'],
    ['deltagare.avslutade.k', 113, 'avslutade_delar', 'sum-mismatch'],
    ['deltagare.arbete.m', 29, 'positiv_delar', 'sum-mismatch'],
    ['deltagare.kvar.tot', 540, 'kvar', 'sum-mismatch'],
    ['deltagare.nya.k', 400, 'nya_del', 'exceeds-whole'],
  ])('a wrong %s = %d breaks rule %s', (cell, value, rule, code) => {
    const { findings } = validateSubmission(template, { ...complete, [cell]: value });
    const hit = findings.find((f) => f.rule === rule);
    expect(hit).toMatchObject({ code, severity: 'fel' });
    expect(hit?.cell).toMatch(/^'Deltagare och avslut'!/);
  });

  it('names the cell of a sum that does not add up, with numbers (seed 000: 9 + 15 stated as 25)', () => {
    const { findings } = validateSubmission(template, {
      ...complete,
      'deltagare.antal.k': 9,
      'deltagare.antal.m': 15,
      'deltagare.antal.tot': 25,
    });
    const hit = findings.filter((f) => f.rule === 'totalt_kon');
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({ cellId: 'deltagare.antal.tot', cell: "'Deltagare och avslut'!D7", severity: 'fel' });
    expect(renderFinding(hit[0]!)).toBe(
      "Fel i 'Deltagare och avslut'!D7 (Antal deltagare, Totalt): Totalt ska vara Kvinnor + Män. " +
        'Angivet värde är 25, men B7 + C7 blir 24 (skillnad 1).',
    );
  });

  it('treats an empty cell as missing, not zero: a required finding and no rule finding', () => {
    const { findings, values } = validateSubmission(template, { ...complete, 'deltagare.antal.m': '  ' });
    expect(values['deltagare.antal.m']).toBeNull();
    expect(findings.map((f) => [f.code, f.cellId])).toEqual([['required', 'deltagare.antal.m']]);
  });

  it.each([
    ['deltagare-avslut', 2023, 'deltagare.antal.m', 'skriv 0 om det inte finns några'],
    [
      'helarsekvivalenter',
      2023,
      'helarsekvivalenter.umea.sjukpenning',
      'skriv 0 bara om värdet verkligen är 0, inte för en uppgift som saknas',
    ],
    ['helarsekvivalenter', 2023, 'helarsekvivalenter.umea.befolkning_20_64', 'värdet saknas. Fyll i värdet.'],
    ['samverkansinitiativ', 2024, SAMVERKAN_STATUS, 'värdet saknas. Välj ett av alternativen.'],
  ])('says what to do about a missing %s value (%i) fitting its kind', (templateId, year, cellId, advice) => {
    const other = resolveTemplate(findTemplate(registry, templateId, year)!, forbund, year);
    const { findings } = validateSubmission(other, {});
    const missing = findings.find((f) => f.cellId === cellId);
    expect(missing?.code).toBe('required');
    expect(renderFinding(missing!)).toContain(advice);
  });

  it.each([
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    [' 42 ', 42],
    ['7', 7],
  ])('reads %j in a count cell as %d', (raw, expected) => {
    const { values } = validateSubmission(template, { 'deltagare.antal.k': raw });
    expect(values['deltagare.antal.k']).toBe(expected);
  });

  it.each([
    ['tolv', 'not-a-number'],
    ['12,5', 'not-an-integer'],
    [-3, 'negative'],
    [Number.NaN, 'not-a-number'],
  ])('refuses %j in a count cell with %s', (raw, code) => {
    const { findings } = validateSubmission(template, { ...complete, 'deltagare.antal.k': raw });
    expect(findings.find((f) => f.cellId === 'deltagare.antal.k')).toMatchObject({ code, severity: 'fel' });
  });

  it('refuses a field that is not in the template', () => {
    const { findings } = validateSubmission(template, { ...complete, 'deltagare.antal.x': 1 });
    expect(findings).toEqual([expect.objectContaining({ code: 'unknown-cell', cellId: 'deltagare.antal.x' })]);
  });

  it('gives a varning, not a fel, when some referrals lack a decision', () => {
    const { findings } = validateSubmission(template, {
      ...complete,
      'aktualiserade.ja.af': 36,
      'aktualiserade.ja.tot': 252,
      'aktualiserade_kon.ja.k': 139,
      'aktualiserade_kon.ja.tot': 252,
    });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['beslut_alla', 'varning'],
      ['beslut_alla', 'varning'],
    ]);
  });

  it('reports a formula without a stored result as its own fel instead of a missing value', () => {
    const { findings } = validateSubmission(
      template,
      { ...complete, 'deltagare.antal.k': null },
      {
        cellIssues: [{ cellId: 'deltagare.antal.k', code: 'formula-without-result', params: { formula: 'B8+B9' } }],
      },
    );
    expect(findings.map((f) => [f.code, f.cellId])).toEqual([['formula-without-result', 'deltagare.antal.k']]);
    expect(renderFinding(findings[0]!)).toContain('=B8+B9');
  });
});
