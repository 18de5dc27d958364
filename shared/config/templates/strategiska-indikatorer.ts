import type { RowInput, TemplateDefinitionInput } from '../../model/template-schema';

const percent = { kind: 'percent' } as const;
const count = { kind: 'count' } as const;

/**
 * One row per indicator of the agreement (seed 001, Strategiska mål; seed 004, Bilaga 4), with
 * who reports it, its unit and which way is good. Seeds 001 and 004 disagree on some units:
 * 001 lists "Antal ungdomar utan sysselsättning i KAA" and "Antal ungdomar som återupptar
 * studier", while 004 reports both as shares (8,2 %, 31,1 % …); the template follows what is
 * actually reported, i.e. 004.
 */
const indicators: RowInput[] = [
  // Effektmål (SCB data, imported by kansliet)
  {
    id: 'arbetskraftsdeltagande',
    label: 'Arbetskraftsdeltagande, andel av befolkningen 20–64 år (oktober)',
    help: 'Sysselsatta och arbetslösa i oktober som andel av befolkningen 20–64 år (SCB, BAS).',
    cell: percent,
    unit: '%',
    owner: ['scb'],
    direction: 'up',
  },
  {
    id: 'helarsekvivalenter',
    label: 'Helårsekvivalenter, andel av befolkningen 20–64 år (första halvåret)',
    help: 'SCB:s helårsekvivalenter för januari–juni. Halvårsvärdet rapporteras här, med årets övriga indikatorer.',
    cell: percent,
    unit: '%',
    owner: ['scb'],
    direction: 'down',
  },
  // Ohälsa
  {
    id: 'sjukpenningtal',
    label: 'Rullande sjukpenningtal (oktober)',
    help: 'Dagar med ersättning vid nedsatt arbetsförmåga under tolv månader per försäkrad.',
    cell: { kind: 'decimal', min: 0, max: 365 },
    unit: 'dagar',
    owner: ['fk'],
    direction: 'down',
  },
  // Arbetslöshet
  {
    id: 'unga_lta_6',
    label: 'Unga långtidsarbetslösa 16–24 år, mer än 6 månader',
    cell: count,
    unit: 'personer',
    owner: ['af'],
    direction: 'down',
  },
  {
    id: 'lta_12',
    label: 'Långtidsarbetslösa 25–65 år, mer än 12 månader',
    cell: count,
    unit: 'personer',
    owner: ['af'],
    direction: 'down',
  },
  {
    id: 'lta_24',
    label: 'Långtidsarbetslösa 25–65 år, mer än 24 månader',
    cell: count,
    unit: 'personer',
    owner: ['af'],
    direction: 'down',
  },
  {
    id: 'omsattning_fn',
    label: 'Omsättning till arbete/reguljära studier för funktionsnedsatta (helår)',
    cell: percent,
    unit: '%',
    owner: ['af'],
    direction: 'up',
  },
  // Ekonomiskt bistånd: the three shares split the people with försörjningsstöd, so they add up
  // to about 100 % (Umeå 2022: 23,6 + 33,8 + 42,6). A larger share of short periods is good.
  {
    id: 'fs_0_10',
    label: 'Andel med försörjningsstöd 0–10 månader',
    help: 'Andel av dem som har försörjningsstöd. De tre andelarna blir tillsammans omkring 100 %.',
    cell: percent,
    unit: '%',
    owner: ['kommun'],
    direction: 'up',
  },
  {
    id: 'fs_11_36',
    label: 'Andel med försörjningsstöd 11–36 månader',
    cell: percent,
    unit: '%',
    owner: ['kommun'],
    direction: 'down',
  },
  {
    id: 'fs_36',
    label: 'Andel med försörjningsstöd 36 månader eller mer',
    cell: percent,
    unit: '%',
    owner: ['kommun'],
    direction: 'down',
  },
  {
    id: 'fs_snitt',
    label: 'Varaktighet i försörjningsstöd, snitt bidragsmånader (nov–okt)',
    cell: { kind: 'decimal', min: 0, max: 12 },
    unit: 'månader',
    owner: ['kommun'],
    direction: 'down',
  },
  // Förebyggande
  {
    id: 'behoriga_gymnasiet',
    label: 'Andel grundskoleelever behöriga till gymnasiets yrkesprogram',
    cell: percent,
    unit: '%',
    owner: ['kommun'],
    direction: 'up',
  },
  {
    id: 'indragen_studiehjalp',
    label: 'Antal elever med indragen studiehjälp',
    cell: count,
    unit: 'elever',
    owner: ['kommun'],
    direction: 'down',
  },
  {
    id: 'gymnasieexamen',
    label: 'Andel som klarar gymnasieexamen inom 3 år',
    cell: percent,
    unit: '%',
    owner: ['kommun'],
    direction: 'up',
  },
  {
    id: 'kaa_utan_sysselsattning',
    label: 'Andel ungdomar utan sysselsättning i KAA',
    help: 'Kommunala aktivitetsansvaret (16–19 år).',
    cell: percent,
    unit: '%',
    owner: ['kommun'],
    direction: 'down',
  },
  {
    id: 'aterupptar_studier',
    label: 'Andel ungdomar 16–19 år i KAA som återupptar studier',
    cell: percent,
    unit: '%',
    owner: ['kommun'],
    direction: 'up',
  },
  {
    id: 'barn_forsorjningsstod',
    label: 'Antal barn och unga som lever med föräldrar som har försörjningsstöd',
    cell: count,
    unit: 'barn',
    owner: ['kommun'],
    direction: 'down',
  },
];

/** Strategic indicators per kommun and year (seed 004, Bilaga 4; seed 001, goals). */
export const strategiskaIndikatorer: TemplateDefinitionInput = {
  id: 'strategiska-indikatorer',
  version: 1,
  // 2022: last year's values, for the comparison in 2023 (seed 004, Bilaga 4 gives 2022).
  years: { from: 2022, to: 2026 },
  title: 'Strategiska indikatorer per kommun',
  sheetName: 'Strategiska indikatorer',
  help:
    'Fyll i årets värden för kommunen – bara de rader som er part ansvarar för. Lämna tomt det ' +
    'som inte finns ännu (t.ex. skolans terminssiffror); tomt är saknat, inte 0.',
  period: { kind: 'year', cumulative: false },
  scope: 'kommun',
  // The owners of the rows; SCB rows are imported by kansliet. No row is the Region's.
  submitters: ['kommun', 'af', 'fk'],
  sections: [
    {
      id: 'indikatorer',
      title: 'Indikatorer',
      // Missing is normal: figures come from several parties and some arrive late in the year.
      required: false,
      cell: { kind: 'decimal' },
      columns: [{ id: 'varde', label: 'Värde' }],
      rows: indicators,
    },
  ],
  rules: [
    {
      id: 'fs_andelar',
      check: 'lte',
      severity: 'fel',
      target: 'indikatorer.fs_0_10.varde',
      terms: ['-indikatorer.fs_11_36.varde', '-indikatorer.fs_36.varde'],
      constant: 100,
      // Shares are rounded to one decimal each.
      tolerance: 0.15,
      description: 'Andelarna med försörjningsstöd 0–10, 11–36 och 36+ månader kan tillsammans inte vara mer än 100 %',
    },
  ],
  // Seed 004, Bilaga 4: a table per indicator with the kommuner as rows; the counts add up to the förbund.
  consolidation: { sheetName: 'Indikatorer', title: 'Strategiska indikatorer per kommun' },
};
