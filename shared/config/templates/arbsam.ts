import type { TemplateDefinitionInput } from '../../model/template-schema';

const kon = [
  { id: 'k', label: 'Kvinnor' },
  { id: 'm', label: 'Män' },
  { id: 'tot', label: 'Totalt' },
];

const antal = [{ id: 'antal', label: 'Antal' }];

/**
 * The register's Samtliga is what ArbSam counts; its groups by referring authority and the
 * forum's cases by origin are tallied apart and may miscount (seed 000: AF 9 + 15 printed as 25,
 * groups adding to 150 against 149, cases 58 against 60). Such a difference is a *varning*: the
 * figures can still be sent, with a comment, and the consolidated workbook's Kontroll sheet
 * names every one. The age groups and closures are the register's own sums and stay *fel*.
 */
const tally = { severity: 'varning' } as const;

/**
 * Skellefteå-Norsjö's ArbSam (arbetslivs- och samverkanscenter), as in the annual report
 * (seed 000, section 2.3): participants by age group and referring authority, closures by
 * reason, mean time in the activity, the preparatory activities and Samverkansforum.
 */
export const arbsam: TemplateDefinitionInput = {
  id: 'arbsam',
  version: 1,
  years: { from: 2023, to: 2026 },
  title: 'ArbSam – deltagare, avslut och förberedande insatser',
  sheetName: 'ArbSam',
  help:
    'Fyll i antal personer i ArbSam under året. Lämna en cell tom bara om uppgiften saknas – ' +
    'skriv 0 om det inte finns några.',
  // The seed is an annual report; ArbSam has no tertial reporting of its own.
  period: { kind: 'year', cumulative: false },
  scope: 'platform',
  // Skellefteå kommun's arbetsmarknadsenhet runs ArbSam and keeps its register.
  submitters: ['kommun'],
  plausibility: { z: 3, minRelativeChange: 0.5 },
  forbund: ['skelleftea-norsjo'],
  sections: [
    {
      id: 'alder',
      title: 'Antal deltagare per åldersgrupp',
      cell: { kind: 'count' },
      columns: kon,
      rows: [
        { id: 'a16_19', label: '16–19 år' },
        { id: 'a20_29', label: '20–29 år' },
        { id: 'a30_50', label: '30–50 år' },
        { id: 'a51_65', label: '51–65 år' },
        { id: 'samtliga', label: 'Samtliga' },
      ],
    },
    {
      id: 'remittent',
      title: 'Antal deltagare per remitterande myndighet',
      cell: { kind: 'count' },
      columns: kon,
      rows: [
        { id: 'af', label: 'Arbetsförmedlingen' },
        { id: 'fk', label: 'Försäkringskassan' },
        { id: 'kommuner', label: 'Kommuner' },
        { id: 'region', label: 'Region' },
        { id: 'samtliga', label: 'Samtliga' },
      ],
    },
    {
      id: 'avslut',
      title: 'Avslutade deltagare per avslutsorsak',
      help: 'Kvinnor och Män per orsak får lämnas tomma om bara totalen finns; Samtliga ska delas på kön.',
      cell: { kind: 'count' },
      columns: [
        { id: 'k', label: 'Kvinnor', required: false },
        { id: 'm', label: 'Män', required: false },
        { id: 'tot', label: 'Totalt' },
      ],
      rows: [
        { id: 'arbete', label: 'Arbete (inkl. arbetsmarknadsanställning)' },
        { id: 'arbete_ama', label: 'varav arbetsmarknadsanställning', indent: 1, columns: ['tot'], required: false },
        { id: 'studier', label: 'Studier' },
        { id: 'af_insatser', label: 'Arbetsförmedlingens ordinarie insatser' },
        { id: 'ater_remittent', label: 'Åter remittent' },
        { id: 'samtliga', label: 'Samtliga', required: true },
      ],
    },
    {
      id: 'tid',
      title: 'Genomsnittlig tid i insats, avslutade deltagare',
      help: 'Lämna tomt om ingen har avslutats under året.',
      cell: { kind: 'decimal', min: 0, max: 120 },
      required: false,
      columns: [{ id: 'manader', label: 'Månader' }],
      rows: [
        { id: 'exkl_ater', label: 'Avslutade deltagare exkl. åter remittent', unit: 'månader' },
        { id: 'samtliga', label: 'Samtliga avslutade deltagare', unit: 'månader' },
      ],
    },
    {
      id: 'forberedande',
      title: 'Förberedande insatser',
      help:
        'Antal deltagare under året. Lämna tomt för en insats som inte fanns under året ' +
        '(Djurens Gård och Café Klockaren startade hösten 2025).',
      cell: { kind: 'count' },
      required: false,
      columns: antal,
      rows: [
        { id: 'djurens_gard', label: 'Djurens Gård' },
        { id: 'cafe_klockaren', label: 'Café Klockaren' },
        { id: 'aktivitetsersattning', label: 'Aktivitetsersättning i samverkan' },
        { id: 'samtliga', label: 'Samtliga förberedande insatser' },
      ],
    },
    {
      id: 'forum',
      title: 'Samverkansforum',
      help:
        'Ärenden som forumet hanterat under året. Lämna tomt om forumet inte funnits under året ' +
        '(det avvecklas 2026).',
      cell: { kind: 'count' },
      required: false,
      columns: antal,
      rows: [
        { id: 'arenden', label: 'Ärenden totalt' },
        { id: 'behov', label: 'varav bedömda i behov av utökad samverkan via ArbSam', indent: 1 },
        { id: 'soc', label: 'varav från Socialkontoret', indent: 2 },
        { id: 'af', label: 'varav från Arbetsförmedlingen', indent: 2 },
        { id: 'fk', label: 'varav från Försäkringskassan', indent: 2 },
        { id: 'region', label: 'varav från Region Västerbotten', indent: 2 },
        { id: 'ko', label: 'Personer i kö till ArbSam vid årets slut' },
      ],
    },
  ],
  rules: [
    {
      id: 'alder_kon',
      check: 'sum',
      severity: 'fel',
      target: 'alder.*.tot',
      terms: ['alder.*.k', 'alder.*.m'],
      description: 'Totalt ska vara Kvinnor + Män',
    },
    {
      id: 'alder_samtliga',
      check: 'sum',
      severity: 'fel',
      target: 'alder.samtliga.*',
      terms: ['alder.a16_19.*', 'alder.a20_29.*', 'alder.a30_50.*', 'alder.a51_65.*'],
      description: 'Samtliga ska vara summan av åldersgrupperna',
    },
    {
      id: 'remittent_kon',
      check: 'sum',
      ...tally,
      target: 'remittent.*.tot',
      terms: ['remittent.*.k', 'remittent.*.m'],
      description: 'Totalt ska vara Kvinnor + Män',
    },
    {
      id: 'remittent_samtliga',
      check: 'sum',
      ...tally,
      target: 'remittent.samtliga.*',
      terms: ['remittent.af.*', 'remittent.fk.*', 'remittent.kommuner.*', 'remittent.region.*'],
      description: 'Samtliga ska vara summan av de remitterande myndigheterna',
    },
    {
      id: 'remittent_mot_alder',
      check: 'sum',
      severity: 'fel',
      target: 'remittent.samtliga.*',
      terms: ['alder.samtliga.*'],
      description: 'Samtliga per remitterande myndighet ska stämma med samtliga per åldersgrupp',
    },
    {
      id: 'avslut_kon',
      check: 'sum',
      severity: 'fel',
      target: 'avslut.*.tot',
      terms: ['avslut.*.k', 'avslut.*.m'],
      description: 'Totalt ska vara Kvinnor + Män',
    },
    {
      id: 'avslut_samtliga',
      check: 'sum',
      severity: 'fel',
      target: 'avslut.samtliga.*',
      terms: ['avslut.arbete.*', 'avslut.studier.*', 'avslut.af_insatser.*', 'avslut.ater_remittent.*'],
      description: 'Samtliga avslutade ska vara summan av avslutsorsakerna',
    },
    {
      id: 'arbete_ama_del',
      check: 'lte',
      severity: 'fel',
      target: 'avslut.arbete_ama.tot',
      terms: ['avslut.arbete.tot'],
      description: 'Arbetsmarknadsanställningar ingår i arbete och kan inte vara fler',
    },
    {
      id: 'avslut_del',
      check: 'lte',
      severity: 'fel',
      target: 'avslut.samtliga.*',
      terms: ['alder.samtliga.*'],
      description: 'Avslutade kan inte vara fler än deltagarna',
    },
    {
      id: 'forberedande_samtliga',
      check: 'sum',
      severity: 'fel',
      target: 'forberedande.samtliga.antal',
      terms: [
        'forberedande.djurens_gard.antal',
        'forberedande.cafe_klockaren.antal',
        'forberedande.aktivitetsersattning.antal',
      ],
      description: 'Samtliga förberedande insatser ska vara summan av insatserna',
    },
    {
      id: 'forum_behov_del',
      check: 'lte',
      severity: 'fel',
      target: 'forum.behov.antal',
      terms: ['forum.arenden.antal'],
      description: 'Ärenden i behov av samverkan kan inte vara fler än ärendena',
    },
    {
      id: 'forum_ursprung',
      check: 'sum',
      ...tally,
      target: 'forum.behov.antal',
      terms: ['forum.soc.antal', 'forum.af.antal', 'forum.fk.antal', 'forum.region.antal'],
      description: 'Ärenden i behov av samverkan ska vara summan av ärendena per myndighet',
    },
  ],
  // Section 2.3 of seed 000: each table with its shares of Samtliga, compared with last year.
  consolidation: {
    title: 'ArbSam – deltagare, avslut och förberedande insatser',
    derived: [
      { id: 'andel_alder', label: 'Andel av samtliga', numerator: 'alder.*.tot', denominator: 'alder.samtliga.tot' },
      {
        id: 'andel_remittent',
        label: 'Andel av samtliga',
        numerator: 'remittent.*.tot',
        denominator: 'remittent.samtliga.tot',
      },
      {
        id: 'andel_avslut',
        label: 'Andel av avslutade',
        numerator: 'avslut.*.tot',
        denominator: 'avslut.samtliga.tot',
      },
      {
        id: 'andel_arbete',
        label: 'Andel avslutade till arbete',
        numerator: 'avslut.arbete.tot',
        denominator: 'avslut.samtliga.tot',
        headline: true,
      },
      {
        id: 'genomstromning',
        label: 'Avslutade av deltagarna',
        numerator: 'avslut.samtliga.tot',
        denominator: 'alder.samtliga.tot',
        headline: true,
      },
      {
        id: 'forum_behov',
        label: 'Andel av forumets ärenden i behov av utökad samverkan',
        numerator: 'forum.behov.antal',
        denominator: 'forum.arenden.antal',
      },
    ],
    // Months are means over the closed: a sum of ArbSam-like platforms weighs them by their closures.
    measures: [{ cells: 'tid.*.manader', total: { weightedBy: 'avslut.samtliga.tot' } }],
    layout: [
      { block: 'section', section: 'alder', percentOf: 'tot' },
      { block: 'section', section: 'remittent', percentOf: 'tot' },
      { block: 'section', section: 'avslut', percentOf: 'tot' },
      { block: 'section', section: 'tid' },
      { block: 'section', section: 'forberedande' },
      { block: 'section', section: 'forum' },
    ],
  },
};
