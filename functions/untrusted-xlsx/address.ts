/**
 * A1 addresses and the references a defined name holds, as numbers. Nothing here enumerates
 * a range: a range is four numbers, and its size is arithmetic, so a name covering a whole
 * sheet costs what its text costs.
 */

/** Excel's grid: 16,384 columns (XFD) by 1,048,576 rows. */
export const MAX_COLUMN = 16_384;
export const MAX_ROW = 1_048_576;

export interface CellPosition {
  row: number;
  column: number;
}

export interface CellArea {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function cellAddress(position: CellPosition): string {
  return `${columnLetters(position.column)}${position.row}`;
}

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B7", "$B$7" → its position; anything else, or outside the grid, → undefined. */
export function parseCellAddress(text: string): CellPosition | undefined {
  const match = A1.exec(text);
  if (!match) return undefined;
  const column = columnNumber(match[1]!);
  const row = Number(match[2]);
  if (column < 1 || column > MAX_COLUMN || row < 1 || row > MAX_ROW) return undefined;
  return { row, column };
}

/** A sheet name as a reference writes it: quoted, with inner quotes doubled, unless plain. */
const SHEET_PART = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/;

/**
 * The one area a defined name refers to, e.g. `'Deltagare och avslut'!$B$7` or `Blad1!$A$1:$C$9`.
 * Several areas, whole rows or columns without a sheet (`$A:$A`), external workbooks, formulas,
 * constants and `#REF!` are undefined: a caller reading cells treats them as broken.
 */
export function parseAreaReference(formula: string): CellArea | undefined {
  const match = SHEET_PART.exec(formula.trim().replace(/^=/, ''));
  if (!match) return undefined;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
  if (/^\[.*\]/.test(sheet)) return undefined;
  const [from, to, ...rest] = match[3]!.split(':');
  if (rest.length > 0 || from === undefined) return undefined;
  const start = parseCellAddress(from);
  const end = to === undefined ? start : parseCellAddress(to);
  if (!start || !end) return undefined;
  return {
    sheet,
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

export function areaSize(area: CellArea): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}
