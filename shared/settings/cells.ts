import type { SettingsFinding, SettingsFindingCode, SettingsFindingParams } from './findings';
import type { SettingsColumn } from './layout';
import type { SettingsValue } from './sheet';

/** A cell as a reader of the workbook found it: its value, or a formula without result, or an error. */
export type RawCell =
  | { kind: 'value'; raw: number | string | boolean | null }
  | { kind: 'formula-without-result'; formula: string }
  | { kind: 'error-value'; error: string };

export const EMPTY: RawCell = { kind: 'value', raw: null };

/** What reading one cell needs to know about it. */
export type CellSpec = Pick<SettingsColumn, 'kind' | 'required' | 'pattern' | 'choices' | 'min' | 'max' | 'integer'> & {
  label: string;
};

export interface CellReading {
  value: SettingsValue;
  finding?: Omit<SettingsFinding, 'sheet' | 'cell'>;
}

const problem = (code: SettingsFindingCode, params: SettingsFindingParams): CellReading => ({
  value: null,
  finding: { code, severity: 'fel', params },
});

/** Excel's serial days of 2000-01-01 and 2100-12-31: a number in between in a date column is a date. */
const SERIAL_2000 = 36526;
const SERIAL_2100 = 73415;
const DAY_MS = 86_400_000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

function dateText(value: number | string): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < SERIAL_2000 || value > SERIAL_2100) return undefined;
    return new Date(SERIAL_EPOCH_MS + value * DAY_MS).toISOString().slice(0, 10);
  }
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : undefined;
}

const shown = (raw: number | string | boolean): string =>
  typeof raw === 'boolean' ? (raw ? 'SANT' : 'FALSKT') : String(raw);

/** Reads a cell by its column's kind. Empty is null (and a finding when required); never throws. */
export function readSettingsCell(cell: RawCell, spec: CellSpec): CellReading {
  const label = spec.label;
  if (cell.kind === 'formula-without-result')
    return problem('formula-without-result', { label, formula: cell.formula });
  if (cell.kind === 'error-value') return problem('error-value', { label, error: cell.error });
  const raw = typeof cell.raw === 'string' ? cell.raw.trim() : cell.raw;
  if (raw === null || raw === '') return spec.required ? problem('required', { label }) : { value: null };
  switch (spec.kind) {
    case 'info':
      return { value: typeof raw === 'boolean' ? shown(raw) : raw };
    case 'text': {
      const text = typeof raw === 'number' ? String(raw) : typeof raw === 'boolean' ? shown(raw) : raw;
      const checked = spec.pattern?.safeParse(text);
      if (checked && !checked.success)
        return problem('invalid-text', { label, value: text, reason: checked.error.issues[0]?.message ?? '' });
      return { value: text };
    }
    case 'number': {
      if (typeof raw !== 'number') return problem('not-a-number', { label, value: shown(raw) });
      if (spec.integer && !Number.isInteger(raw)) return problem('not-an-integer', { label, value: raw });
      if (spec.min !== undefined && raw < spec.min) return problem('below-min', { label, value: raw, min: spec.min });
      if (spec.max !== undefined && raw > spec.max) return problem('above-max', { label, value: raw, max: spec.max });
      return { value: raw };
    }
    case 'yesno': {
      if (typeof raw === 'boolean') return { value: raw };
      const word = String(raw).toLowerCase();
      if (word === 'ja') return { value: true };
      if (word === 'nej') return { value: false };
      return problem('not-yes-no', { label, value: String(raw) });
    }
    case 'choice': {
      const word = shown(raw).toLowerCase();
      const choice = spec.choices?.find((c) => c.label.toLowerCase() === word || c.value.toLowerCase() === word);
      if (choice) return { value: choice.value };
      return problem('not-a-choice', {
        label,
        value: shown(raw),
        choices: (spec.choices ?? []).map((c) => c.label).join(', '),
      });
    }
    case 'date': {
      const date = typeof raw === 'boolean' ? undefined : dateText(raw);
      return date ? { value: date } : problem('not-a-date', { label, value: shown(raw) });
    }
    case 'ids': {
      const items = shown(raw)
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
      return items.length > 0 || !spec.required ? { value: items } : problem('required', { label });
    }
  }
}

/** How a value is written into a cell: choices by their label, yes/no in words, lists joined. */
export function cellText(value: SettingsValue, spec: Pick<SettingsColumn, 'kind' | 'choices'>): string | number | null {
  if (value === null) return null;
  if (Array.isArray(value)) return (value as readonly string[]).join(', ');
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (spec.kind === 'choice') return spec.choices?.find((c) => c.value === value)?.label ?? String(value);
  return value as string | number;
}
