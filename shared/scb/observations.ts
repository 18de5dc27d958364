import { parseSwedishNumber } from '../model/cell-kind';
import type { VariableRole } from './vocabulary';

export type Coordinates = Partial<Record<VariableRole, string>>;

/**
 * One figure of an SCB file with the texts that place it, whatever the file's format: for each
 * variable the file names, its value as the file wrote it (a text, a code, or both). What the
 * texts mean is decided later, by the table's vocabulary (vocabulary.ts). A national file has
 * tens of thousands, so the coordinates are shared: a row's stub and a column's heading each
 * once, referenced by every figure in them.
 */
export interface Observation {
  at: Coordinates;
  /** The column's heading, where the layout has one. */
  heading?: Coordinates;
  /** The figure; null where SCB prints a marker ("..", ".", "-": not available, not applicable, nothing to report). */
  value: number | null;
}

/** What an observation says about one variable. */
export function coordinate(o: Observation, role: VariableRole): string | undefined {
  return o.heading?.[role] ?? o.at[role];
}

/** What a reader makes of a file: its observations, or why it could not read them. */
export type ReadOutcome =
  | { ok: true; title?: string; tableId?: string; observations: Observation[]; problems: string[] }
  | { ok: false; message: string; problems: string[] };

const MARKER = /^(\.\.?|\.\.\.|-|–|…)$/;
const PLAIN = /^-?\d+(\.\d+)?$/;

/** A cell's figure: a number, null for SCB's marker or an empty cell, or undefined when it is neither. */
export function figureOf(raw: string | number | null | undefined): number | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  // Most cells are plain numbers: read those without the general parser.
  if (PLAIN.test(raw)) return Number(raw);
  const text = raw.trim();
  if (text === '' || MARKER.test(text)) return null;
  return parseSwedishNumber(text);
}
