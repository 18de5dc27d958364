import type ExcelJS from 'exceljs';
import { exceljs } from './exceljs';

/**
 * Turns what exceljs reads from a cell into what `coerceCellInput` takes: a number, a string,
 * a boolean or null. Users paste, type formulas and format cells in every way Excel allows.
 */

export type CellReading =
  | { kind: 'value'; raw: number | string | boolean | null }
  /** A formula whose result Excel never stored (a file saved by a program that does not calculate). */
  | { kind: 'formula-without-result'; formula: string }
  /** An Excel error such as #DIV/0!, typed or as a formula's result. */
  | { kind: 'error-value'; error: string };

type Obj = Record<string, unknown>;

const isObject = (value: unknown): value is Obj => typeof value === 'object' && value !== null;

/** A date is kept visible as YYYY-MM-DD so validation can quote what it found. */
function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? String(date) : date.toISOString().slice(0, 10);
}

function richText(value: unknown): string | undefined {
  if (!isObject(value) || !Array.isArray(value.richText)) return undefined;
  return value.richText.map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join('');
}

/** Text of a value that is not a formula: strings, rich text, hyperlinks (whose text may itself be rich). */
function plainValue(value: unknown): CellReading {
  if (value === null || value === undefined) return { kind: 'value', raw: null };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return { kind: 'value', raw: value };
  if (value instanceof Date) return { kind: 'value', raw: dateText(value) };
  if (!isObject(value)) return { kind: 'value', raw: String(value) };
  if (typeof value.error === 'string') return { kind: 'error-value', error: value.error };
  const rich = richText(value);
  if (rich !== undefined) return { kind: 'value', raw: rich };
  if ('hyperlink' in value || 'text' in value) {
    const text = typeof value.text === 'string' ? value.text : richText(value.text);
    return { kind: 'value', raw: text ?? null };
  }
  // A shape exceljs may add later: keep it visible so validation quotes it rather than calling it empty.
  return { kind: 'value', raw: JSON.stringify(value).slice(0, 100) };
}

/** The parts of an exceljs cell the reader looks at. */
export type ReadableCell = Pick<ExcelJS.Cell, 'type' | 'value' | 'formula' | 'result'> & { master?: ReadableCell };

/**
 * Formulas (plain, shared or array) are read by their cached result. The result is taken from
 * `cell.result`, not `cell.value.result`: exceljs 4.4 drops falsy results (0, false, '') from
 * `cell.value`, which would make every total of 0 look like a formula without a result.
 */
export function readCell(cell: ReadableCell): CellReading {
  const source = cell.type === exceljs().ValueType.Merge && cell.master && cell.master !== cell ? cell.master : cell;
  if (source.type === exceljs().ValueType.Formula) {
    const result: unknown = source.result;
    if (result === undefined || result === null)
      return { kind: 'formula-without-result', formula: source.formula ?? '' };
    return plainValue(result);
  }
  return plainValue(source.value);
}

/** Text for metadata cells: whatever the cell holds, or undefined when empty or an error. */
export function readCellText(cell: ReadableCell): string | undefined {
  const reading = readCell(cell);
  if (reading.kind !== 'value' || reading.raw === null) return undefined;
  return String(reading.raw);
}
