/**
 * SCB's table HE0000T02N2 (API v2: TAB1386) as its metadata names it: the variables, and the
 * values Samlad needs, each known by its code and by the texts SCB has used for it. Everything
 * is found by these names, never by where it stands in a file. Sources and what is inferred:
 * tests/fixtures/scb/README.md.
 */

export const HE_TABLE_IDS = ['HE0000T02N2', 'TAB1386'] as const;

export type VariableRole = 'region' | 'kon' | 'alder' | 'contents' | 'tid';
export const VARIABLE_ROLES = ['region', 'kon', 'alder', 'contents', 'tid'] as const satisfies readonly VariableRole[];

/** How a file names each variable: the API code (Region, Kon …) or the Swedish text (region, kön …). */
const VARIABLE_NAMES: Record<VariableRole, RegExp> = {
  region: /^(region|kommun)$/i,
  kon: /^(kon|kön)$/i,
  alder: /^(aldersgrupp|åldersgrupp|ålder|alder)$/i,
  contents: /^(contentscode|tabellinnehåll)$/i,
  tid: /^(tid|månad|manad)$/i,
};

/**
 * The variable a column header or dimension names: "kön", "Kon", or PxWeb's "Kon - kön" when
 * codes and texts are both shown.
 */
export function roleOfVariableName(name: string | undefined): VariableRole | undefined {
  if (!name) return undefined;
  const parts = name.split(' - ').map((p) => p.trim());
  for (const part of [name.trim(), ...parts])
    for (const role of VARIABLE_ROLES) if (VARIABLE_NAMES[role].test(part)) return role;
  return undefined;
}

export type ContentId =
  | 'sjukpenning'
  | 'sjuk_aktivitetsersattning'
  | 'arbetsloshet'
  | 'arbetsmarknadsatgarder'
  | 'ekonomiskt_bistand'
  | 'etableringsersattning'
  | 'summa'
  | 'folkmangd'
  | 'andel';

/**
 * The table's contents in SCB's order, with the text SCB uses today ("Sjuk- och
 * aktivitetsersersättning" is SCB's own spelling) and patterns that also accept the older
 * texts ("Arbetslöshet", "Folkmängd 20-64 år", "Andel av befolkningen 20-64 år"). The
 * patterns are unanchored so a PxWeb heading such as "Sjukpenning 2023M01" is read too.
 */
export const CONTENTS: readonly { id: ContentId; label: string; pattern: RegExp }[] = [
  {
    id: 'sjuk_aktivitetsersattning',
    label: 'Sjuk- och aktivitetsersersättning',
    pattern: /sjuk-\s*och\s*aktivitets\p{L}*ersättning/iu,
  },
  { id: 'sjukpenning', label: 'Sjukpenning', pattern: /sjukpenning(?:\s+m\.\s?m\.)?/iu },
  { id: 'arbetsloshet', label: 'Arbetslöshetsersättning', pattern: /arbetslöshet(?:sersättning)?/iu },
  { id: 'arbetsmarknadsatgarder', label: 'Arbetsmarknadsåtgärder', pattern: /arbetsmarknadsåtgärder/iu },
  { id: 'ekonomiskt_bistand', label: 'Ekonomiskt bistånd', pattern: /ekonomiskt\s+bistånd/iu },
  { id: 'etableringsersattning', label: 'Etableringsersättning', pattern: /etableringsersättning/iu },
  { id: 'summa', label: 'Summa helårsekvivalenter', pattern: /summa\s+helårsekvivalenter/iu },
  {
    id: 'andel',
    label: 'Andel av befolkningen',
    pattern: /andel\s+av\s+befolkningen(?:\s+20\s*[-–‐]\s*6[45]\s*år)?/iu,
  },
  { id: 'folkmangd', label: 'Folkmängd', pattern: /folkmängd(?:\s+20\s*[-–‐]\s*6[45]\s*år)?/iu },
];

export const CONTENT_LABEL = Object.fromEntries(CONTENTS.map((c) => [c.id, c.label])) as Record<ContentId, string>;

/** The benefits whose sum is SCB's "Summa helårsekvivalenter". */
export const BENEFIT_CONTENTS = [
  'sjukpenning',
  'sjuk_aktivitetsersattning',
  'arbetsloshet',
  'arbetsmarknadsatgarder',
  'ekonomiskt_bistand',
  'etableringsersattning',
] as const satisfies readonly ContentId[];

/** The contents in SCB's order (the patterns above are ordered for matching). */
export const CONTENT_ORDER: readonly ContentId[] = [...BENEFIT_CONTENTS, 'summa', 'folkmangd', 'andel'];

export type Kon = 'totalt' | 'man' | 'kvinnor';
export const KON_LABEL: Record<Kon, string> = { totalt: 'män och kvinnor totalt', man: 'män', kvinnor: 'kvinnor' };
const KON_CODES: Record<string, Kon> = { '1+2': 'totalt', '1': 'man', '2': 'kvinnor' };
const KON_TEXT = /(?<!\p{L})(?:män\s+och\s+kvinnor(?:\s+totalt)?|kvinnor\s+och\s+män|totalt|kvinnor|män)(?!\p{L})/iu;

export type Alder = '20-64' | '20-65';
export const ALDER_LABEL: Record<Alder, string> = { '20-64': '20–64 år', '20-65': '20–65 år' };
/** "20–64 år" (en dash, API v2), "20-64 år" (older outputs), or the code "20-64". */
const ALDER_TEXT = /20\s*[-–‐−]\s*6([45])(?:\s*år)?/u;

const MONTH = /(\d{4})M(0[1-9]|1[0-2])/;
const RIKET = /^(?:00(?:\s*-)?\s*)?riket$|^00$/i;
/** "2480 Umeå", "2480 - Umeå", "2480"; two-digit codes are län (not in this table, skipped). */
const REGION_CODE = /^(\d{2}|\d{4})(?:\s*-\s*|\s+|$)(.*)$/u;
const REGION_NAME = /^\p{Lu}[\p{L}\p{M} .'’-]*$/u;

export type RegionRef =
  | { kind: 'riket' }
  | { kind: 'kommun'; code: string | undefined; name: string | undefined }
  | { kind: 'lan'; code: string; name: string | undefined };

export function regionOf(text: string): RegionRef | undefined {
  const t = text.trim();
  if (RIKET.test(t)) return { kind: 'riket' };
  const coded = REGION_CODE.exec(t);
  if (coded) {
    const name = coded[2]!.trim() || undefined;
    return coded[1]!.length === 4 ? { kind: 'kommun', code: coded[1], name } : { kind: 'lan', code: coded[1]!, name };
  }
  return REGION_NAME.test(t) ? { kind: 'kommun', code: undefined, name: t } : undefined;
}

/** What one text says about one variable; `undefined` when it says nothing recognisable. */
export const recognise: Record<VariableRole, (text: string) => string | undefined> = {
  region: (t) => (regionOf(t) ? t.trim() : undefined),
  kon: (t) => KON_CODES[t.trim()] ?? konOf(t),
  alder: (t) => {
    const m = ALDER_TEXT.exec(t);
    return m ? `20-6${m[1]}` : undefined;
  },
  contents: (t) => CONTENTS.find((c) => c.pattern.test(t))?.id,
  tid: (t) => {
    const m = MONTH.exec(t);
    return m ? `${m[1]}M${m[2]}` : undefined;
  },
};

function konOf(text: string): Kon | undefined {
  const m = KON_TEXT.exec(text);
  if (!m) return undefined;
  const word = m[0].toLowerCase();
  return /och|totalt/.test(word) ? 'totalt' : word.startsWith('kvinn') ? 'kvinnor' : 'man';
}

/** The patterns that take a variable's value out of a PxWeb heading ("Folkmängd män och kvinnor totalt 2023M01"). */
const EXTRACT: Record<Exclude<VariableRole, 'region'>, RegExp> = {
  contents: new RegExp(CONTENTS.map((c) => c.pattern.source).join('|'), 'iu'),
  tid: MONTH,
  kon: KON_TEXT,
  alder: ALDER_TEXT,
};

/**
 * Splits a PxWeb heading text — the heading variables' texts joined by spaces — into the
 * values of `roles`: contents first (its older texts contain an age group), then month, sex
 * and age; what is left is the region when the region is among them, else unknown contents.
 *
 * @example
 * splitHeading('Sjukpenning män och kvinnor totalt 2023M01', ['contents', 'kon', 'tid'])
 * // { contents: 'Sjukpenning', kon: 'män och kvinnor totalt', tid: '2023M01' }
 */
export function splitHeading(text: string, roles: readonly VariableRole[]): Partial<Record<VariableRole, string>> {
  let rest = ` ${text} `;
  const found: Partial<Record<VariableRole, string>> = {};
  for (const role of ['contents', 'tid', 'kon', 'alder'] as const) {
    if (!roles.includes(role)) continue;
    const m = EXTRACT[role].exec(rest);
    if (!m) continue;
    found[role] = m[0].trim();
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
  }
  const left = rest.replace(/\s+/g, ' ').trim();
  if (left === '') return found;
  if (roles.includes('region')) found.region = left;
  // Contents the vocabulary does not know (another table's, or codes only) are kept to be named.
  else if (roles.includes('contents') && found.contents === undefined) found.contents = left;
  return found;
}
