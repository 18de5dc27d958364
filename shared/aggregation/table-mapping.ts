import { z } from 'zod';
import {
  CLOSURE_REASONS,
  DECISIONS,
  GENDERS,
  REFERRING_PARTIES,
  suggestClosureReason,
  suggestDecision,
  suggestGender,
  suggestPlatform,
  suggestReferringParty,
} from './categories';
import { FIELD_INFO, normaliseKey, PARTICIPANT_FIELDS, type ParticipantField } from './fields';

/** A party's own table as read from a sheet: header cells, then one row per participant. */
export interface ParticipantTable {
  headers: readonly unknown[];
  rows: readonly (readonly unknown[])[];
  /** The sheet row number of `rows[0]`, so problems name rows the user can find. */
  firstRowNumber: number;
}

/** The fields whose cells hold categories that must be mapped to the template's own. */
export const CATEGORY_FIELDS = ['kon', 'avslutsorsak', 'aktualiserande_part', 'beslut', 'plattform'] as const;
export type CategoryField = (typeof CATEGORY_FIELDS)[number];

/**
 * How a table maps to the template: which header holds each field, and what each category value
 * written in the table means. Kept in the party's workbook (never sent anywhere) so the next
 * tertial needs no mapping work; parsed with `safeParse` when read back.
 */
export const tableMappingSchema = z.object({
  version: z.literal(1),
  /** Header text per field, as written in the table; compared with normaliseKey. */
  columns: z.partialRecord(z.enum(PARTICIPANT_FIELDS), z.string().max(200)),
  /** Keys are category values normalised with normaliseKey. */
  values: z.object({
    kon: z.record(z.string(), z.enum(GENDERS)),
    avslutsorsak: z.record(z.string(), z.enum(CLOSURE_REASONS)),
    aktualiserande_part: z.record(z.string(), z.enum(REFERRING_PARTIES)),
    beslut: z.record(z.string(), z.enum(DECISIONS)),
    /** Values are platform ids from the förbund's configuration. */
    plattform: z.record(z.string(), z.string()),
  }),
});
export type TableMapping = z.infer<typeof tableMappingSchema>;

export function emptyMapping(): TableMapping {
  return {
    version: 1,
    columns: {},
    values: { kon: {}, avslutsorsak: {}, aktualiserande_part: {}, beslut: {}, plattform: {} },
  };
}

/** Index of the column holding a field, found by its header text; -1 when not mapped or not present. */
export function columnIndex(
  table: Pick<ParticipantTable, 'headers'>,
  mapping: TableMapping,
  field: ParticipantField,
): number {
  const header = mapping.columns[field];
  if (header === undefined) return -1;
  const key = normaliseKey(header);
  return table.headers.findIndex((h) => normaliseKey(h) === key);
}

/**
 * Suggests which header holds which field: an exact synonym first, then a header that contains
 * one (longest synonym wins, so "Avslutsorsak" is not taken for "Avslut"). Each header goes to
 * at most one field.
 */
export function suggestColumns(headers: readonly unknown[]): TableMapping['columns'] {
  const keys = headers.map(normaliseKey);
  const taken = new Set<number>();
  const columns: TableMapping['columns'] = {};
  const candidates: { field: ParticipantField; index: number; score: number }[] = [];
  for (const field of PARTICIPANT_FIELDS) {
    const synonyms = FIELD_INFO[field].synonyms.map(normaliseKey);
    keys.forEach((key, index) => {
      if (key === '') return;
      if (synonyms.includes(key)) candidates.push({ field, index, score: 1000 });
      else {
        // A short synonym must stand as a word ("Deltagarens kön"); a long one may be part of a word.
        const padded = ` ${key.replace(/[^\p{L}\p{N}/]+/gu, ' ')} `;
        const longest = Math.max(
          0,
          ...synonyms
            .filter((s) => padded.includes(` ${s} `) || (s.length >= 5 && key.includes(s)))
            .map((s) => s.length),
        );
        if (longest > 0) candidates.push({ field, index, score: longest });
      }
    });
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const c of candidates) {
    if (columns[c.field] !== undefined || taken.has(c.index)) continue;
    columns[c.field] = String(headers[c.index]);
    taken.add(c.index);
  }
  return columns;
}

export interface CategoryValue {
  field: CategoryField;
  /** As written in the table (first spelling seen). */
  raw: string;
  key: string;
  /** Rows holding it. */
  count: number;
}

/** Distinct category values per mapped field, for the pane's value mapping. */
export function categoryValues(table: ParticipantTable, mapping: TableMapping): CategoryValue[] {
  const out = new Map<string, CategoryValue>();
  for (const field of CATEGORY_FIELDS) {
    const index = columnIndex(table, mapping, field);
    if (index < 0) continue;
    for (const row of table.rows) {
      const key = normaliseKey(row[index]);
      if (key === '') continue;
      const id = `${field}\u0000${key}`;
      const seen = out.get(id);
      if (seen) seen.count += 1;
      else out.set(id, { field, raw: String(row[index]).trim(), key, count: 1 });
    }
  }
  return [...out.values()];
}

/**
 * Fills in value mappings for category values the mapping does not know yet, where the word is
 * recognisable (K / Kvinna / kvinna → Kvinnor). What the user chose before is kept.
 */
export function suggestValues(
  table: ParticipantTable,
  mapping: TableMapping,
  platforms: readonly { id: string; name: string }[],
): TableMapping {
  const next: TableMapping = {
    ...mapping,
    values: {
      kon: { ...mapping.values.kon },
      avslutsorsak: { ...mapping.values.avslutsorsak },
      aktualiserande_part: { ...mapping.values.aktualiserande_part },
      beslut: { ...mapping.values.beslut },
      plattform: { ...mapping.values.plattform },
    },
  };
  for (const value of categoryValues(table, mapping)) {
    const { field, key } = value;
    switch (field) {
      case 'kon': {
        const s = next.values.kon[key] ?? suggestGender(key);
        if (s) next.values.kon[key] = s;
        break;
      }
      case 'avslutsorsak': {
        const s = next.values.avslutsorsak[key] ?? suggestClosureReason(key);
        if (s) next.values.avslutsorsak[key] = s;
        break;
      }
      case 'aktualiserande_part': {
        const s = next.values.aktualiserande_part[key] ?? suggestReferringParty(key);
        if (s) next.values.aktualiserande_part[key] = s;
        break;
      }
      case 'beslut': {
        const s = next.values.beslut[key] ?? suggestDecision(key);
        if (s) next.values.beslut[key] = s;
        break;
      }
      case 'plattform': {
        const s = next.values.plattform[key] ?? suggestPlatform(key, platforms);
        if (s) next.values.plattform[key] = s;
        break;
      }
    }
  }
  return next;
}

/** A first mapping for a table never seen before: columns from headers, values from recognisable words. */
export function suggestMapping(
  table: ParticipantTable,
  platforms: readonly { id: string; name: string }[],
): TableMapping {
  return suggestValues(table, { ...emptyMapping(), columns: suggestColumns(table.headers) }, platforms);
}
