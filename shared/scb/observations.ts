import { parseSwedishNumber } from '../model/cell-kind';
import type { VariableRole } from './vocabulary';

/**
 * One figure of an SCB file with the texts that place it, whatever the file's format: for each
 * variable the file names, its value as the file wrote it (a text, a code, or both). What the
 * texts mean is decided later, by the table's vocabulary (vocabulary.ts).
 */
export interface Observation {
  at: Partial<Record<VariableRole, string>>;
  /** The figure; null where SCB prints a marker instead (see `marker`). */
  value: number | null;
  /** SCB's "..", ".", "-" …: not available, not applicable, nothing to report. */
  marker?: string;
  /** Where it stands, in Swedish ("rad 12", "cell C14"), for messages. */
  where: string;
}

/** What a reader makes of a file: its observations, or why it could not read them. */
export type ReadOutcome =
  | { ok: true; title?: string; tableId?: string; observations: Observation[]; problems: string[] }
  | { ok: false; message: string; problems: string[] };

const MARKER = /^(\.\.?|\.\.\.|-|–|…)$/;

/** A cell's figure: a number, SCB's marker (null), or undefined when it is neither. */
export function figureOf(
  raw: string | number | null | undefined,
): { value: number | null; marker?: string } | undefined {
  if (raw === null || raw === undefined) return { value: null, marker: '' };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : undefined;
  const text = raw.trim();
  if (text === '' || MARKER.test(text)) return { value: null, marker: text };
  const value = parseSwedishNumber(text);
  return value === undefined ? undefined : { value };
}
