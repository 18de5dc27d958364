import type { TemplateDefinitionInput } from '../../model/template-schema';

const helarspersoner = { kind: 'decimal', min: 0 } as const;
const population = { kind: 'count', min: 1 } as const;

/**
 * SCB's helårsekvivalenter (full-year equivalents, ages 20–64) per kommun and benefit, with the
 * population 20–64, for the first half-year. Shares are computed from these, not entered.
 *
 * Version 1 (the first wave): the five benefits the agreement names, arbetsmarknadsåtgärder apart,
 * and the population. Kept so the submissions made with it are still read as they were made.
 */
export const helarsekvivalenterV1: TemplateDefinitionInput = {
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
  // första halvåret 2023"), so the template collects H1 only.
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
        { id: 'befolkning_20_64', label: 'Befolkning 20–64 år', cell: population },
      ],
      rowSource: { source: 'kommuner' },
    },
  ],
  rules: [],
  consolidation: { computation: { name: 'helarsekvivalenter' } },
};

/**
 * Version 2: SCB's table as it is (HE0000T02N2 / TAB1386) — the six benefits in SCB's order,
 * SCB's own Summa helårsekvivalenter (which includes arbetsmarknadsåtgärder), Folkmängd and SCB's
 * Andel av befolkningen — for each kommun and for the whole country, so the report can set the
 * förbund against riket from the same file. From 2014, the first year SCB gives per kommun, so
 * kansliet can send the earlier years of the series too.
 */
export const helarsekvivalenter: TemplateDefinitionInput = {
  ...helarsekvivalenterV1,
  version: 2,
  years: { from: 2014, to: 2030 },
  help:
    'Helårsekvivalenter 20–64 år enligt SCB, första halvåret: medelvärdet av januari–juni. ' +
    'Antal personer som skulle kunna försörjas ett helt år med full ersättning. Kansliet importerar ' +
    'SCB:s fil (tabell HE0000T02N2) eller fyller i.',
  sections: [
    {
      id: 'helarsekvivalenter',
      title: 'Helårsekvivalenter per ersättning',
      cell: helarspersoner,
      columns: [
        { id: 'sjukpenning', label: 'Sjukpenning' },
        { id: 'sjuk_aktivitetsersattning', label: 'Sjuk- och aktivitetsersättning' },
        { id: 'arbetsloshet', label: 'Arbetslöshetsersättning' },
        {
          id: 'arbetsmarknadsatgarder',
          label: 'Arbetsmarknadsåtgärder',
          help: 'SCB anger ibland ingen uppgift (”..”); då lämnas cellen tom.',
          required: false,
        },
        { id: 'ekonomiskt_bistand', label: 'Ekonomiskt bistånd' },
        { id: 'etableringsersattning', label: 'Etableringsersättning' },
        { id: 'summa', label: 'Summa helårsekvivalenter', help: 'SCB:s summa av de sex ersättningarna.' },
        { id: 'befolkning_20_64', label: 'Folkmängd 20–64 år', cell: population },
        {
          id: 'andel',
          label: 'Andel av befolkningen (SCB)',
          help: 'SCB:s egen andel i procent; Samlad räknar andelen som summa / folkmängd × 100 och jämför.',
          cell: { kind: 'percent', min: 0, max: 100 },
          required: false,
        },
      ],
      rows: [{ id: 'riket', label: 'Riket', help: 'Hela landet (SCB:s regionkod 00)', required: false }],
      rowSource: { source: 'kommuner' },
      sourcedRows: 'first',
    },
  ],
  rules: [
    {
      id: 'summa_av_ersattningar',
      check: 'sum',
      severity: 'varning',
      description: 'Summa helårsekvivalenter ska vara summan av de sex ersättningarna',
      target: 'helarsekvivalenter.*.summa',
      terms: [
        'helarsekvivalenter.*.sjukpenning',
        'helarsekvivalenter.*.sjuk_aktivitetsersattning',
        'helarsekvivalenter.*.arbetsloshet',
        'helarsekvivalenter.*.arbetsmarknadsatgarder',
        'helarsekvivalenter.*.ekonomiskt_bistand',
        'helarsekvivalenter.*.etableringsersattning',
      ],
      // SCB rounds each figure: half a unit per term.
      tolerancePerTerm: 0.5,
    },
    {
      id: 'andel_av_befolkningen',
      check: 'ratio',
      severity: 'varning',
      description: 'SCB:s andel av befolkningen ska vara summa helårsekvivalenter / folkmängd × 100',
      target: 'helarsekvivalenter.*.andel',
      terms: ['helarsekvivalenter.*.summa', 'helarsekvivalenter.*.befolkning_20_64'],
      factor: 100,
      // SCB rounds its share to one decimal (0.05) and the summa to whole people (0.5 / folkmängd
      // × 100, under 0.05 for every kommun's 20–64-year-olds): more than 0.1 is beyond rounding.
      tolerance: 0.1,
    },
  ],
};
