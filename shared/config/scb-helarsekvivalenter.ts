import { scbImportConfigSchema, type ScbImportConfig } from '../scb/import-config';

/**
 * Kansliet's import of SCB's helårsekvivalenter (HE0000T02N2 / TAB1386) into the
 * `helarsekvivalenter` template: men and women together, 20–64 år (the ages the agreement's
 * indicator counts), the first half-year as the mean of January–June, as SCB makes its yearly
 * figures from the months. The report's series goes back ten first half-years.
 */
export const scbHelarsekvivalenter: ScbImportConfig = scbImportConfigSchema.parse({
  templateId: 'helarsekvivalenter',
  section: 'helarsekvivalenter',
  riketRow: 'riket',
  columns: {
    sjukpenning: 'sjukpenning',
    sjuk_aktivitetsersattning: 'sjuk_aktivitetsersattning',
    arbetsloshet: 'arbetsloshet',
    arbetsmarknadsatgarder: 'arbetsmarknadsatgarder',
    ekonomiskt_bistand: 'ekonomiskt_bistand',
    etableringsersattning: 'etableringsersattning',
    summa: 'summa',
    folkmangd: 'befolkning_20_64',
    andel: 'andel',
  },
  kon: 'totalt',
  alder: '20-64',
  halfYear: { method: 'mean-of-months', months: [1, 2, 3, 4, 5, 6], decimals: 2 },
  seriesYears: 10,
});
