import type { RawCell } from './sheet-part';

/**
 * What a cell holds, as a spreadsheet user means it: a number, a string (rich text as its
 * text, dates as YYYY-MM-DD), a boolean or null when empty; formulas by their cached result.
 */
export type CellReading =
  | { kind: 'value'; raw: number | string | boolean | null }
  /** A formula whose result was never stored (a file saved by a program that does not calculate). */
  | { kind: 'formula-without-result'; formula: string }
  /** An Excel error such as #DIV/0!, typed or as a formula's result. */
  | { kind: 'error-value'; error: string };

export const EMPTY_CELL: CellReading = { kind: 'value', raw: null };

export interface CellContext {
  sharedStrings: ReadonlyMap<number, string>;
  /** Per cell format index: whether it shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
  sharedFormulas: ReadonlyMap<string, string>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days from Excel's day 0 (1899-12-30 in the 1900 system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_1904_OFFSET = 1_462;

/** A serial date as YYYY-MM-DD, so validation can quote what it found. */
function serialDateText(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE_1904_OFFSET : 0)) * DAY_MS));
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

function numberValue(text: string, cell: RawCell, context: CellContext): number | string {
  const n = Number.parseFloat(text);
  const isDate = cell.style !== undefined && context.dateStyles[cell.style] === true;
  return isDate && Number.isFinite(n) ? serialDateText(n, context.date1904) : n;
}

/** The value of `<v>` by the cell's type. */
function typedValue(text: string, cell: RawCell, context: CellContext): CellReading {
  switch (cell.type) {
    case 's': {
      const index = Number(text);
      return { kind: 'value', raw: context.sharedStrings.get(index) ?? null };
    }
    case 'str':
    case 'inlineStr':
      return { kind: 'value', raw: text };
    case 'b':
      return { kind: 'value', raw: Number.parseInt(text, 10) !== 0 };
    case 'e':
      return { kind: 'error-value', error: text };
    case 'd':
      // An ISO 8601 date written by some programs instead of a serial number.
      return { kind: 'value', raw: text.slice(0, 10) };
    default:
      return { kind: 'value', raw: numberValue(text, cell, context) };
  }
}

export function readRawCell(cell: RawCell | undefined, context: CellContext): CellReading {
  if (!cell) return EMPTY_CELL;
  const value = cell.value === '' ? undefined : cell.value;
  if (cell.formula !== undefined) {
    if (value !== undefined) return typedValue(value, cell, context);
    const formula =
      cell.formula === '' && cell.sharedIndex !== undefined
        ? (context.sharedFormulas.get(cell.sharedIndex) ?? '')
        : cell.formula;
    return { kind: 'formula-without-result', formula };
  }
  if (cell.inline !== undefined) return { kind: 'value', raw: cell.inline };
  if (value === undefined) return EMPTY_CELL;
  return typedValue(value, cell, context);
}
