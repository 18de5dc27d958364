import { registry } from '../config/registry';
import { resolveTemplate } from '../model/resolve';
import { findForbund, findTemplateVersion } from '../model/selectors';
import { measuresOf } from './cell-measures';
import { haeFigures, haeSumOf } from './helarsekvivalenter';

const umearegionen = findForbund(registry, 'umearegionen')!;
const version = (v: number) =>
  resolveTemplate(findTemplateVersion(registry, 'helarsekvivalenter', v)!, umearegionen, 2023);
const benefits = {
  sjukpenning: 1600,
  sjuk_aktivitetsersattning: 2400,
  arbetsloshet: 880,
  arbetsmarknadsatgarder: 1170,
  ekonomiskt_bistand: 800,
  etableringsersattning: 440,
};
const umea = (values: Record<string, number>) =>
  Object.fromEntries(Object.entries(values).map(([column, v]) => [`helarsekvivalenter.umea.${column}`, v]));

describe('helårsekvivalenter as a share of the population', () => {
  it("is SCB's Summa (all six benefits) / folkmängd × 100 in version 2 of the template", () => {
    const table = measuresOf(
      version(2),
      umea({ ...benefits, summa: 7290, befolkning_20_64: 78000, andel: 9.35 }),
      'test',
    );
    const f = haeFigures(table, 'umea', 'Umeå kommun');
    expect(f.total.count.value).toBe(7290);
    expect(f.total.share.value).toBeCloseTo((7290 / 78000) * 100, 12);
    expect(f.scbShare.value).toBe(9.35);
    expect(f.benefits.arbetsmarknadsatgarder.share.value).toBeCloseTo((1170 / 78000) * 100, 12);
  });

  it('reads a version 1 submission as version 1 defined it: five benefits, no arbetsmarknadsåtgärder', () => {
    const table = measuresOf(version(1), umea({ ...benefits, befolkning_20_64: 78000 }), 'test');
    const f = haeFigures(table, 'umea', 'Umeå kommun');
    expect(f.total.count.value).toBe(1600 + 2400 + 880 + 800 + 440);
    expect(f.scbShare.value).toBeNull();
  });

  it('keeps a missing summa missing, never 0, and the förbund missing with it', () => {
    const table = measuresOf(version(2), umea({ ...benefits, befolkning_20_64: 78000 }), 'test');
    const umeaFigures = haeFigures(table, 'umea', 'Umeå kommun');
    expect(umeaFigures.total.share).toMatchObject({ value: null, missing: { code: 'missing-value' } });
    const vannas = haeFigures(table, 'vannas', 'Vännäs kommun');
    expect(haeSumOf([umeaFigures, vannas], 'umearegionen', 'Umeåregionen').total.share.value).toBeNull();
  });
});
