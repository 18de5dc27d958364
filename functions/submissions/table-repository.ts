import { randomUUID } from 'node:crypto';
import type { TableClient, TableEntityResult, TableTransactionResponse, TransactionAction } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import type { CellValue } from '../../shared/model/cell-kind';
import { getEntityIfAny, once } from '../storage/setup';
import {
  submissionId,
  type Actor,
  type AuditEvent,
  type CurrentReport,
  type NewSubmission,
  type PeriodSettings,
  type Receipt,
  type ReportKey,
  type StoredSubmission,
  type SubmissionState,
  type SubmissionVersion,
} from './model';
import { FreshReads } from './fresh-reads';
import { KeyedQueue } from './keyed-queue';
import { PointerMemo, type PointerGuess } from './pointer-memo';
import { NotCurrentError, type SubmissionRepository } from './repository';

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
 * Locking fences the partition (see putPeriod): it touches every pointer, and writes an empty
 * pointer (no version: a "placeholder") for every report that could still arrive, so a
 * submission that read the period before the lock finds its pointer's ETag changed, or its
 * create refused, and reads the period again. Submissions themselves write nothing shared, so
 * reports of one period never contend with each other.
 */

/** A string property holds at most 64 KiB (32 K UTF-16 units); stay well below. */
const CHUNK_CHARS = 30_000;
/** An entity holds at most 1 MiB; beyond this many chunks the values go to Blob storage. */
const MAX_INLINE_CHUNKS = 8;
const MAX_ATTEMPTS = 200;
const PERIOD_ROW = 'p';
/** Operations in one entity-group transaction (Table storage's limit). */
const TRANSACTION_LIMIT = 100;
/** A strong or weak HTTP entity tag, as storage sends it in a transaction's sub-response. */
const ETAG = /^(W\/)?"[^"\r\n]*"$/;

type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string };

const partitionKey = (forbund: string, period: string) => `${forbund}_${period}`;
const keyPart = (k: ReportKey) => `${k.templateId}_${k.scope}_${k.party}`;
const versionRowKey = (k: ReportKey, version: number) => `v_${keyPart(k)}_${String(version).padStart(6, '0')}`;
const pointerRowKey = (k: ReportKey) => `c_${keyPart(k)}`;
/** One report across tenants and periods, for this instance's queue and pointer memory. */
const reportKey = (pk: string, k: ReportKey) => `${pk}|${pointerRowKey(k)}`;
const odataString = (s: string) => `'${s.replace(/'/g, "''")}'`;

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

function isConflict(error: unknown): boolean {
  const status = statusOf(error);
  return status === 409 || status === 412;
}

/** A pointer row that names a version; a fence's placeholder names none. */
const isStoredPointer = (e: Record<string, unknown> | undefined): boolean => num(e?.version) > 0;

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

function auditEntity(pk: string, event: AuditEvent): Entity {
  return {
    partitionKey: pk,
    // 32 random bits from a UUID, which node cuts from a pooled buffer: about a seventh of the
    // CPU of a 4-byte randomBytes call on this machine.
    rowKey: `a_${event.at}_${randomUUID().slice(0, 8)}`,
    event: event.event,
    at: event.at,
    actor: JSON.stringify(event.actor),
    subject: event.subject,
    sha256: event.sha256,
    before: event.before,
    after: event.after,
    comment: event.comment,
  };
}

function toCurrent(e: TableEntityResult<Record<string, unknown>>, period: string): CurrentReport {
  const key = { templateId: str(e.templateId) ?? '', scope: str(e.scope) ?? '', party: str(e.party) ?? '' };
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

function toVersion(e: TableEntityResult<Record<string, unknown>>, forbund: string, period: string): SubmissionVersion {
  const key = { templateId: str(e.templateId) ?? '', scope: str(e.scope) ?? '', party: str(e.party) ?? '' };
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

function toPeriod(e: Record<string, unknown>): PeriodSettings {
  return { deadline: str(e.deadline) || undefined, locked: e.locked === true, updatedAt: str(e.updatedAt) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class TableSubmissionRepository implements SubmissionRepository {
  private readonly ensure = once(async () => {
    await this.table.createTable();
    await this.overflow.createIfNotExists();
  });
  private readonly reportQueue = new KeyedQueue();
  private readonly periodReads = new FreshReads<TableEntityResult<Record<string, unknown>> | undefined>();
  private readonly pointers = new PointerMemo();

  constructor(
    private readonly table: TableClient,
    private readonly overflow: ContainerClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private readPointer(pk: string, key: ReportKey): Promise<TableEntityResult<Record<string, unknown>> | undefined> {
    return getEntityIfAny(this.table, pk, pointerRowKey(key));
  }

  /**
   * The period's settings row. Submissions of one period share these reads, each still answered
   * by a read that began after it asked. (With the pointer read it runs side by side as two
   * point reads, the cheapest lookups Table storage has: a query with `or` on RowKey would scan
   * the partition, and Azurite scans the whole table for any query.)
   */
  private async readPeriod(pk: string): Promise<PeriodSettings> {
    const e = await this.periodReads.read(pk, () => getEntityIfAny(this.table, pk, PERIOD_ROW));
    return e ? toPeriod(e) : { locked: false };
  }

  /**
   * The values as entity properties, or, when too large for an entity, as a blob the entity
   * names. Each attempt uploads a blob of its own: an attempt may be refused (a wrong guess of the
   * version, a lost race), and a name shared with the version it collided with would overwrite
   * that version's values. `discard` removes the blob after a refusal, when no entity names it.
   */
  private async encodeValues(
    pk: string,
    rowKey: string,
    values: Record<string, CellValue>,
  ): Promise<{ properties: Record<string, string>; discard: () => Promise<void> }> {
    const json = JSON.stringify(values);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CHUNK_CHARS) chunks.push(json.slice(i, i + CHUNK_CHARS));
    if (chunks.length <= MAX_INLINE_CHUNKS)
      return {
        properties: Object.fromEntries(chunks.map((c, i) => [`values${i}`, c])),
        discard: async () => undefined,
      };
    const blob = this.overflow.getBlockBlobClient(`${pk}/${rowKey}.${randomUUID()}.json`);
    await blob.upload(json, Buffer.byteLength(json), { blobHTTPHeaders: { blobContentType: 'application/json' } });
    return {
      properties: { valuesBlob: blob.name },
      discard: async () => void (await blob.deleteIfExists().catch(() => undefined)),
    };
  }

  private async decodeValues(e: Record<string, unknown>): Promise<Record<string, CellValue>> {
    const blobName = str(e.valuesBlob);
    if (blobName)
      return JSON.parse(
        (await this.overflow.getBlockBlobClient(blobName).downloadToBuffer()).toString('utf8'),
      ) as Record<string, CellValue>;
    let json = '';
    for (let i = 0; typeof e[`values${i}`] === 'string'; i++) json += e[`values${i}`] as string;
    return JSON.parse(json || '{}') as Record<string, CellValue>;
  }

  async submit(
    s: NewSubmission,
    admit?: (period: PeriodSettings) => void,
  ): Promise<{ receipt: Receipt; created: boolean }> {
    await this.ensure();
    const pk = partitionKey(s.forbund, s.period);
    const report = reportKey(pk, s);
    // Submissions of one report that reach this instance together take turns here instead of
    // racing through storage, where every lost race costs a rolled-back transaction, a pause
    // and two more reads. Across instances the pointer's ETag still decides.
    return this.reportQueue.run(report, () => this.store(pk, report, s, admit));
  }

  private async store(
    pk: string,
    report: string,
    s: NewSubmission,
    admit?: (period: PeriodSettings) => void,
  ): Promise<{ receipt: Receipt; created: boolean }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { period, pointer, unchanged } = await this.beforeWrite(pk, s, report, attempt === 0);
      admit?.(period);
      if (unchanged) {
        const current = toCurrent(unchanged, s.period);
        return {
          receipt: {
            id: current.id,
            version: current.version,
            sha256: current.sha256,
            submittedAt: current.submittedAt,
          },
          created: false,
        };
      }
      const version = pointer ? pointer.version + 1 : 1;
      const at = this.now().toISOString();
      const rowKey = versionRowKey(s, version);
      const values = await this.encodeValues(pk, rowKey, s.values);
      const versionEntity: Entity = {
        partitionKey: pk,
        rowKey,
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
        ...values.properties,
      };
      const pointerEntity: Entity = {
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
      const id = submissionId(s.period, s, version);
      const actions: TransactionAction[] = [
        ['create', versionEntity],
        pointer ? ['update', pointerEntity, 'Replace', { etag: pointer.etag }] : ['create', pointerEntity],
        [
          'create',
          auditEntity(pk, {
            at,
            event: 'submitted',
            actor: s.actor,
            subject: id,
            sha256: s.sha256,
            before: pointer && pointer.version > 0 ? `${pointer.state} v${pointer.version}` : 'saknas',
            after: `inskickad v${version}`,
            comment: s.comment,
          }),
        ],
      ];
      try {
        const response = await this.table.submitTransaction(actions);
        this.rememberPointer(report, response, [1, actions.length], { version, sha256: s.sha256, state: 'inskickad' });
        return { receipt: { id, version, sha256: s.sha256, submittedAt: at }, created: true };
      } catch (error) {
        // Whatever storage now holds, the guess may be wrong: the next attempt reads.
        this.pointers.forget(report);
        // A guessed pointer that storage no longer has (404) is a wrong guess like any other.
        const refused = isConflict(error) || (attempt === 0 && statusOf(error) === 404);
        if (!refused) throw error; // the transaction may have been applied: keep its blob
        await values.discard();
        // Another submission moved the pointer first; read it again and take the next version.
        await pause(Math.random() * Math.min(50, 2 + attempt * 2));
      }
    }
    throw new Error(`could not store submission after ${MAX_ATTEMPTS} attempts`);
  }

  /** Remembers the pointer written as action `index` of `count` in a transaction, if storage's answer is plain. */
  private rememberPointer(
    report: string,
    response: TableTransactionResponse,
    [index, count]: [number, number],
    pointer: Omit<PointerGuess, 'etag'>,
  ): void {
    const answer = response.subResponses.length === count ? response.subResponses[index] : undefined;
    // The SDK cuts the ETag out of the multipart answer with its line ending; anything odd is not trusted.
    const tag = answer && answer.status >= 200 && answer.status < 300 ? answer.etag?.trim() : undefined;
    if (tag && ETAG.test(tag)) this.pointers.remember(report, { etag: tag, ...pointer });
    else this.pointers.forget(report);
  }

  /**
   * What a write attempt builds on: fresh period settings, and the pointer it expects. The
   * first attempt trusts this instance's memory of the pointer (or, remembering nothing, expects
   * a new report, the usual case at a deadline) and skips the point read; the transaction's
   * ETag or create then checks the guess, and a wrong guess costs one refused transaction and
   * a read. A submission whose content equals the remembered pointer's always reads, because
   * answering "already stored" must rest on what storage holds, not on a guess.
   */
  private async beforeWrite(
    pk: string,
    s: NewSubmission,
    report: string,
    mayGuess: boolean,
  ): Promise<{
    period: PeriodSettings;
    pointer: PointerGuess | undefined;
    unchanged?: TableEntityResult<Record<string, unknown>>;
  }> {
    const guess = mayGuess ? this.pointers.get(report) : undefined;
    if (mayGuess && guess?.sha256 !== s.sha256) return { period: await this.readPeriod(pk), pointer: guess };
    const [period, read] = await Promise.all([this.readPeriod(pk), this.readPointer(pk, s)]);
    if (read && isStoredPointer(read) && read.sha256 === s.sha256)
      return { period, pointer: undefined, unchanged: read };
    // A placeholder left by a lock is replaced under its ETag, as version 0 of nothing.
    const stored = isStoredPointer(read);
    return {
      period,
      pointer: read && {
        etag: read.etag,
        version: stored ? num(read.version) : 0,
        sha256: stored ? (str(read.sha256) ?? '') : '',
        state: stored ? (str(read.state) ?? '') : '',
      },
    };
  }

  private async list(pk: string, prefix: string): Promise<TableEntityResult<Record<string, unknown>>[]> {
    const out: TableEntityResult<Record<string, unknown>>[] = [];
    // Row keys sort lexically, so a prefix range is "≥ prefix and < prefix with its last char bumped".
    const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    const filter = `PartitionKey eq ${odataString(pk)} and RowKey ge ${odataString(prefix)} and RowKey lt ${odataString(upper)}`;
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) out.push(e);
    return out;
  }

  async listCurrent(forbund: string, period: string): Promise<CurrentReport[]> {
    await this.ensure();
    return (await this.list(partitionKey(forbund, period), 'c_'))
      .filter(isStoredPointer)
      .map((e) => toCurrent(e, period));
  }

  async listVersions(forbund: string, period: string): Promise<SubmissionVersion[]> {
    await this.ensure();
    return (await this.list(partitionKey(forbund, period), 'v_')).map((e) => toVersion(e, forbund, period));
  }

  async getVersion(
    forbund: string,
    period: string,
    key: ReportKey,
    version: number,
  ): Promise<StoredSubmission | undefined> {
    await this.ensure();
    const e = await getEntityIfAny(this.table, partitionKey(forbund, period), versionRowKey(key, version));
    return e ? { ...toVersion(e, forbund, period), values: await this.decodeValues(e) } : undefined;
  }

  async transition(
    forbund: string,
    period: string,
    key: ReportKey,
    version: number,
    to: Exclude<SubmissionState, 'inskickad'>,
    actor: Actor,
    comment?: string,
  ): Promise<CurrentReport> {
    await this.ensure();
    const pk = partitionKey(forbund, period);
    const report = reportKey(pk, key);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const read = await this.readPointer(pk, key);
      const pointer = isStoredPointer(read) ? read : undefined;
      if (!pointer || num(pointer.version) !== version)
        throw new NotCurrentError(pointer ? num(pointer.version) : undefined);
      const at = this.now().toISOString();
      const updated = {
        partitionKey: pk,
        rowKey: pointerRowKey(key),
        state: to,
        stateComment: comment ?? '',
        updatedAt: at,
      };
      const id = submissionId(period, key, version);
      try {
        const response = await this.table.submitTransaction([
          ['update', updated, 'Merge', { etag: pointer.etag }],
          [
            'create',
            auditEntity(pk, {
              at,
              event: to === 'godkand' ? 'approved' : 'returned',
              actor,
              subject: id,
              sha256: str(pointer.sha256),
              before: str(pointer.state),
              after: to,
              comment,
            }),
          ],
        ]);
        // A returned report is usually corrected and sent again: remember the pointer as it now is.
        this.rememberPointer(report, response, [0, 2], { version, sha256: str(pointer.sha256) ?? '', state: to });
        return toCurrent({ ...pointer, ...updated }, period);
      } catch (error) {
        this.pointers.forget(report);
        if (!isConflict(error)) throw error;
        await pause(Math.random() * 10);
      }
    }
    throw new Error(`could not update state after ${MAX_ATTEMPTS} attempts`);
  }

  async getPeriod(forbund: string, period: string): Promise<PeriodSettings> {
    await this.ensure();
    const e = await getEntityIfAny(this.table, partitionKey(forbund, period), PERIOD_ROW);
    return e ? toPeriod(e) : { locked: false };
  }

  /**
   * Writes the settings; when they lock the period, fences it before answering (see the layout
   * note at the top). The period row is written first, so every submission that reads it from
   * then on is refused; the fence then turns away those that read it before; and the period
   * row is touched once more at the end, so storage's own time of it is after every version
   * stored before the lock (the race test compares them).
   */
  async putPeriod(
    forbund: string,
    period: string,
    settings: Omit<PeriodSettings, 'updatedAt'>,
    actor: Actor,
    fence: readonly ReportKey[] = [],
  ): Promise<PeriodSettings> {
    await this.ensure();
    const pk = partitionKey(forbund, period);
    const before = await this.getPeriod(forbund, period);
    const row = (at: string) => ({
      partitionKey: pk,
      rowKey: PERIOD_ROW,
      deadline: settings.deadline ?? '',
      locked: settings.locked,
      updatedAt: at,
    });
    await this.table.upsertEntity(row(this.now().toISOString()), 'Replace');
    if (settings.locked) await this.fence(pk, fence);
    const at = this.now().toISOString();
    const after: PeriodSettings = { deadline: settings.deadline, locked: settings.locked, updatedAt: at };
    await this.table.submitTransaction([
      ['upsert', row(at), 'Replace'],
      [
        'create',
        auditEntity(pk, {
          at,
          event: 'period-updated',
          actor,
          subject: period,
          before: JSON.stringify(before),
          after: JSON.stringify(after),
        }),
      ],
    ]);
    return after;
  }

  /**
   * Changes the ETag of every pointer in the partition and leaves a placeholder pointer for
   * every report in `reports` that has none, in transactions of up to 100 merges. A merge
   * keeps a pointer's content; only a submission's conditional write notices.
   */
  private async fence(pk: string, reports: readonly ReportKey[]): Promise<void> {
    const rowKeys = new Set([...(await this.list(pk, 'c_')).map((e) => e.rowKey), ...reports.map(pointerRowKey)]);
    const fencedAt = this.now().toISOString();
    const actions: TransactionAction[] = [...rowKeys].flatMap((rowKey): TransactionAction[] =>
      rowKey === undefined ? [] : [['upsert', { partitionKey: pk, rowKey, fencedAt }, 'Merge']],
    );
    for (let i = 0; i < actions.length; i += TRANSACTION_LIMIT)
      await this.table.submitTransaction(actions.slice(i, i + TRANSACTION_LIMIT));
  }

  async recordAudit(forbund: string, period: string, event: AuditEvent): Promise<void> {
    await this.ensure();
    await this.table.createEntity(auditEntity(partitionKey(forbund, period), event));
  }

  async listAudit(forbund: string, period: string): Promise<AuditEvent[]> {
    await this.ensure();
    return (await this.list(partitionKey(forbund, period), 'a_')).map((e) => ({
      at: str(e.at) ?? '',
      event: str(e.event) as AuditEvent['event'],
      actor: JSON.parse(str(e.actor) ?? '{}') as Actor,
      subject: str(e.subject) ?? '',
      sha256: str(e.sha256),
      before: str(e.before),
      after: str(e.after),
      comment: str(e.comment),
    }));
  }
}
