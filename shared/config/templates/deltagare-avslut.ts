import type { DerivedFigure } from '../../model/consolidation-schema';
import type { TemplateDefinitionInput } from '../../model/template-schema';

const kon = [
  { id: 'k', label: 'Kvinnor' },
  { id: 'm', label: 'Män' },
  { id: 'tot', label: 'Totalt' },
];

type Ratio = Omit<DerivedFigure, 'headline'> & { headline?: boolean };
const ratio = (
  id: string,
  label: string,
  numerator: string,
  denominator: string,
  extra: Partial<Ratio> = {},
): Ratio => ({ id, label, numerator: `deltagare.${numerator}.*`, denominator: `deltagare.${denominator}.*`, ...extra });
const atLeast = (value: number) => ({ target: { comparator: 'gte' as const, value }, headline: true });

/**
 * The outcome rates of seed 004 (Tabell 1's % column and the text's targets): positiv lösning,
 * hälsoskäl and avbrott of the closed; arbete, studier, vidare till AF and saknar arbetsförmåga
 * of the positive; genomströmning = closed of participants. Bilaga 1 sets vidare till AF at
 * 20 %, the report's text 25 %; the social budget's 20 % is used.
 */
const RATES: Ratio[] = [
  ratio('andel_positiv', 'Andel positiv lösning', 'positiv', 'avslutade', atLeast(70)),
  ratio('andel_arbete', 'Andel till arbete (av positiva)', 'arbete', 'positiv', atLeast(35)),
  ratio('andel_studier', 'Andel till studier (av positiva)', 'studier', 'positiv', atLeast(25)),
  ratio('andel_vidare_af', 'Andel vidare till Arbetsförmedlingen (av positiva)', 'vidare_af', 'positiv', atLeast(20)),
  ratio(
    'andel_saknar_arbetsformaga',
    'Andel där arbetsförmåga saknas (av positiva)',
    'saknar_arbetsformaga',
    'positiv',
  ),
  ratio('andel_halsoskal', 'Andel avslutade av hälsoskäl', 'halsoskal', 'avslutade', { direction: 'down' }),
  ratio('andel_avbrott', 'Andel avbrott', 'avbrott', 'avslutade', { direction: 'down' }),
  ratio('genomstromning', 'Genomströmning (avslutade av deltagare)', 'avslutade', 'antal', atLeast(40)),
];

/** Participants and closures per platform (seed 004, Tabell 1) and referrals by referring party (Bilaga 2). */
export const deltagareAvslut: TemplateDefinitionInput = {
  id: 'deltagare-avslut',
  version: 1,
  // 2022: last year's figures, for the comparison (Diff) in 2023's reports (seed 004 gives 2022).
  years: { from: 2022, to: 2026 },
  title: 'Deltagare och avslut per plattform',
  sheetName: 'Deltagare och avslut',
  help:
    'Fyll i antal personer för plattformen, från årets början till periodens slut. Lämna en ' +
    'cell tom bara om uppgiften saknas – skriv 0 om det inte finns några.',
  period: { kind: 'tertial', cumulative: true },
  scope: 'platform',
  submitters: ['kommun', 'af', 'fk', 'region'],
  // Counts far from last year's or last tertial's for the platform get a varning (ARCHITECTURE.md).
  plausibility: { z: 3, minRelativeChange: 0.5 },
  sections: [
    {
      id: 'deltagare',
      title: 'Deltagare och avslut',
      cell: { kind: 'count' },
      columns: kon,
      rows: [
        { id: 'antal', label: 'Antal deltagare', help: 'Alla som deltagit någon dag under perioden.' },
        { id: 'nya', label: 'varav nya under året', indent: 1 },
        { id: 'avslutade', label: 'Totalt antal avslutade' },
        { id: 'positiv', label: 'Avslutade till en för individen positiv lösning', indent: 1 },
        { id: 'arbete', label: 'varav till arbete', indent: 2 },
        { id: 'studier', label: 'varav till studier', indent: 2 },
        { id: 'vidare_af', label: 'varav till fortsatt insats via Arbetsförmedlingen', indent: 2 },
        { id: 'saknar_arbetsformaga', label: 'varav klargjort att arbetsförmåga saknas', indent: 2 },
        { id: 'halsoskal', label: 'Avslutade av hälsoskäl', indent: 1 },
        { id: 'avbrott', label: 'Avbrott', indent: 1 },
        { id: 'kvar', label: 'Antal kvar i verksamheten', help: 'Deltagare som är kvar vid periodens slut.' },
      ],
    },
    {
      id: 'aktualiserade',
      title: 'Aktualiserade per aktualiserande part',
      help:
        'Personer som aktualiserats under perioden och beslutet om samverkan, fördelat på den ' +
        'part som aktualiserade.',
      cell: { kind: 'count' },
      columns: [
        { id: 'af', label: 'Arbetsförmedlingen' },
        { id: 'fk', label: 'Försäkringskassan' },
        { id: 'soc', label: 'Socialtjänsten' },
        { id: 'ovr_kommun', label: 'Övriga kommunala verksamheter' },
        { id: 'region', label: 'Region' },
        { id: 'kriminalvarden', label: 'Kriminalvården', required: false },
        { id: 'tot', label: 'Totalt' },
      ],
      rows: [
        { id: 'aktualiserade', label: 'Aktualiserade' },
        { id: 'ja', label: 'varav Ja till samverkan', indent: 1 },
        { id: 'nej', label: 'varav Nej till samverkan', indent: 1 },
      ],
    },
    {
      id: 'aktualiserade_kon',
      title: 'Aktualiserade per kön',
      cell: { kind: 'count' },
      columns: kon,
      rows: [
        { id: 'aktualiserade', label: 'Aktualiserade' },
        { id: 'ja', label: 'varav Ja till samverkan', indent: 1 },
        { id: 'nej', label: 'varav Nej till samverkan', indent: 1 },
      ],
    },
  ],
  rules: [
    {
      id: 'totalt_kon',
      check: 'sum',
      severity: 'fel',
      target: 'deltagare.*.tot',
      terms: ['deltagare.*.k', 'deltagare.*.m'],
      description: 'Totalt ska vara Kvinnor + Män',
    },
    {
      id: 'avslutade_delar',
      check: 'sum',
      severity: 'fel',
      target: 'deltagare.avslutade.*',
      terms: ['deltagare.positiv.*', 'deltagare.halsoskal.*', 'deltagare.avbrott.*'],
      description: 'Avslutade ska vara positiv lösning + hälsoskäl + avbrott',
    },
    {
      id: 'positiv_delar',
      check: 'sum',
      severity: 'fel',
      target: 'deltagare.positiv.*',
      terms: ['deltagare.arbete.*', 'deltagare.studier.*', 'deltagare.vidare_af.*', 'deltagare.saknar_arbetsformaga.*'],
      description: 'Positiv lösning ska vara arbete + studier + Arbetsförmedlingen + saknar arbetsförmåga',
    },
    {
      id: 'kvar',
      check: 'sum',
      severity: 'fel',
      target: 'deltagare.kvar.*',
      terms: ['deltagare.antal.*', '-deltagare.avslutade.*'],
      description: 'Kvar ska vara deltagare − avslutade',
    },
    {
      id: 'nya_del',
      check: 'lte',
      severity: 'fel',
      target: 'deltagare.nya.*',
      terms: ['deltagare.antal.*'],
      description: 'Nya kan inte vara fler än deltagarna',
    },
    {
      id: 'avslutade_del',
      check: 'lte',
      severity: 'fel',
      target: 'deltagare.avslutade.*',
      terms: ['deltagare.antal.*'],
      description: 'Avslutade kan inte vara fler än deltagarna',
    },
    {
      id: 'aktualiserade_parter',
      check: 'sum',
      severity: 'fel',
      target: 'aktualiserade.*.tot',
      terms: [
        'aktualiserade.*.af',
        'aktualiserade.*.fk',
        'aktualiserade.*.soc',
        'aktualiserade.*.ovr_kommun',
        'aktualiserade.*.region',
        'aktualiserade.*.kriminalvarden',
      ],
      description: 'Totalt ska vara summan av de aktualiserande parterna',
    },
    {
      id: 'beslut_del',
      check: 'lte',
      severity: 'fel',
      target: 'aktualiserade.ja.*',
      terms: ['aktualiserade.aktualiserade.*', '-aktualiserade.nej.*'],
      description: 'Ja + Nej kan inte vara fler än de aktualiserade',
    },
    {
      id: 'beslut_alla',
      check: 'sum',
      severity: 'varning',
      target: 'aktualiserade.aktualiserade.*',
      terms: ['aktualiserade.ja.*', 'aktualiserade.nej.*'],
      description: 'Alla aktualiserade brukar ha fått Ja eller Nej; förklara i en kommentar om beslut väntar',
    },
    {
      id: 'totalt_kon_akt',
      check: 'sum',
      severity: 'fel',
      target: 'aktualiserade_kon.*.tot',
      terms: ['aktualiserade_kon.*.k', 'aktualiserade_kon.*.m'],
      description: 'Totalt ska vara Kvinnor + Män',
    },
    {
      id: 'kon_mot_parter',
      check: 'sum',
      severity: 'fel',
      target: 'aktualiserade_kon.*.tot',
      terms: ['aktualiserade.*.tot'],
      description: 'Totalt per kön ska stämma med totalt per aktualiserande part',
    },
  ],
  // Seed 004's Tabell 1 per platform and group, referrals per party (Bilaga 2), and the gender split.
  consolidation: {
    sheetName: 'Deltagare',
    title: 'volym och resultat deltagare',
    comparisons: ['last-year', 'previous-tertial'],
    derived: [
      ...RATES,
      {
        id: 'andel_ja',
        label: 'Andel Ja',
        numerator: 'aktualiserade.ja.*',
        denominator: 'aktualiserade.aktualiserade.*',
        target: { comparator: 'gte', value: 80 },
      },
    ],
    layout: [
      {
        block: 'section',
        section: 'deltagare',
        title: 'Deltagare och avslut',
        percentOf: 'tot',
        compare: ['tot'],
        footnote:
          '% = positiv lösning, hälsoskäl och avbrott av avslutade; arbete, studier, Arbetsförmedlingen och saknar ' +
          'arbetsförmåga av de positiva; vid Totalt antal avslutade: genomströmning (avslutade av deltagare).',
      },
      {
        block: 'section',
        section: 'aktualiserade',
        transpose: true,
        derived: ['andel_ja'],
        footnote: 'Målet är att varje part får Ja till samverkan för minst 80 % av dem den aktualiserar.',
      },
      { block: 'section', section: 'aktualiserade_kon', compare: ['tot'] },
      {
        block: 'derived',
        title: 'Kvinnor och män',
        derived: RATES.map((r) => r.id),
        columns: ['k', 'm'],
        gap: true,
      },
    ],
  },
};
