import type { ImpactIndicator, IndicatorTarget, SocialBudget } from '../../model/forbund-schema';

/**
 * Umeåregionen's social budget 2023 (seed 004, Bilaga 1): five goal areas with index points,
 * their goals, and indicators with weights 1–10 and targets. Impactindex 70 is the target.
 *
 * The area points and the targets of the computed indicators are published; the indicators of
 * areas 2–5 and ALL WEIGHTS ARE ILLUSTRATIVE, not published: the seeds list the goals of each
 * area but no indicator-level weights. They are derived from the listed goals so that each
 * area's weights add up to its points (the method allows ±5 %).
 *
 * Computed indicators name a formula over other submissions; `name:arg` passes an argument — a
 * kommun id for SCB figures (an indicator per kommun applies to a platform when that kommun
 * reports for it; Arbetsmarknadstorgen takes all), or a referring-party column of
 * deltagare-avslut's `aktualiserade` section for Ja-andelar.
 */
const gte = (value: number): IndicatorTarget => ({ type: 'threshold', comparator: 'gte', value });
const lte = (value: number): IndicatorTarget => ({ type: 'threshold', comparator: 'lte', value });
const KOMMUNER = [
  ['umea', 'Umeå'],
  ['vannas', 'Vännäs'],
  ['vindeln', 'Vindeln'],
  ['robertsfors', 'Robertsfors'],
  ['nordmaling', 'Nordmaling'],
  ['bjurholm', 'Bjurholm'],
] as const;

const survey = (
  id: string,
  area: string,
  label: string,
  weight: number,
  target: IndicatorTarget = gte(80),
): ImpactIndicator => ({ id, area, label, weight, unit: '%', target, source: 'input' });

const samhallsnytta: ImpactIndicator[] = [
  // Mål 1: a positive solution for those who closed; of the positive: arbete, studier, vidare till AF.
  {
    id: 'positiv_losning',
    area: 'samhallsnytta',
    label: 'Andel avslutade till en för individen positiv lösning',
    weight: 10,
    unit: '%',
    target: gte(70),
    source: { formula: 'andel_positiv_losning' },
  },
  {
    id: 'arbete',
    area: 'samhallsnytta',
    label: 'Andel av de positiva lösningarna som gått till arbete',
    weight: 10,
    unit: '%',
    target: gte(35),
    source: { formula: 'andel_arbete' },
  },
  {
    id: 'studier',
    area: 'samhallsnytta',
    label: 'Andel av de positiva lösningarna som gått till studier',
    weight: 10,
    unit: '%',
    target: gte(25),
    source: { formula: 'andel_studier' },
  },
  // Bilaga 1 sets 20 %; the report's main text says 25 %. The social budget's figure is used.
  {
    id: 'vidare_af',
    area: 'samhallsnytta',
    label: 'Andel av de positiva lösningarna som gått vidare till Arbetsförmedlingens insatser',
    weight: 10,
    unit: '%',
    target: gte(20),
    source: { formula: 'andel_vidare_af' },
  },
  // Mål 2 and 3, per kommun: "Majoriteten av kommunerna har minskat sina helårsekvivalenter och
  // ökat sitt arbetskraftsdeltagande, vilket är en del av indexet" (seed 004).
  ...KOMMUNER.map(([id, name]): ImpactIndicator => ({
    id: `hae_${id}`,
    area: 'samhallsnytta',
    label: `Helårsekvivalenter som andel av befolkningen 20–64 år, ${name} (januari–juni), lägre än föregående år`,
    weight: 5,
    unit: '%',
    target: { type: 'better-than-last-year', direction: 'down' },
    source: { formula: `helarsekvivalenter_andel:${id}` },
  })),
  ...KOMMUNER.map(([id, name]): ImpactIndicator => ({
    id: `akd_${id}`,
    area: 'samhallsnytta',
    label: `Arbetskraftsdeltagande 20–64 år, ${name} (oktober), högre än föregående år`,
    weight: 5,
    unit: '%',
    target: { type: 'better-than-last-year', direction: 'up' },
    source: { formula: `arbetskraftsdeltagande:${id}` },
  })),
];

const samordning: ImpactIndicator[] = [
  // Mål 1: undvika inlåsning, funktionell genomströmning (avslutade / deltagare).
  {
    id: 'genomstromning',
    area: 'samordning',
    label: 'Genomströmning: avslutade som andel av deltagarna',
    weight: 10,
    unit: '%',
    target: gte(40),
    source: { formula: 'genomstromning' },
  },
  // "Alla organisationer får ja till samverkan för minst 80 % av de individer de aktualiserar."
  ...(
    [
      ['af', 'Arbetsförmedlingen'],
      ['fk', 'Försäkringskassan'],
      ['soc', 'Socialtjänsten'],
      ['ovr_kommun', 'övriga kommunala verksamheter'],
      ['region', 'Regionen'],
    ] as const
  ).map(([id, name]): ImpactIndicator => ({
    id: `ja_${id}`,
    area: 'samordning',
    label: `Andel Ja till samverkan av dem som aktualiserats av ${name}`,
    weight: 4,
    unit: '%',
    target: gte(80),
    source: { formula: `andel_ja_till_samverkan:${id}` },
  })),
  survey(
    'lokal_samverkan',
    'samordning',
    'Andel i styrgrupper och bland medarbetare som instämmer i att den lokala samverkan fungerar',
    5,
  ),
  survey(
    'andra_aktorer',
    'samordning',
    'Andel medarbetare som instämmer i att verksamheten samverkar med företag, ideella krafter och föreningsliv',
    5,
  ),
  survey(
    'uppfoljning',
    'samordning',
    'Andel i styrgrupper och bland medarbetare som instämmer i att uppföljningen används för att utveckla verksamheten',
    5,
  ),
  survey(
    'planering_avslut',
    'samordning',
    'Andel deltagare som instämmer i att det finns en planering för dem när de lämnar samordningen',
    5,
  ),
];

const jamlik: ImpactIndicator[] = [
  survey(
    'styrgrupper_jamstallda',
    'jamlik',
    'Andel styrgrupper med jämställd representation (minst 40 % av vartdera könet)',
    7,
    gte(100),
  ),
  survey('medarbetare_jamstallda', 'jamlik', 'Andel medarbetare av det underrepresenterade könet', 7, gte(40)),
  {
    id: 'kon_positiv_losning',
    area: 'jamlik',
    label: 'Skillnad mellan kvinnor och män i andel positiv lösning',
    weight: 8,
    unit: 'procentenheter',
    target: lte(10),
    source: { formula: 'konsskillnad_positiv_losning' },
  },
  {
    id: 'kon_arbete',
    area: 'jamlik',
    label: 'Skillnad mellan kvinnor och män i andel som gått till arbete',
    weight: 8,
    unit: 'procentenheter',
    target: lte(10),
    source: { formula: 'konsskillnad_arbete' },
  },
  survey(
    'ej_diskriminerade',
    'jamlik',
    'Andel deltagare som instämmer i att de inte har blivit diskriminerade',
    10,
    gte(95),
  ),
  {
    ...survey(
      'kon_upplevd_kvalitet',
      'jamlik',
      'Skillnad mellan kvinnor och män i andel deltagare som är nöjda med insatsen',
      10,
      lte(10),
    ),
    unit: 'procentenheter',
  },
];

const deltagarnojdhet: ImpactIndicator[] = [
  survey(
    'avsedd_effekt',
    'deltagarnojdhet',
    'Andel deltagare som instämmer i att deltagandet har gett avsedd effekt',
    5,
  ),
  survey(
    'organiserat_runt_behov',
    'deltagarnojdhet',
    'Andel deltagare som instämmer i att verksamheten är organiserad runt deras behov',
    4,
  ),
  survey(
    'inflytande',
    'deltagarnojdhet',
    'Andel deltagare som instämmer i att de har inflytande över rehabiliteringsprocessen',
    4,
  ),
  survey(
    'erfarenheter_tas_tillvara',
    'deltagarnojdhet',
    'Andel deltagare som instämmer i att deras erfarenheter, kunskaper och synpunkter tas tillvara',
    4,
  ),
  survey('bemotande', 'deltagarnojdhet', 'Andel deltagare som instämmer i att de har blivit väl bemötta', 4),
  survey(
    'insatsen_viktig',
    'deltagarnojdhet',
    'Andel deltagare som instämmer i att insatsen de deltagit i är viktig',
    4,
  ),
];

const medarbetarnojdhet: ImpactIndicator[] = [
  survey(
    'mening',
    'medarbetarnojdhet',
    'Andel medarbetare som instämmer i att de känner mening med uppdraget och resultatglädje i arbetet',
    7,
  ),
  survey(
    'trivsel',
    'medarbetarnojdhet',
    'Andel medarbetare som instämmer i att de är nöjda och trivs med sina arbetsuppgifter',
    6,
  ),
  survey(
    'respekt',
    'medarbetarnojdhet',
    'Andel medarbetare som instämmer i att personal i de andra myndigheterna respekterar deras roll ' +
      'och tar tillvara deras kunskap',
    6,
  ),
  survey(
    'ledning',
    'medarbetarnojdhet',
    'Andel medarbetare som instämmer i att ledningen fungerar väl och ger det stöd som uppdraget kräver',
    6,
  ),
];

export const socialBudget2023: SocialBudget = {
  targetIndex: 70,
  areas: [
    { id: 'samhallsnytta', name: 'Samhälls- & medborgarnytta', points: 100 },
    { id: 'samordning', name: 'God samordning & medlemsnytta', points: 50 },
    { id: 'jamlik', name: 'Jämlik samverkan', points: 50 },
    { id: 'deltagarnojdhet', name: 'Deltagarnöjdhet', points: 25 },
    { id: 'medarbetarnojdhet', name: 'Medarbetarnöjdhet', points: 25 },
  ],
  indicators: [...samhallsnytta, ...samordning, ...jamlik, ...deltagarnojdhet, ...medarbetarnojdhet],
};
