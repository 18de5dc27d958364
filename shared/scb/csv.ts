import { parseCsv, type CsvRow } from '../text/csv';
import { figureOf, type ReadOutcome } from './observations';
import { observationsOfPivot, type Pivot } from './pivot';
import { roleOfVariableName } from './vocabulary';

/**
 * Statistikdatabasen's CSV downloads, in every layout a user can pick (PxWeb's CSV serializer):
 * comma, semicolon, tab or space between fields; with or without the table's title on the first
 * line; variables in the stub (one quoted column each, headed by the variable's text, code, or
 * "code - text") or in the heading (each column headed by its values' texts joined by spaces);
 * point or comma decimals; ".." and "." for missing.
 */

const CANDIDATES = [';', '\t', ','] as const;

/** Occurrences of `ch` outside quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let quoted = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ch) count++;
  }
  return count;
}

/** The delimiter of the first lines; space only when no other delimiter occurs outside quotes. */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 12).filter((l) => l.trim() !== '');
  let best = ',';
  let most = 0;
  for (const d of CANDIDATES) {
    const n = lines.reduce((sum, l) => sum + countOutsideQuotes(l, d), 0);
    if (n > most) [best, most] = [d, n];
  }
  if (most === 0 && lines.some((l) => countOutsideQuotes(l.trim(), ' ') > 0)) return ' ';
  return best;
}

const isBlank = (row: CsvRow) => row.fields.every((f) => f.trim() === '');

/**
 * @example
 * readScbCsv('"region","tabellinnehåll","2023M01"\n"2480 Umeå","Folkmängd",78000')
 */
export function readScbCsv(text: string): ReadOutcome {
  const delimiter = detectDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  const rows = parsed.rows.filter((r) => !isBlank(r));
  if (rows.length === 0) return { ok: false, message: 'Filen är tom.', problems: [] };
  // PxWeb's "med rubrik" layouts start with the table's title alone on a line (Excel re-saves it
  // with empty fields after it).
  const filled = (row: CsvRow) => row.fields.filter((f) => f.trim() !== '');
  const title = filled(rows[0]!).length === 1 && rows.length > 1 ? filled(rows[0]!)[0]!.trim() : undefined;
  const [header, ...body] = title === undefined ? rows : rows.slice(1);
  if (!header || header.fields.length < 2 || body.length === 0)
    return {
      ok: false,
      message: 'Filen är ingen tabell: den behöver en rubrikrad och minst en rad med värden.',
      problems: [],
    };
  if (parsed.endsInsideQuotes)
    return {
      ok: false,
      message:
        `Filen tar slut mitt i ett citerat fält på rad ${body[body.length - 1]!.line}: den ` +
        `verkar vara avbruten. Hämta den igen från SCB.`,
      problems: [],
    };
  const width = header.fields.length;
  const uneven = body.find((r) => r.fields.length !== width);
  if (uneven) {
    const last = uneven === body[body.length - 1] && uneven.fields.length < width;
    return {
      ok: false,
      message: last
        ? `Filen tar slut mitt i rad ${uneven.line} (${uneven.fields.length} av ${width} fält): den ` +
          `verkar vara avbruten. Hämta den igen från SCB.`
        : `Rad ${uneven.line} har ${uneven.fields.length} fält men rubrikraden har ${width}. Filen ` +
          `är inte en hel tabell från SCB; hämta den igen.`,
      problems: [],
    };
  }
  // Stub columns: headed by a variable, or holding texts that are not figures.
  let stubCount = 0;
  while (
    stubCount < width - 1 &&
    (roleOfVariableName(header.fields[stubCount]) !== undefined || figureOf(body[0]!.fields[stubCount]) === undefined)
  )
    stubCount++;
  const headings = header.fields.map((h) => h.trim());
  const pivot: Pivot = {
    title,
    stubNames: headings.slice(0, stubCount),
    headingOf: (column) => (column >= stubCount && column < width ? [headings[column]!] : undefined),
    headingRows: [],
    rows: body.map((r) => ({
      line: r.line,
      stub: r.fields.slice(0, stubCount),
      cells: r.fields.slice(stubCount).map((raw, k) => ({ column: stubCount + k, raw })),
    })),
    where: (line) => `rad ${line}`,
  };
  const { observations, problems } = observationsOfPivot(pivot);
  return { ok: true, title, observations, problems };
}
