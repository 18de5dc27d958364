import type { ForbundConfig, ForbundYear } from '../model/forbund-schema';
import type { TemplateDefinition } from '../model/template-schema';
import type { SettingsDocument } from './document';
import type { SettingsSheetLayout } from './layout';

/** A cell's value once read by its column's kind; null is an empty cell. */
export type SettingsValue = string | number | boolean | null | readonly string[];

export type SettingsRow = Record<string, SettingsValue>;

/** What a sheet holds, as values: its fields by id and its table's rows in order. */
export interface SheetContent {
  fields: Record<string, SettingsValue>;
  rows: SettingsRow[];
}

/** A table row as read, with its place in the named area (0 = first data row), since empty rows are skipped. */
export interface ReadRow {
  values: SettingsRow;
  offset: number;
}

export interface SheetInput {
  fields: Record<string, SettingsValue>;
  rows: readonly ReadRow[];
}

export interface SheetContext {
  year: number;
  /** Every template Samlad knows: the built-in ones and those an administrator added. */
  templates: readonly TemplateDefinition[];
}

/**
 * What a sheet changes in the document: structure fields and the year's settings it holds. A
 * property present with `undefined` is cleared; one absent is left as the base has it.
 */
export interface SheetPatch {
  forbund?: Partial<Omit<ForbundConfig, 'years'>>;
  year?: { [K in keyof ForbundYear]?: ForbundYear[K] | undefined };
}

/** Where in a sheet a document path lies: a field, or a table row (its offset) and column. */
export type SheetLocation = { field: string } | { offset?: number; column?: string };

/**
 * One sheet of the settings workbook: how a document is shown on it, how what was read goes back
 * into a document, and where a problem found in the document (by its path) sits on the sheet.
 */
export interface SettingsSheet {
  layout: SettingsSheetLayout;
  write(document: SettingsDocument, context: SheetContext): SheetContent;
  read(input: SheetInput, base: SettingsDocument, context: SheetContext): SheetPatch;
  /**
   * `path` is relative to the document, with `['years', <year>]` written as `['year']`;
   * undefined when the path is not this sheet's.
   */
  locate(path: readonly PropertyKey[], input: SheetInput): SheetLocation | undefined;
}

/** Rows as objects, each taking the base row with the same id and overriding what the sheet holds. */
export function carryOver<T extends { id: string }>(base: readonly T[] | undefined, rows: readonly T[]): T[] {
  return rows.map((row) => {
    const previous = base?.find((b) => b.id === row.id);
    const merged: Record<string, unknown> = { ...previous, ...row };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    return merged as T;
  });
}

/** The offset of the n-th kept row, for paths that index the document's array. */
export function offsetOf(input: SheetInput, index: unknown): number | undefined {
  return typeof index === 'number' ? input.rows[index]?.offset : undefined;
}

/** The offset of the row whose `key` column holds `id`. */
export function offsetWhere(input: SheetInput, key: string, id: unknown): number | undefined {
  return input.rows.find((r) => r.values[key] === id)?.offset;
}

export const text = (value: SettingsValue | undefined): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export const num = (value: SettingsValue | undefined): number | undefined =>
  typeof value === 'number' ? value : undefined;

export const list = (value: SettingsValue | undefined): string[] =>
  Array.isArray(value) ? [...(value as readonly string[])] : [];
