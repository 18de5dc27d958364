import { bilaga4, bilaga4Diff, bilaga4Forbund } from '../../../tests/fixtures/seeds/seed-004-bilaga-4';
import { resolveTemplate } from '../../model/resolve';
import { findForbund, findTemplate, maySubmit } from '../../model/selectors';
import { renderFinding } from '../../validation/messages-sv';
import { validateSubmission } from '../../validation/validate';
import { registry } from '../registry';

const forbund = findForbund(registry, 'umearegionen')!;
const definition = findTemplate(registry, 'strategiska-indikatorer', 2023)!;
const template = resolveTemplate(definition, forbund, 2023);
const rows = template.sections[0]!.rows;
const years = ['2022', '2023'] as const;
const kommunYears = Object.entries(bilaga4).flatMap(([kommun, byYear]) =>
  years.map((year) => [kommun, year, byYear[year]] as const),
);

describe('strategiska-indikatorer', () => {
  it('gives every indicator an owner, a unit and a good direction, and requires none', () => {
    for (const row of rows) {
      expect(row.owner?.length).toBeGreaterThan(0);
      expect(row.unit).toBeTruthy();
      expect(row.direction).toMatch(/^(up|down)$/);
      expect(row.cells.every((c) => !c.required)).toBe(true);
    }
  });

  it.each(kommunYears)(
    'accepts seed 004 Bilaga 4 for %s %s from kansliet, blanks staying missing',
    (_kommun, _year, values) => {
      const { findings, values: typed } = validateSubmission(template, values, { submitter: 'kansli' });
      expect(findings).toEqual([]);
      for (const row of rows) {
        const id = `indikatorer.${row.id}.varde`;
        expect(typed[id]).toBe(values[id] ?? null);
      }
    },
  );

  it('reproduces the seed’s Diff column (transcription check)', () => {
    for (const [row, byKommun] of Object.entries(bilaga4Diff)) {
      for (const [kommun, diff] of Object.entries(byKommun)) {
        const id = `indikatorer.${row}.varde`;
        const change = bilaga4[kommun]!['2023'][id]! - bilaga4[kommun]!['2022'][id]!;
        expect(Math.round(change * 10) / 10).toBeCloseTo(diff, 5);
      }
    }
  });

  it('has the seed’s förbund totals for long-term unemployment equal to the sum of the kommuner', () => {
    for (const [row, byYear] of Object.entries(bilaga4Forbund)) {
      for (const year of years) {
        const sum = Object.values(bilaga4).reduce((acc, k) => acc + (k[year][`indikatorer.${row}.varde`] ?? 0), 0);
        expect(sum).toBe(byYear[year]);
      }
    }
  });

  it('refuses an FK-owned figure from a kommun reporter (not-owner), and takes the kommun’s own', () => {
    const { findings, values } = validateSubmission(
      template,
      { 'indikatorer.sjukpenningtal.varde': 9.8, 'indikatorer.gymnasieexamen.varde': 77.9 },
      { submitter: 'kommun' },
    );
    expect(findings).toEqual([
      expect.objectContaining({ code: 'not-owner', severity: 'fel', cellId: 'indikatorer.sjukpenningtal.varde' }),
    ]);
    expect(values['indikatorer.gymnasieexamen.varde']).toBe(77.9);
    expect(values['indikatorer.sjukpenningtal.varde']).toBeNull();
  });

  it('lets AF report its rows for every kommun, and a kommun only for itself', () => {
    expect(maySubmit(definition, forbund, 'af', 'vindeln')).toBe(true);
    expect(maySubmit(definition, forbund, 'umea', 'umea')).toBe(true);
    expect(maySubmit(definition, forbund, 'umea', 'vindeln')).toBe(false);
    expect(validateSubmission(template, { 'indikatorer.lta_12.varde': 29 }, { submitter: 'af' }).findings).toEqual([]);
  });

  it('flags försörjningsstöd shares adding up to more than 100 %, allowing rounding', () => {
    const shares = (a: number, b: number, c: number) => ({
      'indikatorer.fs_0_10.varde': a,
      'indikatorer.fs_11_36.varde': b,
      'indikatorer.fs_36.varde': c,
    });
    expect(validateSubmission(template, shares(23.6, 33.8, 42.7)).findings).toEqual([]);
    const [finding] = validateSubmission(template, shares(33.8, 33.8, 42.6)).findings;
    expect(finding).toMatchObject({ rule: 'fs_andelar', severity: 'fel', cellId: 'indikatorer.fs_0_10.varde' });
    expect(renderFinding(finding!)).toMatch(/33,8 är större än 100 − B\d+ − B\d+ = 23,6\.$/);
  });

  it('refuses a mean number of months above twelve (the measure runs nov–okt)', () => {
    const [finding] = validateSubmission(template, { 'indikatorer.fs_snitt.varde': '14,5' }).findings;
    expect(finding).toMatchObject({ code: 'above-max', cellId: 'indikatorer.fs_snitt.varde' });
  });
});
