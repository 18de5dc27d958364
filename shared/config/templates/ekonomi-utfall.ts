import type { SectionInput, TemplateDefinitionInput } from '../../model/template-schema';

const columns = [
  { id: 'utfall', label: 'Utfall (tkr)', help: 'Hittills i år, i tusental kronor.' },
  {
    id: 'kommentar',
    label: 'Kommentar',
    help: 'Förklara gärna större avvikelser mot budget.',
    cell: { kind: 'text' as const },
    required: false,
  },
];

/** Lines of one budget group from the year's configuration, then the group's Summa. */
function group(id: 'intakter' | 'kansli' | 'verksamhetsnara' | 'insatser', title: string, summa: string): SectionInput {
  const costs = id !== 'intakter';
  return {
    id,
    title,
    help: costs ? 'Kostnader anges med minus, som i årsredovisningen (t.ex. −181).' : undefined,
    // Costs are negative, as in the annual report; a positive cost is almost always a sign slip.
    cell: costs ? { kind: 'amount', max: 0 } : { kind: 'amount' },
    columns,
    rowSource: { source: 'budget-lines', group: id },
    sourcedRows: 'first',
    rows: [{ id: 'summa', label: summa, columns: ['utfall'] }],
  };
}

/**
 * Published lines are rounded to tkr one by one, so a subtotal may differ from the sum of its
 * lines by up to half a tkr per line (seed 004, Bilaga 3: 1–2 tkr). That much passes; more is a
 * varning, whatever its size: the lines are the figures, the Summa only checks them, and the
 * varning asks kansliet for a comment.
 */
const rounding = { check: 'sum', severity: 'varning', tolerancePerTerm: 0.5 } as const;

/** Outcome per budget line in tkr, year to date (seed 004, Bilaga 3; lines from the year's budget). */
export const ekonomiUtfall: TemplateDefinitionInput = {
  id: 'ekonomi-utfall',
  version: 1,
  years: { from: 2023, to: 2026 },
  title: 'Ekonomi – utfall per budgetpost',
  sheetName: 'Ekonomi',
  help:
    'Fyll i utfallet per budgetpost i tkr från årets början till periodens slut. Budgeten för ' +
    'posten står i radens hjälptext.',
  period: { kind: 'tertial', cumulative: true },
  scope: 'forbund',
  // The förbund's own accounts: kansliet reports them; no party does.
  submitters: [],
  sections: [
    group('intakter', 'Intäkter', 'Summa intäkter'),
    group('kansli', 'Kansli, styrelse och administration', 'Summa kansli, styrelse och administration'),
    group('verksamhetsnara', 'Verksamhetsnära kostnader', 'Summa verksamhetsnära kostnader'),
    group('insatser', 'Insatser', 'Summa insatser'),
    {
      id: 'resultat',
      title: 'Resultat',
      cell: { kind: 'amount' },
      columns: [columns[0]!],
      rows: [
        { id: 'totala_kostnader', label: 'Totala kostnader', cell: { kind: 'amount', max: 0 } },
        { id: 'resultat', label: 'Verksamhetens resultat', help: 'Intäkter + kostnader, före finansiella poster.' },
      ],
    },
  ],
  rules: [
    {
      id: 'summa_intakter',
      ...rounding,
      target: 'intakter.summa.utfall',
      terms: ['intakter.+.utfall'],
      description: 'Summa intäkter ska vara summan av intäktsposterna',
    },
    {
      id: 'summa_kansli',
      ...rounding,
      target: 'kansli.summa.utfall',
      terms: ['kansli.+.utfall'],
      description: 'Summan ska vara summan av posterna för kansli, styrelse och administration',
    },
    {
      id: 'summa_verksamhetsnara',
      ...rounding,
      target: 'verksamhetsnara.summa.utfall',
      terms: ['verksamhetsnara.+.utfall'],
      description: 'Summan ska vara summan av de verksamhetsnära posterna',
    },
    {
      id: 'summa_insatser',
      ...rounding,
      target: 'insatser.summa.utfall',
      terms: ['insatser.+.utfall'],
      description: 'Summa insatser ska vara summan av insatsposterna',
    },
    {
      id: 'totala_kostnader',
      ...rounding,
      target: 'resultat.totala_kostnader.utfall',
      terms: ['kansli.summa.utfall', 'verksamhetsnara.summa.utfall', 'insatser.summa.utfall'],
      description: 'Totala kostnader ska vara summan av de tre kostnadsgrupperna',
    },
    {
      id: 'resultat',
      ...rounding,
      target: 'resultat.resultat.utfall',
      terms: ['intakter.summa.utfall', 'resultat.totala_kostnader.utfall'],
      description: 'Verksamhetens resultat ska vara intäkter + totala kostnader',
    },
  ],
  // Utfall against the pro-rated budget, the members' contributions, and equity against the trappan.
  consolidation: { computation: { name: 'ekonomi', inputs: { equity: 'eget-kapital' } } },
};
