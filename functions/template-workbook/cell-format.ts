import type { DataValidation } from 'exceljs';
import { MAX_TEXT_LENGTH, type CellKind, type CellSpec } from '../../shared';

/**
 * How each cell kind looks and is checked in a generated workbook: number format, Excel data
 * validation and the Swedish input prompt. Excel's checks only help the user while typing
 * (pasting bypasses them); `validateSubmission` is what decides.
 */

/** Excel's limits: longer prompts and titles make Excel refuse to open the file. */
const PROMPT_MAX = 255;
const TITLE_MAX = 32;

/**
 * Bounds for "any number" checks: Excel's decimal validation needs two bounds, and a number
 * outside ±10¹² tkr or persons is a typing mistake, not a figure.
 */
const ANY_NUMBER_BOUND = 1e12;

const svNumber = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 6 });

function sv(value: number): string {
  return svNumber.format(value);
}

/** Excel number formats are stored locale-free: `#,##0` shows as "1 234" in Swedish Excel. */
const numberFormatByKind = {
  count: '#,##0',
  // Percent cells hold 0–100 (not Excel's 0–1), so the sign is a literal.
  percent: '0.0" %"',
  // One decimal always shown, up to three kept visible so 3,25 months is not shown as 3,3.
  decimal: '#,##0.0##',
  amount: '#,##0',
  text: '@',
  choice: '@',
} satisfies Record<CellKind, string>;

export function numberFormatFor(spec: CellSpec): string {
  return numberFormatByKind[spec.kind];
}

interface Check {
  validation: Pick<DataValidation, 'type' | 'operator' | 'formulae'>;
  /** What to enter, shown as the input prompt. */
  instruction: string;
  /** Shown when Excel refuses a value. */
  error: string;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `mellan ${sv(min)} och ${sv(max)}`;
  if (min !== undefined) return `${sv(min)} eller större`;
  if (max !== undefined) return `högst ${sv(max)}`;
  return '';
}

function bounded(type: 'whole' | 'decimal', min: number, max: number | undefined): Check['validation'] {
  return max === undefined
    ? { type, operator: 'greaterThanOrEqual', formulae: [min] }
    : { type, operator: 'between', formulae: [min, max] };
}

/** A quoted inline list holds at most 255 characters and no commas or quotes inside a choice. */
export function fitsInlineList(choices: readonly string[]): boolean {
  return choices.every((c) => !/[",]/.test(c)) && choices.join(',').length + 2 <= 255;
}

type CheckFor = (spec: CellSpec, listRange: string | undefined) => Check;

const checkByKind = {
  count: (spec) => {
    const min = Math.max(0, spec.min ?? 0);
    const range = rangeText(min, spec.max);
    return {
      validation: bounded('whole', min, spec.max),
      instruction: `Ange ett heltal, ${range}.`,
      error: `Här ska det stå ett heltal, ${range}. Skriv bara siffror, t.ex. 1 234.`,
    };
  },
  percent: (spec) => {
    const min = spec.min ?? 0;
    const max = spec.max ?? 100;
    return {
      validation: { type: 'decimal', operator: 'between', formulae: [min, max] },
      instruction: `Ange procent som ett tal ${rangeText(min, max)}, t.ex. 62,5 (inte 0,625).`,
      error: `Här ska det stå procent som ett tal ${rangeText(min, max)}, t.ex. 62,5.`,
    };
  },
  decimal: (spec) => {
    const min = spec.min ?? -ANY_NUMBER_BOUND;
    const range = rangeText(spec.min, spec.max);
    return {
      validation: { type: 'decimal', operator: 'between', formulae: [min, spec.max ?? ANY_NUMBER_BOUND] },
      instruction: range ? `Ange ett tal ${range}, t.ex. 3,5.` : 'Ange ett tal, t.ex. 3,5.',
      error: range ? `Här ska det stå ett tal ${range}.` : 'Här ska det stå ett tal, t.ex. 3,5.',
    };
  },
  amount: (spec) => {
    const range = rangeText(spec.min, spec.max);
    return {
      validation: {
        type: 'decimal',
        operator: 'between',
        formulae: [spec.min ?? -ANY_NUMBER_BOUND, spec.max ?? ANY_NUMBER_BOUND],
      },
      instruction: `Ange beloppet i tkr (tusental kronor)${range ? `, ${range}` : ''}; negativa belopp är tillåtna.`,
      error: `Här ska det stå ett belopp i tkr${range ? `, ${range}` : ''}, t.ex. 1 250 eller −300.`,
    };
  },
  text: () => ({
    validation: { type: 'textLength', operator: 'lessThanOrEqual', formulae: [MAX_TEXT_LENGTH] },
    instruction: `Skriv fritt, högst ${sv(MAX_TEXT_LENGTH)} tecken.`,
    error: `Texten får vara högst ${sv(MAX_TEXT_LENGTH)} tecken lång.`,
  }),
  choice: (spec, listRange) => {
    const choices = spec.choices ?? [];
    const formula = listRange ?? `"${choices.join(',')}"`;
    return {
      validation: { type: 'list', formulae: [formula] },
      instruction: `Välj ett av alternativen i listan: ${choices.join(', ')}.`,
      error: `Välj ett av alternativen: ${choices.join(', ')}.`,
    };
  },
} satisfies Record<CellKind, CheckFor>;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface ValidationLabels {
  rowLabel: string;
  columnLabel: string;
}

/**
 * The data validation of one input cell. The prompt names the cell ("Antal deltagare –
 * Kvinnor") so the user sees where they are in a wide table, then says what to enter.
 * `listRange` is an absolute range holding the choices when they cannot be written inline.
 */
export function dataValidationFor(spec: CellSpec, labels: ValidationLabels, listRange?: string): DataValidation {
  const check = checkByKind[spec.kind](spec, listRange);
  return {
    ...check.validation,
    allowBlank: true,
    showInputMessage: true,
    promptTitle: truncate(labels.rowLabel, TITLE_MAX),
    prompt: truncate(`${labels.columnLabel}: ${check.instruction} Lämna tom bara om uppgiften saknas.`, PROMPT_MAX),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ogiltigt värde',
    error: truncate(check.error, PROMPT_MAX),
  };
}
