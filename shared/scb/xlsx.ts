import { figureOf, type ReadOutcome } from './observations';
import { observationsOfPivot, type Pivot, type PivotRow } from './pivot';
import { readZipEntry, zipEntries, ZipError, type InflateBudget, type InflateRaw, type ZipEntry } from './zip';

/**
 * Statistikdatabasen's xlsx download (PxWeb's xlsx serializer): one sheet named after the table,
 * the title in A1, the heading variables' texts on rows 3… (each text at the first column of its
 * span), then one row per stub combination with the stub texts on the left (an outer text only
 * where it changes; "med kod och text" adds a code column per stub variable), figures as numbers
 * and SCB's markers as text, and notes below.
 *
 * Read without a spreadsheet library: only the first sheet's cells that exist are read, in one
 * pass over its XML. Nothing declared in the file — a dimension, a merged range, a column's
 * width — is expanded, so a file costs what its bytes cost.
 */

/** Output bytes an xlsx may inflate to: ample for a national download (a few MB of sheet XML). */
const MAX_INFLATED = 64 * 1024 * 1024;
/** …and no more than this many times its own size, so a small file cannot spend the whole allowance. */
const MAX_RATIO = 200;

interface SheetCell {
  row: number;
  column: number;
  raw: string | number;
}

const text = new TextDecoder('utf-8');

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] !== '#') return ENTITY[e.toLowerCase()] ?? '';
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The texts of every `<t>` in a fragment, phonetic runs (`<rPh>`) left out. */
function textsOf(fragment: string): string {
  let out = '';
  const clean = fragment.includes('<rPh') ? fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : fragment;
  for (const m of clean.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) out += m[1]!;
  return unescapeXml(out);
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) =>
    m[1] === undefined ? '' : textsOf(m[1]),
  );
}

const ATTRIBUTE = { r: /\br="([^"]*)"/, t: /\bt="([^"]*)"/ } as const;
const attribute = (attrs: string, name: keyof typeof ATTRIBUTE) => ATTRIBUTE[name].exec(attrs)?.[1];

/** "C14" → [14, 3]; undefined outside Excel's grid. */
function cellRef(ref: string): [number, number] | undefined {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return column <= 16384 && row >= 1 && row <= 1048576 ? [row, column] : undefined;
}

function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Every cell the sheet XML holds, in document order. */
function sheetCells(xml: string, strings: readonly string[]): SheetCell[] {
  const cells: SheetCell[] = [];
  const tag = /<(row|c)\b([^>]*?)(\/?)>/g;
  let row = 0;
  let column = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const attrs = m[2]!;
    if (m[1] === 'row') {
      row = Number(attribute(attrs, 'r') ?? row + 1);
      column = 0;
      continue;
    }
    const ref = attribute(attrs, 'r');
    const at = ref ? cellRef(ref) : ([row, column + 1] as [number, number]);
    if (!at) continue;
    [row, column] = at;
    if (m[3] === '/') continue;
    const close = xml.indexOf('</c>', tag.lastIndex);
    if (close < 0) break;
    const inner = xml.slice(tag.lastIndex, close);
    tag.lastIndex = close + 4;
    const type = attribute(attrs, 't');
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    let raw: string | number | undefined;
    if (type === 's') raw = v === undefined ? undefined : strings[Number(v)];
    else if (type === 'inlineStr') raw = textsOf(inner);
    else if (type === 'str' || type === 'e') raw = v === undefined ? undefined : unescapeXml(v);
    else if (type === 'b') raw = v;
    else if (v !== undefined) raw = Number(v);
    if (raw !== undefined && raw !== '') cells.push({ row, column, raw });
  }
  return cells;
}

/** The first sheet's part name, through the workbook and its relationships. */
function firstSheetPath(workbook: string, rels: string | undefined): string {
  const id = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target =
    id && rels
      ? (new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*\\bTarget="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]+)"[^>]*\\bId="${id}"`).exec(rels)?.[1])
      : undefined;
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

const isFigure = (raw: string | number) => typeof raw === 'number' || (figureOf(raw) === null && raw !== '');

/** The sheet's cells as PxWeb's layout: title, heading rows, stub columns, data rows. */
function pivotOf(cells: readonly SheetCell[]): Pivot | undefined {
  const rows = new Map<number, SheetCell[]>();
  for (const c of cells) {
    const list = rows.get(c.row);
    if (list) list.push(c);
    else rows.set(c.row, [c]);
  }
  const order = [...rows.keys()].sort((a, b) => a - b);
  for (const r of order) rows.get(r)!.sort((a, b) => a.column - b.column);
  const firstData = order.find((r) => rows.get(r)!.some((c) => isFigure(c.raw)));
  if (firstData === undefined) return undefined;
  const top = rows.get(order[0]!)!;
  const titleRow = order[0]! < firstData && top.length === 1 && typeof top[0]!.raw === 'string' ? order[0] : undefined;
  const headingRows = order.filter((r) => r < firstData && r !== titleRow).map((r) => rows.get(r)!);
  const dataRows = order.filter((r) => r >= firstData && rows.get(r)!.some((c) => isFigure(c.raw)));
  const firstDataColumn = (
    headingRows.length > 0
      ? headingRows.map((h) => h[0]!.column)
      : dataRows.map((r) => rows.get(r)!.find((c) => isFigure(c.raw))!.column)
  ).reduce((a, b) => Math.min(a, b));
  const stubColumns = [
    ...new Set(
      dataRows.flatMap((r) =>
        rows
          .get(r)!
          .filter((c) => c.column < firstDataColumn)
          .map((c) => c.column),
      ),
    ),
  ].sort((a, b) => a - b);

  /** The text of a heading row at a column: the nearest text at or left of it (a span's text stands at its start). */
  const spanText = (heading: readonly SheetCell[], column: number): string | undefined => {
    let lo = 0;
    let hi = heading.length - 1;
    let found: SheetCell | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (heading[mid]!.column <= column) {
        found = heading[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found === undefined ? undefined : String(found.raw);
  };
  // PxWeb writes the innermost stub text on every data row and the innermost heading text over
  // every data column: a cell outside both is not part of the table.
  const innermostStub = stubColumns[stubColumns.length - 1];
  const innermostHeading = new Set(headingRows[headingRows.length - 1]?.map((c) => c.column));
  const pivotRows: PivotRow[] = dataRows.flatMap((r) => {
    const list = rows.get(r)!;
    const byColumn = new Map(list.map((c) => [c.column, c.raw]));
    if (innermostStub !== undefined && !byColumn.has(innermostStub)) return [];
    return {
      line: r,
      stub: stubColumns.map((col) => {
        const raw = byColumn.get(col);
        return raw === undefined ? undefined : String(raw);
      }),
      cells: list.filter((c) => c.column >= firstDataColumn).map((c) => ({ column: c.column, raw: c.raw })),
    };
  });
  return {
    ...(titleRow !== undefined ? { title: String(top[0]!.raw) } : {}),
    stubNames: stubColumns.map(() => undefined),
    headingOf: (column) => {
      if (headingRows.length === 0) return [];
      if (!innermostHeading.has(column)) return undefined;
      const texts = headingRows.map((h) => spanText(h, column));
      return texts.every((t) => t !== undefined) ? (texts as string[]) : undefined;
    },
    headingRows: headingRows.map((h) => h.map((c) => String(c.raw))),
    rows: pivotRows,
    where: (line, column) => `cell ${columnLetters(column)}${line}`,
  };
}

async function part(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  name: string,
  inflate: InflateRaw,
  budget: InflateBudget,
) {
  const entry = entries.find((e) => e.name === name);
  return entry ? text.decode(await readZipEntry(bytes, entry, inflate, budget)) : undefined;
}

/**
 * @example
 * await readScbXlsx(bytes, inflateRaw)
 */
export async function readScbXlsx(bytes: Uint8Array, inflateRaw: InflateRaw): Promise<ReadOutcome> {
  const budget: InflateBudget = { remaining: Math.min(MAX_INFLATED, bytes.length * MAX_RATIO) };
  try {
    const entries = zipEntries(bytes);
    const workbook = await part(bytes, entries, 'xl/workbook.xml', inflateRaw, budget);
    if (workbook === undefined)
      return { ok: false, message: 'Filen är ingen Excelfil (xlsx): arbetsboken saknas i den.', problems: [] };
    const rels = await part(bytes, entries, 'xl/_rels/workbook.xml.rels', inflateRaw, budget);
    const sheet = await part(bytes, entries, firstSheetPath(workbook, rels), inflateRaw, budget);
    if (sheet === undefined) return { ok: false, message: 'Excelfilens första blad saknas.', problems: [] };
    const strings = sharedStrings((await part(bytes, entries, 'xl/sharedStrings.xml', inflateRaw, budget)) ?? '');
    const pivot = pivotOf(sheetCells(sheet, strings));
    if (!pivot)
      return {
        ok: false,
        message: 'Excelfilens första blad har inga tal: det är ingen tabell från SCB.',
        problems: [],
      };
    const sheetName = /<sheet\b[^>]*\bname="([^"]*)"/.exec(workbook)?.[1];
    const { observations, problems } = observationsOfPivot(pivot);
    return {
      ok: true,
      ...(pivot.title ? { title: pivot.title } : {}),
      ...(sheetName ? { tableId: unescapeXml(sheetName) } : {}),
      observations,
      problems,
    };
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, message: error.message, problems: [] };
    throw error;
  }
}
