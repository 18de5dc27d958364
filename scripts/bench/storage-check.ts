/**
 * Reads back what the submissions repository stored and checks it is whole: for every report
 * key the versions are 1..n without gaps, the current pointer is at n with n's hash, every
 * version has exactly one "submitted" audit event, and nothing else is in the table. Load and
 * fault runs use it to prove that acknowledged submissions were stored exactly once and that
 * no half-written submission exists.
 */
import { SUBMISSIONS_TABLE, VALUES_CONTAINER } from '../../functions/services';
import { createStorageClients } from '../../functions/storage';
import type { SubmissionVersion } from '../../functions/submissions/model';
import { TableSubmissionRepository } from '../../functions/storage/submissions/table-submission-repository';
import { slotKey } from './submission-plan';

export interface Partition {
  forbund: string;
  period: string;
}

export interface StorageReport {
  /** Versions per slot key (see {@link slotKey}), oldest first. */
  versions: Map<string, SubmissionVersion[]>;
  versionCount: number;
  pointerCount: number;
  auditCount: number;
  /** Every entity in the table, to show nothing exists outside what the repository lists. */
  tableEntityCount: number;
  /** Broken invariants, in words; empty when storage is whole. */
  problems: string[];
}

export function submissionRepository(connectionString: string): TableSubmissionRepository {
  const clients = createStorageClients(connectionString);
  return new TableSubmissionRepository(
    clients.tableClient(SUBMISSIONS_TABLE),
    clients.blobService.getContainerClient(VALUES_CONTAINER),
  );
}

async function countEntities(connectionString: string): Promise<number> {
  const table = createStorageClients(connectionString).tableClient(SUBMISSIONS_TABLE);
  let n = 0;
  // Only keys are needed; `select` keeps a large scan cheap.
  for await (const _ of table.listEntities({ queryOptions: { select: ['RowKey'] } })) n++;
  return n;
}

export async function checkStoredSubmissions(
  connectionString: string,
  partitions: readonly Partition[],
): Promise<StorageReport> {
  const repository = submissionRepository(connectionString);
  const problems: string[] = [];
  const versions = new Map<string, SubmissionVersion[]>();
  let pointerCount = 0;
  let auditCount = 0;
  let periodSettings = 0;
  const unique = [...new Map(partitions.map((p) => [`${p.forbund}_${p.period}`, p])).values()];
  for (const { forbund, period } of unique) {
    const [stored, current, audit, settings] = await Promise.all([
      repository.listVersions(forbund, period),
      repository.listCurrent(forbund, period),
      repository.listAudit(forbund, period),
      repository.getPeriod(forbund, period),
    ]);
    if (settings.updatedAt) periodSettings++;
    pointerCount += current.length;
    auditCount += audit.length;
    const submittedEvents = new Map<string, number>();
    for (const event of audit)
      if (event.event === 'submitted')
        submittedEvents.set(event.subject, (submittedEvents.get(event.subject) ?? 0) + 1);
    for (const v of stored) {
      const key = slotKey({ forbund, period, templateId: v.templateId, scope: v.scope, party: v.party });
      versions.set(key, [...(versions.get(key) ?? []), v]);
      const events = submittedEvents.get(v.id) ?? 0;
      if (events !== 1) problems.push(`${v.id}: ${events} "submitted" audit events, expected 1`);
      submittedEvents.delete(v.id);
    }
    for (const subject of submittedEvents.keys()) problems.push(`audit event for ${subject}, which has no version`);
    for (const pointer of current) {
      const key = slotKey({
        forbund,
        period,
        templateId: pointer.templateId,
        scope: pointer.scope,
        party: pointer.party,
      });
      const list = (versions.get(key) ?? []).sort((a, b) => a.version - b.version);
      const numbers = list.map((v) => v.version);
      if (!numbers.every((n, i) => n === i + 1)) problems.push(`${key}: versions ${numbers.join(',')} are not 1..n`);
      const last = list[list.length - 1];
      if (!last || last.version !== pointer.version || last.sha256 !== pointer.sha256)
        problems.push(`${key}: pointer at v${pointer.version} but the newest version is v${last?.version ?? 'none'}`);
    }
    for (const key of versions.keys()) {
      if (!key.startsWith(`${forbund}/${period}/`)) continue;
      if (
        !current.some(
          (p) => slotKey({ forbund, period, templateId: p.templateId, scope: p.scope, party: p.party }) === key,
        )
      )
        problems.push(`${key}: versions without a current pointer`);
    }
  }
  const versionCount = [...versions.values()].reduce((n, list) => n + list.length, 0);
  const tableEntityCount = await countEntities(connectionString);
  const listed = versionCount + pointerCount + auditCount + periodSettings;
  if (tableEntityCount !== listed)
    problems.push(
      `the table holds ${tableEntityCount} entities, but the repository lists ${listed} in the checked partitions`,
    );
  return { versions, versionCount, pointerCount, auditCount, tableEntityCount, problems };
}
