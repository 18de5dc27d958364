import { listSv } from '../text/list-sv';
import { coordinate, type Observation } from './observations';
import {
  ALDER_LABEL,
  CONTENT_LABEL,
  CONTENT_ORDER,
  HE_TABLE_IDS,
  KON_LABEL,
  recognise,
  regionOf,
  type Alder,
  type ContentId,
  type Kon,
  type RegionRef,
} from './vocabulary';

/**
 * An SCB helårsekvivalenter file read as the table it is: the figures for one sex and one age
 * group, per region, content and month, with what was chosen and what was left out. Built from
 * any reader's observations, so CSV, json-stat2 and xlsx all end up here.
 */

/**
 * A month's figure: a number, null where SCB gives none (".."), or two different figures given for
 * it (neither is used).
 */
export type Figure = number | null | { conflict: number[] };

export interface TableRegion {
  key: string;
  ref: Extract<RegionRef, { kind: 'riket' | 'kommun' }>;
}

export interface HeTable {
  title?: string;
  tableId?: string;
  kon: { chosen: Kon; eliminated: boolean; leftOut: Kon[] };
  alder: { chosen: Alder; leftOut: Alder[] };
  /** Contents the file holds, in SCB's order. */
  contents: ContentId[];
  /** Months the file holds ("2023M01"), in order. */
  months: string[];
  regions: Map<string, TableRegion>;
  /** Region key → content → month → figure. */
  figures: Map<string, Map<ContentId, Map<string, Figure>>>;
  /** What was skipped, in Swedish. */
  problems: string[];
}

export type TableOutcome = ({ ok: true } & HeTable) | { ok: false; message: string; problems: string[] };

/** A key per region: "riket", a kommunkod, or a lower-cased name where the file gives no code. */
export function regionKey(ref: RegionRef): string {
  if (ref.kind === 'riket') return 'riket';
  return ref.code ?? `namn:${(ref.name ?? '').toLowerCase()}`;
}

/** Memoised, and undefined for no text: a national file names the same few hundred texts tens of thousands of times. */
function memo<T>(read: (text: string) => T): (text: string | undefined) => T | undefined {
  const seen = new Map<string, T>();
  return (text) => {
    if (text === undefined) return undefined;
    if (!seen.has(text)) seen.set(text, read(text));
    return seen.get(text);
  };
}

const looksLikeSomeTableId = (id: string) => /^(TAB\d+|[A-Z]{2}\d{4}[A-Z0-9]*)$/.test(id);
const looksLikeCode = (text: string) => /^[0-9A-Z]{5,}$/.test(text);

/**
 * Chooses `kon` and `alder` (by code or by text, whichever dash), and refuses a file that is not
 * this table or cannot give them: another table's contents, no months, only men or only women,
 * only 20–65 år.
 *
 * @example
 * const table = buildHeTable(read.observations, { kon: 'totalt', alder: '20-64' });
 */
export function buildHeTable(
  observations: readonly Observation[],
  want: { kon: Kon; alder: Alder },
  file: { title?: string; tableId?: string } = {},
): TableOutcome {
  const fail = (message: string, problems: string[] = []): TableOutcome => ({ ok: false, message, problems });
  const expected = `SCB:s tabell över helårsekvivalenter (${HE_TABLE_IDS.join(' / ')})`;
  if (file.tableId && looksLikeSomeTableId(file.tableId) && !(HE_TABLE_IDS as readonly string[]).includes(file.tableId))
    return fail(
      `Filen kommer från SCB:s tabell ${file.tableId}${file.title ? ` (${file.title})` : ''}, inte från ${expected}.`,
    );
  if (observations.length === 0) return fail('Filen har inga värden.');

  const contentOf = memo((t) => recognise.contents(t) as ContentId | undefined);
  const monthOf = memo((t) => recognise.tid(t));
  const konOf = memo((t) => recognise.kon(t) as Kon | undefined);
  const alderOf = memo((t) => recognise.alder(t) as Alder | undefined);
  const regionFor = memo((t) => regionOf(t));

  const unknownContents = new Set<string>();
  const unknownRegions = new Set<string>();
  const konFound = new Set<Kon | 'none'>();
  const alderFound = new Set<Alder | 'none'>();
  const known = new Set<ContentId>();
  let withoutContents = 0;
  let withoutMonth = 0;
  for (const o of observations) {
    const contentsText = coordinate(o, 'contents');
    const content = contentOf(contentsText);
    if (contentsText === undefined) withoutContents++;
    else if (!content) unknownContents.add(contentsText);
    else known.add(content);
    if (!monthOf(coordinate(o, 'tid'))) withoutMonth++;
    konFound.add(konOf(coordinate(o, 'kon')) ?? 'none');
    alderFound.add(alderOf(coordinate(o, 'alder')) ?? 'none');
  }
  if (known.size === 0) {
    const seen = [...unknownContents].slice(0, 3);
    if (seen.length > 0 && seen.every(looksLikeCode))
      return fail(
        `Filen anger tabellinnehållet bara med koder (${listSv(seen)}). Hämta tabellen igen från ` +
          `SCB med text, eller med kod och text.`,
      );
    return fail(
      `Filen är inte ${expected}: den har inget av tabellinnehållet ` +
        `${listSv(CONTENT_ORDER.map((c) => CONTENT_LABEL[c]))}${
          seen.length > 0
            ? `, utan ${listSv(seen.map((s) => `”${s}”`))}`
            : withoutContents > 0
              ? ' (tabellinnehåll saknas helt)'
              : ''
        }.`,
    );
  }
  if (withoutMonth === observations.length)
    return fail(
      'Filen har inga månader (som 2023M01). Samlad läser SCB:s tabell per månad; välj månaderna i statistikdatabasen.',
    );

  // Sex: the total, chosen; a file without the variable holds SCB's total for both sexes.
  const konKnown = [...konFound].filter((k): k is Kon => k !== 'none');
  const konEliminated = konKnown.length === 0;
  if (!konEliminated && !konKnown.includes(want.kon)) {
    const has = listSv(konKnown.map((k) => KON_LABEL[k]));
    return fail(
      `Filen har bara kön ${has}. Samlad använder ${KON_LABEL[want.kon]}; välj det i SCB:s ` +
        `statistikdatabas och hämta filen igen.`,
    );
  }
  const alderKnown = [...alderFound].filter((a): a is Alder => a !== 'none');
  if (!alderKnown.includes(want.alder))
    return fail(
      alderKnown.length === 0
        ? `Filen anger ingen åldersgrupp. Samlad använder ${ALDER_LABEL[want.alder]}; välj den i ` +
            `SCB:s statistikdatabas och hämta filen igen.`
        : `Filen har bara åldersgruppen ${listSv(alderKnown.map((a) => ALDER_LABEL[a]))}. Samlad ` +
            `använder ${ALDER_LABEL[want.alder]}; välj den i SCB:s statistikdatabas och hämta filen igen.`,
    );

  const regions = new Map<string, TableRegion>();
  const figures = new Map<string, Map<ContentId, Map<string, Figure>>>();
  const months = new Set<string>();
  const contents = new Set<ContentId>();
  let lan = 0;
  for (const o of observations) {
    if (!konEliminated && konOf(coordinate(o, 'kon')) !== want.kon) continue;
    if (alderOf(coordinate(o, 'alder')) !== want.alder) continue;
    const content = contentOf(coordinate(o, 'contents'));
    const month = monthOf(coordinate(o, 'tid'));
    if (!content || !month) continue;
    const regionText = coordinate(o, 'region');
    const ref = regionFor(regionText);
    if (!ref) {
      unknownRegions.add(regionText ?? '(ingen region)');
      continue;
    }
    if (ref.kind === 'lan') {
      lan++;
      continue;
    }
    const key = regionKey(ref);
    if (!regions.has(key)) regions.set(key, { key, ref });
    months.add(month);
    contents.add(content);
    let byContent = figures.get(key);
    if (!byContent) figures.set(key, (byContent = new Map()));
    let byMonth = byContent.get(content);
    if (!byMonth) byContent.set(content, (byMonth = new Map()));
    if (!byMonth.has(month)) {
      byMonth.set(month, o.value);
      continue;
    }
    const before = byMonth.get(month)!;
    if (before === o.value) continue;
    const values = [
      ...(typeof before === 'object' && before !== null ? before.conflict : before === null ? [] : [before]),
    ];
    if (o.value !== null) values.push(o.value);
    if (values.length > 0) byMonth.set(month, { conflict: [...new Set(values)] });
  }
  const problems: string[] = [];
  if (unknownContents.size > 0)
    problems.push(
      `Okänt tabellinnehåll hoppas över: ${listSv([...unknownContents].slice(0, 5).map((c) => `”${c}”`))}.`,
    );
  if (lan > 0)
    problems.push(`${lan === 1 ? 'Ett värde' : `${lan} värden`} för län hoppas över; bara kommuner och riket används.`);
  if (unknownRegions.size > 0)
    problems.push(
      `Regioner som inte kunde läsas hoppas över: ${listSv([...unknownRegions].slice(0, 5).map((r) => `”${r}”`))}.`,
    );
  return {
    ok: true,
    ...file,
    kon: { chosen: want.kon, eliminated: konEliminated, leftOut: konKnown.filter((k) => k !== want.kon) },
    alder: { chosen: want.alder, leftOut: alderKnown.filter((a) => a !== want.alder) },
    contents: CONTENT_ORDER.filter((id) => contents.has(id)),
    months: [...months].sort(),
    regions,
    figures,
    problems,
  };
}
