import type { TemplateDefinitionInput } from '../../model/template-schema';

/**
 * The förbund's equity at 31 December, in tkr (seed 004, §1.3 and "God ekonomisk hushållning":
 * 2 036 for 2022, 2 095 for 2023). The consolidated report compares it with the national
 * council's recommended maximum (the "trappan", shared/config/finance.ts).
 */
export const egetKapital: TemplateDefinitionInput = {
  id: 'eget-kapital',
  version: 1,
  // 2022: last year's figure, for the comparison in 2023's report.
  years: { from: 2022, to: 2026 },
  title: 'Eget kapital vid årets slut',
  sheetName: 'Eget kapital',
  help: 'Fyll i förbundets eget kapital per den 31 december enligt balansräkningen, i tkr.',
  period: { kind: 'year', cumulative: false },
  scope: 'forbund',
  // The förbund's own accounts: kansliet reports them.
  submitters: [],
  sections: [
    {
      id: 'eget_kapital',
      title: 'Eget kapital',
      cell: { kind: 'amount' },
      columns: [{ id: 'tkr', label: 'tkr' }],
      rows: [{ id: 'utgaende', label: 'Eget kapital 31 december', help: 'Summa eget kapital i balansräkningen.' }],
    },
  ],
  rules: [],
  // Shown on the Ekonomi sheet, against the trappan.
  consolidation: { usedBy: 'ekonomi-utfall' },
};
