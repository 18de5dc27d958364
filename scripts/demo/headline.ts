/**
 * The headline of a consolidated workbook, read back from its Sammanfattning sheet — what the
 * demo prints, taken from the file it wrote rather than from memory, so the terminal shows
 * exactly what the board would read.
 */
import ExcelJS from 'exceljs';
import { FIGURE_NAME_PREFIX } from '../../shared/consolidation/figure-names';

export interface HeadlineLine {
  scope: string;
  label: string;
  current: string;
  lastYear: string;
  diff: string;
  target: string;
  reached: string;
}

const UNIT = /" %"|"\s*p\.e\."/;

/** A cell as Swedish users see it: "61,5 %", "+8", "saknas". */
function shown(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (typeof value !== 'number') return value === null || value === undefined ? '' : String(value);
  const format = cell.numFmt ?? '';
  const decimals = /0\.0/.test(format) ? 1 : 0;
  const signed = format.startsWith('+') && value > 0 ? '+' : '';
  const text = value
    .toLocaleString('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    .replace(/\u2212/g, '-');
  const unit = UNIT.test(format) ? (format.includes('p.e.') ? ' p.e.' : ' %') : '';
  return `${signed}${text}${unit}`;
}

/**
 * The headline rows, found by their defined names (`SAMR.sammanfattning.<scope>.<source>.<figure>`,
 * see shared/consolidation/figure-names): each name gives the row, whose cells are read as shown.
 */
export async function readHeadline(xlsx: Buffer): Promise<HeadlineLine[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  const rows = namedRows(
    workbook,
    (name) => name.startsWith(`${FIGURE_NAME_PREFIX}.sammanfattning.`) && name.split('.').length === 5,
  );
  return rows.map((cells) => {
    const [scope, label, current, lastYear, diff, target, reached] = [1, 2, 3, 4, 5, 6, 7].map((c) =>
      shown(cells.getCell(c)),
    );
    return {
      scope: scope!,
      label: label!,
      current: current!,
      lastYear: lastYear!,
      diff: diff!,
      target: target!,
      reached: reached!,
    };
  });
}

export interface CheckLine {
  template: string;
  scope: string;
  period: string;
  cell: string;
  rule: string;
  actual: string;
  expected: string;
  difference: string;
}

/** The Kontroll sheet's rows, found by the defined names of their differences (`SAMR.kontroll.….skillnad`). */
export async function readChecks(xlsx: Buffer): Promise<CheckLine[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  return namedRows(
    workbook,
    (name) => name.startsWith(`${FIGURE_NAME_PREFIX}.kontroll.`) && name.endsWith('.skillnad'),
  ).map((cells) => {
    const [template, scope, period, cell, rule, actual, expected, difference] = [1, 2, 3, 4, 5, 6, 7, 8].map((c) =>
      shown(cells.getCell(c)),
    );
    return {
      template: template!,
      scope: scope!,
      period: period!,
      cell: cell!,
      rule: rule!,
      actual: actual!,
      expected: expected!,
      difference: difference!,
    };
  });
}

/** The rows holding the figures whose defined names match, in sheet order. */
function namedRows(workbook: ExcelJS.Workbook, match: (name: string) => boolean): ExcelJS.Row[] {
  return (workbook.definedNames.model as { name: string; ranges: string[] }[])
    .filter((n) => match(n.name))
    .map((n) => /^'?((?:[^']|'')+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(n.ranges[0] ?? ''))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ sheet: m[1]!.replace(/''/g, "'"), row: Number(m[3]) }))
    .sort((a, b) => a.row - b.row)
    .map(({ sheet, row }) => workbook.getWorksheet(sheet)!.getRow(row));
}

/** The headline as a text table; `colour` marks Ja green and Nej red (ANSI). */
export function formatHeadline(
  lines: readonly HeadlineLine[],
  years: { current: string; lastYear: string },
  colour: boolean,
): string {
  const header: HeadlineLine = {
    scope: 'Område',
    label: 'Mått',
    current: years.current,
    lastYear: years.lastYear,
    diff: 'Diff',
    target: 'Mål',
    reached: 'Uppnått',
  };
  const rows = [header, ...lines];
  const keys = ['scope', 'label', 'current', 'lastYear', 'diff', 'target', 'reached'] as const;
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...rows.map((r) => [...r[k]].length))])) as Record<
    (typeof keys)[number],
    number
  >;
  const right = new Set(['current', 'lastYear', 'diff']);
  const paint = (text: string, reached: string) =>
    !colour
      ? text
      : reached === 'Ja'
        ? `\u001b[32m${text}\u001b[0m`
        : reached === 'Nej'
          ? `\u001b[31m${text}\u001b[0m`
          : text;
  const cell = (r: HeadlineLine, k: (typeof keys)[number]) => {
    const pad = width[k] - [...r[k]].length;
    const text = right.has(k) ? ' '.repeat(pad) + r[k] : r[k] + ' '.repeat(pad);
    return k === 'reached' || k === 'current' ? paint(text, r === header ? '' : r.reached) : text;
  };
  let previous = '';
  const out: string[] = [];
  rows.forEach((r, i) => {
    // A blank line between scopes keeps the table readable.
    if (i > 1 && r.scope !== previous) out.push('');
    previous = r.scope;
    out.push(keys.map((k) => cell(r, k)).join('  '));
    if (i === 0) out.push(keys.map((k) => '─'.repeat(width[k])).join('  '));
  });
  return out.join('\n');
}
