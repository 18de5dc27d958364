import { z } from 'zod';

/**
 * What a cell holds. `count` is an integer ≥ 0, `percent` 0–100, `decimal` any number,
 * `amount` tkr (may be negative), `text` free text, `choice` one of a fixed list.
 */
export const cellKindSchema = z.enum(['count', 'percent', 'decimal', 'amount', 'text', 'choice']);
export type CellKind = z.infer<typeof cellKindSchema>;

export const cellSpecSchema = z.object({
  kind: cellKindSchema,
  min: z.number().optional(),
  max: z.number().optional(),
  choices: z.array(z.string().min(1)).min(1).optional(),
});
export type CellSpec = z.infer<typeof cellSpecSchema>;

/** A typed value; `null` is *missing*, which is never the same as 0. */
export type CellValue = number | string | null;

export type CoerceProblem =
  | { code: 'not-a-number'; raw: string }
  | { code: 'not-an-integer'; value: number }
  | { code: 'negative'; value: number }
  | { code: 'below-min'; value: number; min: number }
  | { code: 'above-max'; value: number; max: number }
  | { code: 'not-a-choice'; raw: string; choices: string[] }
  | { code: 'text-too-long'; length: number; max: number };

export type CoerceResult = { ok: true; value: CellValue } | { ok: false; problem: CoerceProblem };

export const MAX_TEXT_LENGTH = 2000;

const NUMERIC_KINDS = new Set<CellKind>(['count', 'percent', 'decimal', 'amount']);

export function isNumericKind(kind: CellKind): boolean {
  return NUMERIC_KINDS.has(kind);
}

/**
 * Reads a number the way Swedish users type it: "1 234" (space or no-break space as digit
 * grouping), "12,5" (decimal comma), "−3" (Unicode minus), "62 %" for percent, stray spaces.
 * A string with both '.' and ',' takes the last one as the decimal mark ("1.234,5", "1,234.5").
 */
export function parseSwedishNumber(raw: string): number | undefined {
  let text = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  if (text.endsWith('%')) text = text.slice(0, -1);
  if (text === '' || text === '-') return undefined;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    text = text.split(grouping).join('');
    if (decimal === ',') text = text.replace(',', '.');
  } else if (lastComma >= 0) {
    if (text.indexOf(',') !== lastComma) return undefined;
    text = text.replace(',', '.');
  } else if (lastDot >= 0 && text.indexOf('.') !== lastDot) {
    // "1.234.567" is Swedish-style grouping with dots.
    text = text.split('.').join('');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Text that a spreadsheet would run as a formula if written as-is. User text is kept as typed;
 * writers of output files use this to force such text to be stored as a string.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

function checkRange(value: number, spec: CellSpec): CoerceResult {
  if (spec.min !== undefined && value < spec.min)
    return { ok: false, problem: { code: 'below-min', value, min: spec.min } };
  if (spec.max !== undefined && value > spec.max)
    return { ok: false, problem: { code: 'above-max', value, max: spec.max } };
  return { ok: true, value };
}

type Check = (value: number, spec: CellSpec) => CoerceResult;

const numericCheckByKind = {
  count: (value, spec) => {
    if (!Number.isInteger(value)) return { ok: false, problem: { code: 'not-an-integer', value } };
    if (value < 0) return { ok: false, problem: { code: 'negative', value } };
    return checkRange(value, spec);
  },
  percent: (value, spec) => checkRange(value, { ...spec, min: spec.min ?? 0, max: spec.max ?? 100 }),
  decimal: (value, spec) => checkRange(value, spec),
  amount: (value, spec) => checkRange(value, spec),
} satisfies Record<'count' | 'percent' | 'decimal' | 'amount', Check>;

function normaliseText(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string') return raw.replace(/\u00a0/g, ' ').trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/**
 * Text for a value that is not a cell value at all, to quote in a finding. Not `String(raw)`:
 * that throws for an object whose `toString` is not a function (`{"toString": 0}` is valid JSON).
 */
function describeRaw(raw: unknown): string {
  try {
    return String(raw);
  } catch {
    return Object.prototype.toString.call(raw);
  }
}

/**
 * Turns whatever a user put in a cell into a typed value. Empty (undefined, null, '' or only
 * spaces) is *missing* (`null`), never 0. Numbers stored as text are read as numbers.
 */
export function coerceCellInput(raw: unknown, spec: CellSpec): CoerceResult {
  if (raw === undefined || raw === null) return { ok: true, value: null };
  if (typeof raw === 'number' && Number.isNaN(raw)) return { ok: false, problem: { code: 'not-a-number', raw: 'NaN' } };
  const text = normaliseText(raw);
  if (text === undefined) return { ok: false, problem: { code: 'not-a-number', raw: describeRaw(raw) } };
  if (text === '') return { ok: true, value: null };

  switch (spec.kind) {
    case 'text':
      if (text.length > MAX_TEXT_LENGTH)
        return { ok: false, problem: { code: 'text-too-long', length: text.length, max: MAX_TEXT_LENGTH } };
      return { ok: true, value: text };
    case 'choice': {
      const choices = spec.choices ?? [];
      const match = choices.find((c) => c.toLocaleLowerCase('sv') === text.toLocaleLowerCase('sv'));
      return match === undefined
        ? { ok: false, problem: { code: 'not-a-choice', raw: text, choices } }
        : { ok: true, value: match };
    }
    case 'count':
    case 'percent':
    case 'decimal':
    case 'amount': {
      const value = typeof raw === 'number' ? raw : parseSwedishNumber(text);
      if (value === undefined || !Number.isFinite(value))
        return { ok: false, problem: { code: 'not-a-number', raw: text } };
      return numericCheckByKind[spec.kind](value, spec);
    }
  }
}
