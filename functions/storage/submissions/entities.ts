import type { TableEntityResult } from '@azure/data-tables';
import {
  submissionId,
  type Actor,
  type CurrentSubmission,
  type NewSubmission,
  type PeriodSettings,
  type SeriesKey,
  type SubmissionState,
  type SubmissionVersion,
} from '../../submissions/model';

/*
 * Layout: one table; PartitionKey = "<förbund>_<period>", so a tenant's period is one
 * partition and two tenants never share one. Row keys (ids never contain "_"):
 *   v_<template>_<scope>_<party>_<000001>  immutable version, values as JSON
 *   c_<template>_<scope>_<party>           current pointer, moved with ETag concurrency
 *   a_<iso time>_<random>                  append-only audit event
 *   p                                      period settings (deadline, locked)
 * A version, its pointer move and its audit event are written in one entity-group
 * transaction: all or nothing, and a stale pointer ETag rolls the whole batch back.
 *
 * Locking fences the partition (TableSubmissionRepository.putPeriod): it touches every pointer,
 * and writes an empty pointer (no version: a "placeholder") for every series that could still
 * arrive, so a submission that read the period before the lock finds its pointer's ETag changed,
 * or its create refused, and reads the period again. Submissions themselves write nothing shared,
 * so the series of one period never contend with each other.
 */

export type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string };
export type StoredEntity = TableEntityResult<Record<string, unknown>>;

export const PERIOD_ROW = 'p';

export const partitionKey = (forbund: string, period: string) => `${forbund}_${period}`;
const keyPart = (k: SeriesKey) => `${k.templateId}_${k.scope}_${k.party}`;
export const versionRowKey = (k: SeriesKey, version: number) => `v_${keyPart(k)}_${String(version).padStart(6, '0')}`;
export const pointerRowKey = (k: SeriesKey) => `c_${keyPart(k)}`;
/** One submission series across tenants and periods, for this instance's queue and pointer memory. */
export const seriesKey = (pk: string, k: SeriesKey) => `${pk}|${pointerRowKey(k)}`;
export const odataString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A pointer row that names a version; a lock's placeholder names none. */
export const isStoredPointer = (e: Record<string, unknown> | undefined): boolean => num(e?.version) > 0;

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** A new version's entity; `values` are the properties that hold (or name) its values. */
export function versionEntity(
  pk: string,
  s: NewSubmission,
  version: number,
  at: string,
  values: Record<string, string>,
): Entity {
  return {
    partitionKey: pk,
    rowKey: versionRowKey(s, version),
    templateId: s.templateId,
    scope: s.scope,
    party: s.party,
    version,
    templateVersion: s.templateVersion,
    sha256: s.sha256,
    submittedAt: at,
    submittedBy: JSON.stringify(s.actor),
    comment: s.comment,
    source: s.source,
    late: s.late,
    ...values,
  };
}

/** The series' pointer at a newly submitted version. */
export function pointerEntity(pk: string, s: NewSubmission, version: number, at: string): Entity {
  return {
    partitionKey: pk,
    rowKey: pointerRowKey(s),
    templateId: s.templateId,
    scope: s.scope,
    party: s.party,
    version,
    sha256: s.sha256,
    state: 'inskickad',
    stateComment: '',
    submittedAt: at,
    updatedAt: at,
    late: s.late,
  };
}

function seriesOf(e: Record<string, unknown>): SeriesKey {
  return { templateId: str(e.templateId) ?? '', scope: str(e.scope) ?? '', party: str(e.party) ?? '' };
}

export function toCurrent(e: Record<string, unknown>, period: string): CurrentSubmission {
  const key = seriesOf(e);
  const version = num(e.version);
  return {
    ...key,
    id: submissionId(period, key, version),
    version,
    sha256: str(e.sha256) ?? '',
    state: (str(e.state) ?? 'inskickad') as SubmissionState,
    stateComment: str(e.stateComment),
    submittedAt: str(e.submittedAt) ?? '',
    updatedAt: str(e.updatedAt) ?? '',
    late: e.late === true,
  };
}

export function toVersion(e: Record<string, unknown>, forbund: string, period: string): SubmissionVersion {
  const key = seriesOf(e);
  const version = num(e.version);
  return {
    ...key,
    id: submissionId(period, key, version),
    forbund,
    period,
    version,
    templateVersion: num(e.templateVersion),
    sha256: str(e.sha256) ?? '',
    submittedAt: str(e.submittedAt) ?? '',
    submittedBy: JSON.parse(str(e.submittedBy) ?? '{}') as Actor,
    comment: str(e.comment),
    source: str(e.source) === 'xlsx' ? 'xlsx' : 'json',
    late: e.late === true,
  };
}

export function toPeriod(e: Record<string, unknown>): PeriodSettings {
  return { deadline: str(e.deadline) || undefined, locked: e.locked === true, updatedAt: str(e.updatedAt) };
}

export function periodEntity(pk: string, settings: PeriodSettings & { updatedAt: string }): Entity {
  const { deadline, locked, updatedAt } = settings;
  return { partitionKey: pk, rowKey: PERIOD_ROW, deadline: deadline ?? '', locked, updatedAt };
}
