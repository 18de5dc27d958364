import { normaliseKey } from './fields';

/** Columns of the template's Kvinnor / Män split; anything else cannot be counted in it. */
export const GENDERS = ['k', 'm'] as const;
export type Gender = (typeof GENDERS)[number];

/** Closure reasons, named by the template's rows. The first four are "positiv lösning". */
export const CLOSURE_REASONS = [
  'arbete',
  'studier',
  'vidare_af',
  'saknar_arbetsformaga',
  'halsoskal',
  'avbrott',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const POSITIVE_REASONS: ReadonlySet<ClosureReason> = new Set([
  'arbete',
  'studier',
  'vidare_af',
  'saknar_arbetsformaga',
]);

/** Referring parties, named by the template's columns. */
export const REFERRING_PARTIES = ['af', 'fk', 'soc', 'ovr_kommun', 'region', 'kriminalvarden'] as const;
export type ReferringParty = (typeof REFERRING_PARTIES)[number];

export const DECISIONS = ['ja', 'nej'] as const;
export type Decision = (typeof DECISIONS)[number];

export const GENDER_LABEL = { k: 'Kvinnor', m: 'Män' } satisfies Record<Gender, string>;
export const CLOSURE_REASON_LABEL = {
  arbete: 'Arbete',
  studier: 'Studier',
  vidare_af: 'Fortsatt insats via Arbetsförmedlingen',
  saknar_arbetsformaga: 'Klargjort att arbetsförmåga saknas',
  halsoskal: 'Hälsoskäl',
  avbrott: 'Avbrott',
} satisfies Record<ClosureReason, string>;
export const REFERRING_PARTY_LABEL = {
  af: 'Arbetsförmedlingen',
  fk: 'Försäkringskassan',
  soc: 'Socialtjänsten',
  ovr_kommun: 'Övriga kommunala verksamheter',
  region: 'Region',
  kriminalvarden: 'Kriminalvården',
} satisfies Record<ReferringParty, string>;
export const DECISION_LABEL = { ja: 'Ja till samverkan', nej: 'Nej till samverkan' } satisfies Record<Decision, string>;

/** Values people write, normalised with normaliseKey; the pane suggests these and the user confirms or changes them. */
const GENDER_WORDS: Record<string, Gender> = {
  k: 'k',
  kvinna: 'k',
  kvinnor: 'k',
  kvinnlig: 'k',
  kv: 'k',
  f: 'k',
  female: 'k',
  woman: 'k',
  tjej: 'k',
  flicka: 'k',
  m: 'm',
  man: 'm',
  män: 'm',
  manlig: 'm',
  male: 'm',
  kille: 'm',
  pojke: 'm',
};

const CLOSURE_WORDS: Record<string, ClosureReason> = {
  arbete: 'arbete',
  'till arbete': 'arbete',
  anställning: 'arbete',
  jobb: 'arbete',
  'arbete med stöd': 'arbete',
  lönearbete: 'arbete',
  'subventionerad anställning': 'arbete',
  studier: 'studier',
  'till studier': 'studier',
  utbildning: 'studier',
  studera: 'studier',
  skola: 'studier',
  'vidare af': 'vidare_af',
  'vidare till af': 'vidare_af',
  'fortsatt insats via af': 'vidare_af',
  'fortsatt insats via arbetsförmedlingen': 'vidare_af',
  'af:s ordinarie insatser': 'vidare_af',
  'åter af': 'vidare_af',
  arbetsförmedlingen: 'vidare_af',
  af: 'vidare_af',
  'saknar arbetsförmåga': 'saknar_arbetsformaga',
  'klargjort att arbetsförmåga saknas': 'saknar_arbetsformaga',
  'ingen arbetsförmåga': 'saknar_arbetsformaga',
  'arbetsförmåga saknas': 'saknar_arbetsformaga',
  hälsoskäl: 'halsoskal',
  'av hälsoskäl': 'halsoskal',
  ohälsa: 'halsoskal',
  sjukdom: 'halsoskal',
  sjukskriven: 'halsoskal',
  avbrott: 'avbrott',
  avbrutit: 'avbrott',
  avbrutet: 'avbrott',
  avhopp: 'avbrott',
  'avbrott/avhopp': 'avbrott',
};

const PARTY_WORDS: Record<string, ReferringParty> = {
  af: 'af',
  arbetsförmedlingen: 'af',
  arbetsformedlingen: 'af',
  fk: 'fk',
  försäkringskassan: 'fk',
  forsakringskassan: 'fk',
  soc: 'soc',
  socialtjänsten: 'soc',
  socialtjänst: 'soc',
  'ekonomiskt bistånd': 'soc',
  ifo: 'soc',
  'individ- och familjeomsorgen': 'soc',
  'övriga kommunala verksamheter': 'ovr_kommun',
  'övrig kommunal verksamhet': 'ovr_kommun',
  'övr kommun': 'ovr_kommun',
  'ovr kommun': 'ovr_kommun',
  'övriga kommunala': 'ovr_kommun',
  kommunen: 'ovr_kommun',
  kommun: 'ovr_kommun',
  arbetsmarknadsenheten: 'ovr_kommun',
  ame: 'ovr_kommun',
  kaa: 'ovr_kommun',
  region: 'region',
  regionen: 'region',
  'region västerbotten': 'region',
  vården: 'region',
  primärvården: 'region',
  psykiatrin: 'region',
  vårdcentralen: 'region',
  'hälso- och sjukvården': 'region',
  kriminalvården: 'kriminalvarden',
  kriminalvarden: 'kriminalvarden',
  frivården: 'kriminalvarden',
  krim: 'kriminalvarden',
};

const DECISION_WORDS: Record<string, Decision> = {
  ja: 'ja',
  j: 'ja',
  yes: 'ja',
  'ja till samverkan': 'ja',
  nej: 'nej',
  n: 'nej',
  no: 'nej',
  'nej till samverkan': 'nej',
};

function lookup<T extends string>(words: Record<string, T>, labels: Record<T, string>, raw: unknown): T | undefined {
  const key = normaliseKey(raw);
  if (key === '') return undefined;
  const direct = words[key];
  if (direct) return direct;
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    if (normaliseKey(label) === key || value === key) return value;
  }
  return undefined;
}

export const suggestGender = (raw: unknown): Gender | undefined => lookup(GENDER_WORDS, GENDER_LABEL, raw);
export const suggestClosureReason = (raw: unknown): ClosureReason | undefined =>
  lookup(CLOSURE_WORDS, CLOSURE_REASON_LABEL, raw);
export const suggestReferringParty = (raw: unknown): ReferringParty | undefined =>
  lookup(PARTY_WORDS, REFERRING_PARTY_LABEL, raw);
export const suggestDecision = (raw: unknown): Decision | undefined => lookup(DECISION_WORDS, DECISION_LABEL, raw);

/** A platform by its id or name ("Ungdomstorget", "ungdomstorget", "UNGDOMSTORGET "). */
export function suggestPlatform(raw: unknown, platforms: readonly { id: string; name: string }[]): string | undefined {
  const key = normaliseKey(raw);
  if (key === '') return undefined;
  return platforms.find((p) => normaliseKey(p.id) === key || normaliseKey(p.name) === key)?.id;
}

/**
 * Words that name a category outright — its label, its id, or the abbreviation everyone uses
 * (K, M, AF, FK, Ja, Nej); normalised with normaliseKey. Any other suggestion ("Kommunen" for
 * Övriga kommunala verksamheter, "sjukskriven" for hälsoskäl) is a guess the pane shows as one.
 */
const OUTRIGHT_WORDS = new Set(['k', 'm', 'kvinna', 'man', 'kvinnor', 'män', 'af', 'fk', 'ja', 'nej', 'region']);

export function isOutrightMatch(raw: unknown, target: string, label: string): boolean {
  const key = normaliseKey(raw);
  return key === normaliseKey(target) || key === normaliseKey(label) || OUTRIGHT_WORDS.has(key);
}
