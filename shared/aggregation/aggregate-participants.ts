import type { DateSpan } from '../model/period';
import { cellId, type CellId, type ResolvedTemplate } from '../model/resolve';
import {
  CLOSURE_REASONS,
  GENDERS,
  POSITIVE_REASONS,
  REFERRING_PARTIES,
  type ClosureReason,
  type Decision,
  type Gender,
  type ReferringParty,
} from './categories';
import { parseDateCell } from './dates';
import { normaliseKey, PARTICIPANT_FIELDS, type ParticipantField } from './fields';
import { columnIndex, type CategoryField, type ParticipantTable, type TableMapping } from './table-mapping';

export type RowProblemCode = 'missing-value' | 'invalid-date' | 'end-before-start' | 'unknown-category';

export interface RowProblem {
  code: RowProblemCode;
  field: ParticipantField;
  /** The cell as written, when there was something. */
  raw?: string;
}

/** A row that could not be counted, with every reason, so the user can fix it in their table. */
export interface RejectedRow {
  rowNumber: number;
  problems: RowProblem[];
}

export const AGE_GROUPS = ['under_16', '16_19', '20_29', '30_50', '51_65', 'over_65', 'okand'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface AggregateOptions {
  /** The reporting span: for cumulative tertials it starts on 1 January (see periodSpan). */
  span: DateSpan;
  /** The platform being reported; rows for other platforms are counted apart, not used. */
  platform?: string;
}

export interface AggregationResult {
  /** Every cell of deltagare-avslut, as counts. Only these leave the party's workbook. */
  values: Record<CellId, number>;
  span: DateSpan;
  /** Rows counted in at least one figure. */
  used: number;
  /** Usable rows that do not touch the span (ended before it, started after it). */
  outsidePeriod: number;
  /** Rows of another platform (only when the table has a Plattform column). */
  otherPlatform: number;
  /** Rows with nothing in them. */
  blank: number;
  rejected: RejectedRow[];
  /** Deltagare by age at the span's end, for review (ArbSam's groups). */
  ageGroups: Record<AgeGroup, number>;
}

type Counter = Record<CellId, number>;

function zeroValues(): Counter {
  const values: Counter = {};
  const kon = [...GENDERS, 'tot'];
  for (const row of ['antal', 'nya', 'avslutade', 'positiv', ...CLOSURE_REASONS, 'kvar'])
    for (const c of kon) values[cellId('deltagare', row, c)] = 0;
  for (const row of ['aktualiserade', 'ja', 'nej']) {
    for (const c of [...REFERRING_PARTIES, 'tot']) values[cellId('aktualiserade', row, c)] = 0;
    for (const c of kon) values[cellId('aktualiserade_kon', row, c)] = 0;
  }
  return values;
}

/**
 * Whether a template takes what a participant table aggregates to: every count the aggregation
 * produces is one of its cells. True for deltagare-avslut and for any template, or version of
 * one, added as data with the same participant sections.
 */
export function aggregatesInto(template: Pick<ResolvedTemplate, 'cellById'>): boolean {
  return Object.keys(zeroValues()).every((id) => template.cellById.has(id));
}

function ageGroup(age: number | undefined): AgeGroup {
  if (age === undefined) return 'okand';
  if (age < 16) return 'under_16';
  if (age <= 19) return '16_19';
  if (age <= 29) return '20_29';
  if (age <= 50) return '30_50';
  if (age <= 65) return '51_65';
  return 'over_65';
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Reads one row through the mapping; each accessor records a problem instead of throwing. */
function rowReader(table: ParticipantTable, mapping: TableMapping) {
  const index = new Map<ParticipantField, number>();
  for (const f of PARTICIPANT_FIELDS) index.set(f, columnIndex(table, mapping, f));
  const has = (field: ParticipantField): boolean => (index.get(field) ?? -1) >= 0;

  return (row: readonly unknown[], problems: RowProblem[]) => {
    const cell = (field: ParticipantField): unknown => {
      const i = index.get(field) ?? -1;
      return i >= 0 ? row[i] : undefined;
    };
    const raw = (field: ParticipantField): string => String(cell(field)).trim();
    const date = (field: ParticipantField): string | null => {
      const parsed = parseDateCell(cell(field));
      if (parsed.ok) return parsed.date;
      problems.push({ code: 'invalid-date', field, raw: raw(field) });
      return null;
    };
    /** A category value, looked up lazily: only figures that need it make its absence a problem. */
    const category =
      <T extends string>(field: CategoryField, map: Record<string, T>): (() => T | undefined) =>
      () => {
        const value = cell(field);
        if (isBlank(value)) {
          problems.push({ code: 'missing-value', field });
          return undefined;
        }
        const mapped = map[normaliseKey(value)];
        if (mapped === undefined) problems.push({ code: 'unknown-category', field, raw: raw(field) });
        return mapped;
      };
    /** Age is for review only: an unreadable birth year makes the age unknown, not the row unusable. */
    const number = (field: ParticipantField): number | undefined => {
      const value = cell(field);
      if (isBlank(value)) return undefined;
      const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.').trim());
      return Number.isFinite(n) ? n : undefined;
    };
    return {
      blank: row.every(isBlank),
      platform: has('plattform') ? category('plattform', mapping.values.plattform) : undefined,
      start: date('startdatum'),
      end: date('avslutsdatum'),
      referred: date('aktualiseringsdatum'),
      decision:
        has('beslut') && !isBlank(cell('beslut'))
          ? category('beslut', mapping.values.beslut)
          : (): Decision | undefined => undefined,
      gender: category('kon', mapping.values.kon),
      reason: category('avslutsorsak', mapping.values.avslutsorsak),
      party: category('aktualiserande_part', mapping.values.aktualiserande_part),
      birthYear: () => number('fodelsear'),
      age: () => number('alder'),
    };
  };
}

const within = (date: string, span: DateSpan): boolean => span.start <= date && date <= span.end;

type RowRead = ReturnType<ReturnType<typeof rowReader>>;

/** The problems that keep a row out of every figure, whatever the span. */
function checkRow(r: RowRead, decision: Decision, referralDate: string | null, problems: RowProblem[]): void {
  if (decision === 'ja' && r.start === null && !problems.some((p) => p.field === 'startdatum'))
    problems.push({ code: 'missing-value', field: 'startdatum' });
  if (
    decision === 'nej' &&
    referralDate === null &&
    !problems.some((p) => p.field === 'startdatum' || p.field === 'aktualiseringsdatum')
  ) {
    problems.push({ code: 'missing-value', field: 'aktualiseringsdatum' });
  }
  if (r.start !== null && r.end !== null && r.end < r.start)
    problems.push({ code: 'end-before-start', field: 'avslutsdatum', raw: r.end });
}

/** Counting into the template's cells: one to a cell, or to a gender's cell and the total. */
function tally(values: Counter) {
  const add = (section: string, rowId: string, column: string): void => {
    const id = cellId(section, rowId, column);
    values[id] = (values[id] ?? 0) + 1;
  };
  const addKon = (section: string, rowId: string, gender: Gender): void => {
    add(section, rowId, gender);
    add(section, rowId, 'tot');
  };
  return { add, addKon };
}
type Tally = ReturnType<typeof tally>;

/** Age at the span's end: from the birth year when it is plausible, else the Ålder column. */
function ageAtEnd(r: RowRead, spanEndYear: number): number | undefined {
  const birthYear = r.birthYear();
  const age =
    birthYear !== undefined && birthYear > 1900 && birthYear <= spanEndYear
      ? spanEndYear - Math.trunc(birthYear)
      : r.age();
  return age === undefined || age < 0 || age > 120 ? undefined : Math.trunc(age);
}

/** A deltagare: counted as active, new, closed (with why) or remaining. */
function countParticipant(
  count: Tally,
  row: { start: string; end: string | null; gender: Gender; closedBecause: ClosureReason | undefined },
  span: DateSpan,
): void {
  count.addKon('deltagare', 'antal', row.gender);
  if (within(row.start, span)) count.addKon('deltagare', 'nya', row.gender);
  if (row.closedBecause !== undefined) {
    count.addKon('deltagare', 'avslutade', row.gender);
    count.addKon('deltagare', row.closedBecause, row.gender);
    if (POSITIVE_REASONS.has(row.closedBecause)) count.addKon('deltagare', 'positiv', row.gender);
  } else if (row.end === null || row.end > span.end) {
    count.addKon('deltagare', 'kvar', row.gender);
  }
}

/** A referral in the span: by referring party and by gender, under aktualiserade and Ja or Nej. */
function countReferral(count: Tally, party: ReferringParty, decision: Decision, gender: Gender): void {
  for (const rowId of ['aktualiserade', decision]) {
    count.add('aktualiserade', rowId, party);
    count.add('aktualiserade', rowId, 'tot');
    count.addKon('aktualiserade_kon', rowId, gender);
  }
}

/**
 * Aggregates a party's participant rows into the deltagare-avslut template for one span, in the
 * party's own browser: only the counts leave it.
 *
 * - *deltagare* (`antal`): active on any day of the span — started on or before its last day,
 *   and not ended before its first day;
 * - *nya*: started within the span; *avslutade*: ended within it, split by closure reason
 *   (arbete, studier, vidare AF and saknar arbetsförmåga make up *positiv lösning*);
 * - *kvar*: still active on the span's last day, i.e. no end date or one after it (a person
 *   whose last day is the span's last day is avslutad, so kvar = deltagare − avslutade);
 * - *aktualiserade*: the referral date (Aktualiseringsdatum, else Startdatum) within the span,
 *   by referring party and by gender, as Ja or Nej (a row marked Nej is not a deltagare);
 * - age at the span's end from Födelseår (else Ålder) for the review's age groups.
 *
 * A row that cannot be counted (no start date, an end before its start, a category the mapping
 * does not know, a value a figure needs that is missing) is returned in `rejected` with its
 * sheet row number and every reason, and counted nowhere, so totals stay consistent.
 *
 * @example
 * const { values, rejected } = aggregateParticipants(table, mapping, { span:
 * periodSpan(requirePeriod('2023T2'), true), platform: 'vuxentorget' });
 */
export function aggregateParticipants(
  table: ParticipantTable,
  mapping: TableMapping,
  options: AggregateOptions,
): AggregationResult {
  const { span } = options;
  const read = rowReader(table, mapping);
  const values = zeroValues();
  const ageGroups = Object.fromEntries(AGE_GROUPS.map((g) => [g, 0])) as Record<AgeGroup, number>;
  const result: AggregationResult = {
    values,
    span,
    used: 0,
    outsidePeriod: 0,
    otherPlatform: 0,
    blank: 0,
    rejected: [],
    ageGroups,
  };
  const spanEndYear = Number(span.end.slice(0, 4));
  const count = tally(values);

  table.rows.forEach((row, i) => {
    const rowNumber = table.firstRowNumber + i;
    const problems: RowProblem[] = [];
    const r = read(row, problems);
    if (r.blank) {
      result.blank += 1;
      return;
    }
    if (r.platform) {
      const platform = r.platform();
      if (platform !== undefined && options.platform !== undefined && platform !== options.platform) {
        result.otherPlatform += 1;
        return;
      }
    }
    const decision = r.decision() ?? 'ja';
    const referralDate = r.referred ?? r.start;
    checkRow(r, decision, referralDate, problems);
    if (problems.length > 0) {
      // Every counted row needs a gender: report its problem too, so one pass shows all of a row's problems.
      r.gender();
      result.rejected.push({ rowNumber, problems });
      return;
    }

    const isParticipant =
      decision === 'ja' && r.start !== null && r.start <= span.end && (r.end === null || r.end >= span.start);
    const isReferred = referralDate !== null && within(referralDate, span);
    if (!isParticipant && !isReferred) {
      result.outsidePeriod += 1;
      return;
    }
    // Only now are the categories these figures need looked up, so a missing closure reason on
    // a row that closes next year is no problem this tertial.
    const gender = r.gender();
    const closes = isParticipant && r.end !== null && within(r.end, span);
    const reason = closes ? r.reason() : undefined;
    const party = isReferred ? r.party() : undefined;
    if (problems.length > 0) {
      result.rejected.push({ rowNumber, problems });
      return;
    }
    if (isParticipant && r.start !== null) {
      const closedBecause = closes ? (reason as ClosureReason) : undefined;
      countParticipant(count, { start: r.start, end: r.end, gender: gender as Gender, closedBecause }, span);
      ageGroups[ageGroup(ageAtEnd(r, spanEndYear))] += 1;
    }
    if (isReferred) countReferral(count, party as ReferringParty, decision, gender as Gender);
    result.used += 1;
  });
  return result;
}
