import type { TemplateDefinitionInput } from '../../model/template-schema';

const helarspersoner = { kind: 'decimal', min: 0 } as const;

/**
 * SCB's helårsekvivalenter (full-year equivalents, ages 20–64) per kommun and benefit, with the
 * population 20–64, in the shape of SCB's table (HE0000T02N2: region × förmån), so an imported
 * file and a hand-filled sheet give the same values. Shares are computed from these, not entered.
 */
export const helarsekvivalenter: TemplateDefinitionInput = {
  id: 'helarsekvivalenter',
  version: 1,
  // 2022: last year's first half-year, for the comparison in 2023 (seed 004, Bilaga 4).
  years: { from: 2022, to: 2026 },
  title: 'Helårsekvivalenter per kommun och ersättning (SCB)',
  sheetName: 'Helårsekvivalenter',
  help:
    'Helårsekvivalenter 20–64 år för januari–juni enligt SCB: antal personer som skulle kunna ' +
    'försörjas ett helt år med full ersättning. Kansliet fyller i eller importerar SCB:s fil.',
  // The agreement compares first half-years (seed 004, Bilaga 4: "första halvåret 2022 och
  // första halvåret 2023"), so the template collects H1 only; SCB's full-year figures would be
  // a template of their own if ever needed.
  period: { kind: 'halfyear', cumulative: false },
  scope: 'forbund',
  // SCB data: imported by kansliet, no party submits it.
  submitters: [],
  sections: [
    {
      id: 'helarsekvivalenter',
      title: 'Helårsekvivalenter per ersättning',
      cell: helarspersoner,
      columns: [
        { id: 'sjukpenning', label: 'Sjukpenning' },
        { id: 'sjuk_aktivitetsersattning', label: 'Sjuk- och aktivitetsersättning' },
        { id: 'arbetsloshet', label: 'Arbetslöshet', help: 'Ersättning vid arbetslöshet.' },
        { id: 'ekonomiskt_bistand', label: 'Ekonomiskt bistånd' },
        { id: 'etableringsersattning', label: 'Etableringsersättning' },
        {
          id: 'arbetsmarknadsatgarder',
          label: 'Arbetsmarknadsåtgärder',
          help: 'Egen serie hos SCB; ingår inte i summan av helårsekvivalenter.',
          required: false,
        },
        { id: 'befolkning_20_64', label: 'Befolkning 20–64 år', cell: { kind: 'count', min: 1 } },
      ],
      rowSource: { source: 'kommuner' },
    },
  ],
  rules: [],
};
