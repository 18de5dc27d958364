import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import { getEntityIfAny, once } from '../setup';
import {
  submissionId,
  type Actor,
  type AuditEvent,
  type CurrentSubmission,
  type NewSubmission,
  type PeriodSettings,
  type SeriesKey,
  type StoredReceipt,
  type StoredSubmission,
  type SubmissionState,
  type SubmissionVersion,
} from '../../submissions/model';
import { FreshReads } from '../../submissions/fresh-reads';
import { KeyedQueue } from '../../submissions/keyed-queue';
import { NotCurrentError, type SubmissionRepository } from '../../submissions/repository';
import { auditEntity, toAuditEvent } from './audit-entities';
import {
  isStoredPointer,
  num,
  odataString,
  partitionKey,
  PERIOD_ROW,
  periodEntity,
  pointerEntity,
  pointerRowKey,
  seriesKey,
  str,
  toCurrent,
  toPeriod,
  toVersion,
  versionEntity,
  versionRowKey,
  type StoredEntity,
} from './entities';
import { PointerMemo, type PointerGuess } from './pointer-memo';
import { ValueOverflow } from './value-overflow';

const MAX_ATTEMPTS = 200;
/** Operations in one entity-group transaction (Table storage's limit). */
const TRANSACTION_LIMIT = 100;

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;

function isConflict(error: unknown): boolean {
  const status = statusOf(error);
  return status === 409 || status === 412;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Submissions in Azure Table storage (Azurite locally), values too large for an entity in Blob
 * storage. The entity layout is in entities.ts; this class is the workflow over it.
 */
export class TableSubmissionRepository implements SubmissionRepository {
  private readonly ensure = once(async () => {
    await this.table.createTable();
    await this.values.createIfNotExists();
  });
  private readonly values: ValueOverflow;
  private readonly seriesQueue = new KeyedQueue();
  private readonly periodReads = new FreshReads<StoredEntity | undefined>();
  private readonly pointers = new PointerMemo();

  constructor(
    private readonly table: TableClient,
    overflow: ContainerClient,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.values = new ValueOverflow(overflow);
  }

  private readPointer(pk: string, key: SeriesKey): Promise<StoredEntity | undefined> {
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

  async submit(
    s: NewSubmission,
    admit?: (period: PeriodSettings) => { late: boolean },
  ): Promise<{ receipt: StoredReceipt; created: boolean }> {
    await this.ensure();
    const pk = partitionKey(s.forbund, s.period);
    const series = seriesKey(pk, s);
    // Submissions of one series that reach this instance together take turns here instead of
    // racing through storage, where every lost race costs a rolled-back transaction, a pause
    // and two more reads. Across instances the pointer's ETag still decides.
    return this.seriesQueue.run(series, () => this.store(pk, series, s, admit));
  }

  private async store(
    pk: string,
    series: string,
    s: NewSubmission,
    admit?: (period: PeriodSettings) => { late: boolean },
  ): Promise<{ receipt: StoredReceipt; created: boolean }> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { period, pointer, unchanged } = await this.beforeWrite(pk, s, series, attempt === 0);
      const late = admit ? admit(period).late : s.late;
      if (unchanged) {
        const current = toCurrent(unchanged, s.period);
        const { id, version, sha256, submittedAt } = current;
        // Versions are contiguous, so the one a version replaced is always the one before it.
        const replaces = version > 1 ? { replaces: version - 1 } : {};
        return { receipt: { id, version, sha256, submittedAt, late: current.late, ...replaces }, created: false };
      }
      const version = pointer ? pointer.version + 1 : 1;
      const at = this.now().toISOString();
      const stored: NewSubmission = { ...s, late };
      const values = await this.values.encode(pk, versionRowKey(s, version), s.values);
      const id = submissionId(s.period, s, version);
      const actions: TransactionAction[] = [
        ['create', versionEntity(pk, stored, version, at, values.properties)],
        pointer
          ? ['update', pointerEntity(pk, stored, version, at), 'Replace', { etag: pointer.etag }]
          : ['create', pointerEntity(pk, stored, version, at)],
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
        this.pointers.rememberWritten(series, response, [1, actions.length], {
          version,
          sha256: s.sha256,
          state: 'inskickad',
        });
        const replaces = version > 1 ? { replaces: version - 1 } : {};
        return { receipt: { id, version, sha256: s.sha256, submittedAt: at, late, ...replaces }, created: true };
      } catch (error) {
        // Whatever storage now holds, the guess may be wrong: the next attempt reads.
        this.pointers.forget(series);
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

  /**
   * What a write attempt builds on: fresh period settings, and the pointer it expects. The
   * first attempt trusts this instance's memory of the pointer (or, remembering nothing, expects
   * a new series, the usual case at a deadline) and skips the point read; the transaction's
   * ETag or create then checks the guess, and a wrong guess costs one refused transaction and
   * a read. A submission whose content equals the remembered pointer's always reads, because
   * answering "already stored" must rest on what storage holds, not on a guess.
   */
  private async beforeWrite(
    pk: string,
    s: NewSubmission,
    series: string,
    mayGuess: boolean,
  ): Promise<{ period: PeriodSettings; pointer: PointerGuess | undefined; unchanged?: StoredEntity }> {
    const guess = mayGuess ? this.pointers.get(series) : undefined;
    if (mayGuess && guess?.sha256 !== s.sha256) return { period: await this.readPeriod(pk), pointer: guess };
    const [period, read] = await Promise.all([this.readPeriod(pk), this.readPointer(pk, s)]);
    const stored = isStoredPointer(read);
    // The same content again is the same submission, unless kansliet returned it: then it is the answer.
    if (read && stored && read.sha256 === s.sha256 && str(read.state) !== 'returnerad')
      return { period, pointer: undefined, unchanged: read };
    // A placeholder left by a lock is replaced under its ETag, as version 0 of nothing.
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

  private async list(pk: string, prefix: string): Promise<StoredEntity[]> {
    const out: StoredEntity[] = [];
    // Row keys sort lexically, so a prefix range is "≥ prefix and < prefix with its last char bumped".
    const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    const filter =
      `PartitionKey eq ${odataString(pk)} and RowKey ge ${odataString(prefix)} and ` +
      `RowKey lt ${odataString(upper)}`;
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) out.push(e);
    return out;
  }

  async listCurrent(forbund: string, period: string): Promise<CurrentSubmission[]> {
    await this.ensure();
    return (await this.list(partitionKey(forbund, period), 'c_'))
      .filter(isStoredPointer)
      .map((e) => toCurrent(e, period));
  }

  async getCurrent(forbund: string, period: string, key: SeriesKey): Promise<CurrentSubmission | undefined> {
    await this.ensure();
    const e = await this.readPointer(partitionKey(forbund, period), key);
    return e && isStoredPointer(e) ? toCurrent(e, period) : undefined;
  }

  async listVersions(forbund: string, period: string): Promise<SubmissionVersion[]> {
    await this.ensure();
    return (await this.list(partitionKey(forbund, period), 'v_')).map((e) => toVersion(e, forbund, period));
  }

  async getVersion(
    forbund: string,
    period: string,
    key: SeriesKey,
    version: number,
  ): Promise<StoredSubmission | undefined> {
    await this.ensure();
    const e = await getEntityIfAny(this.table, partitionKey(forbund, period), versionRowKey(key, version));
    return e ? { ...toVersion(e, forbund, period), values: await this.values.decode(e) } : undefined;
  }

  async transition(
    forbund: string,
    period: string,
    key: SeriesKey,
    version: number,
    to: Exclude<SubmissionState, 'inskickad'>,
    actor: Actor,
    comment?: string,
  ): Promise<CurrentSubmission> {
    await this.ensure();
    const pk = partitionKey(forbund, period);
    const series = seriesKey(pk, key);
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
        // A returned submission is usually corrected and sent again: remember the pointer as it now is.
        this.pointers.rememberWritten(series, response, [0, 2], {
          version,
          sha256: str(pointer.sha256) ?? '',
          state: to,
        });
        return toCurrent({ ...pointer, ...updated }, period);
      } catch (error) {
        this.pointers.forget(series);
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
   * note in entities.ts). The period row is written first, so every submission that reads it from
   * then on is refused; the fence then turns away those that read it before; and the period row
   * is written once more at the end, so storage's own time of it is after every version stored
   * before the lock (the race test compares them).
   */
  async putPeriod(
    forbund: string,
    period: string,
    settings: Omit<PeriodSettings, 'updatedAt'>,
    actor: Actor,
    fence: readonly SeriesKey[] = [],
  ): Promise<PeriodSettings> {
    await this.ensure();
    const pk = partitionKey(forbund, period);
    const before = await this.getPeriod(forbund, period);
    const settle = (at: string): PeriodSettings & { updatedAt: string } => ({ ...settings, updatedAt: at });
    if (settings.locked) {
      await this.table.upsertEntity(periodEntity(pk, settle(this.now().toISOString())), 'Replace');
      await this.fence(pk, fence);
    }
    const at = this.now().toISOString();
    const after = settle(at);
    await this.table.submitTransaction([
      ['upsert', periodEntity(pk, after), 'Replace'],
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
   * Changes the ETag of every pointer in the partition and leaves a placeholder pointer for every
   * series in `series` that has none, in transactions of up to 100 merges. A merge keeps a
   * pointer's content; only a submission's conditional write notices it.
   */
  private async fence(pk: string, series: readonly SeriesKey[]): Promise<void> {
    const rowKeys = new Set([...(await this.list(pk, 'c_')).map((e) => e.rowKey), ...series.map(pointerRowKey)]);
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
    return (await this.list(partitionKey(forbund, period), 'a_')).map(toAuditEvent);
  }
}
