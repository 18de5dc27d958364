/**
 * The columns a party's own participant table may have, one row per participant. Only
 * `startdatum` and `kon` are always needed; the others are needed when a row's figures
 * depend on them (a closure in the period needs its reason, a referral its party).
 */
export const PARTICIPANT_FIELDS = [
  'kon',
  'fodelsear',
  'alder',
  'startdatum',
  'avslutsdatum',
  'avslutsorsak',
  'aktualiserande_part',
  'aktualiseringsdatum',
  'beslut',
  'plattform',
] as const;
export type ParticipantField = (typeof PARTICIPANT_FIELDS)[number];

export interface FieldInfo {
  /** Swedish, as shown in the pane. */
  label: string;
  help: string;
  /** Headers (normalised with {@link normaliseKey}) that name this field. */
  synonyms: readonly string[];
}

export const FIELD_INFO = {
  kon: { label: 'Kön', help: 'Kvinna eller man.', synonyms: ['kon', 'kön', 'gender', 'sex', 'kvinna/man', 'k/m'] },
  fodelsear: {
    label: 'Födelseår',
    help: 'Ger åldern vid periodens slut.',
    synonyms: ['fodelsear', 'födelseår', 'född', 'född år', 'födelse år', 'fodd'],
  },
  alder: {
    label: 'Ålder',
    help: 'Används om födelseår saknas.',
    synonyms: ['alder', 'ålder', 'age', 'ålder vid start'],
  },
  startdatum: {
    label: 'Startdatum',
    help: 'Första dagen i insatsen.',
    synonyms: [
      'startdatum',
      'start',
      'startdag',
      'inskrivningsdatum',
      'inskriven',
      'påbörjad',
      'datum för start',
      'inskrivning',
    ],
  },
  avslutsdatum: {
    label: 'Avslutsdatum',
    help: 'Sista dagen i insatsen; tom om personen är kvar.',
    synonyms: [
      'avslutsdatum',
      'slutdatum',
      'avslutad',
      'utskrivningsdatum',
      'utskriven',
      'datum för avslut',
      'avslut datum',
      'avslut',
    ],
  },
  avslutsorsak: {
    label: 'Avslutsorsak',
    help: 'Arbete, studier, Arbetsförmedlingen, saknar arbetsförmåga, hälsoskäl eller avbrott.',
    synonyms: [
      'avslutsorsak',
      'orsak till avslut',
      'avslutsanledning',
      'anledning till avslut',
      'orsak',
      'avslutat till',
      'resultat',
    ],
  },
  aktualiserande_part: {
    label: 'Aktualiserande part',
    help: 'Den part som aktualiserade personen.',
    synonyms: [
      'aktualiserande part',
      'aktualiserad av',
      'aktualiserande',
      'remittent',
      'remitterande part',
      'remitterande myndighet',
      'hänvisad av',
      'part',
    ],
  },
  aktualiseringsdatum: {
    label: 'Aktualiseringsdatum',
    help: 'När personen aktualiserades; saknas kolumnen räknas startdatum.',
    synonyms: ['aktualiseringsdatum', 'aktualiserad datum', 'datum för aktualisering', 'remissdatum', 'aktualiserad'],
  },
  beslut: {
    label: 'Beslut om samverkan',
    help: 'Ja eller Nej; saknas kolumnen räknas alla med startdatum som Ja.',
    synonyms: ['beslut', 'beslut om samverkan', 'ja/nej', 'samverkan'],
  },
  plattform: {
    label: 'Plattform',
    help: 'Vilken plattform raden gäller; saknas kolumnen gäller alla rader den valda.',
    synonyms: ['plattform', 'verksamhet', 'torg', 'team'],
  },
} satisfies Record<ParticipantField, FieldInfo>;

/**
 * How headers and category values are compared: case, accents on e, spacing, trailing dots
 * and surrounding punctuation do not matter ("Kön:", " KÖN ", "kön" are the same), but å, ä
 * and ö are kept, since they tell Swedish words apart (kon ≠ kön only in writing, but ar ≠ år).
 */
export function normaliseKey(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return String(raw)
    .toLocaleLowerCase('sv')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[éèë]/g, 'e')
    .replace(/[\s_]+/g, ' ')
    .replace(/^[\s.:;,*-]+|[\s.:;,*-]+$/g, '')
    .trim();
}
