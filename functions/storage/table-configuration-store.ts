import type { TableClient, TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { ContainerClient } from '@azure/storage-blob';
import { z } from 'zod';
import { actorSchema, settingsSourceSchema, type SettingsVersion } from '../../shared/api';
import {
  ActivationConflict,
  TemplateVersionTaken,
  type ActivePointer,
  type Catalogue,
  type ConfigurationRepository,
  type InitialContent,
  type NewSettingsVersion,
  type StoredTemplate,
} from '../configuration/repository';
import type { Actor } from '../submissions/model';
import { getEntityIfAny, once } from './setup';

/**
 * The configuration store in Azure Table storage, documents in Blob storage.
 *
 * - Partition `catalogue` holds what decides what is active, so one transaction can move an
 *   active pointer (`active~<förbund>~<year>`, under its ETag) together with the `stamp` row the
 *   cache compares; it also lists the templates administrators added (`template~<id>~<version>`).
 * - Partition `settings~<förbund>~<year>` holds the year's versions (`v000001` …), immutable.
 * - Documents are blobs named by their SHA-256 (`documents/<sha256>.json`): immutable, stored once.
 */

const CATALOGUE = 'catalogue';
const STAMP = 'stamp';
/** Entity-group transactions take at most 100 operations. */
const MAX_TRANSACTION = 100;
const MAX_ATTEMPTS = 20;

const pad = (n: number) => String(n).padStart(6, '0');
const pointerKey = (forbund: string, year: number) => `active~${forbund}~${year}`;
const templateKey = (id: string, version: number) => `template~${id}~${pad(version)}`;
const versionPartition = (forbund: string, year: number) => `settings~${forbund}~${year}`;
const documentBlob = (sha256: string) => `documents/${sha256}.json`;

const statusOf = (error: unknown) => (error as { statusCode?: number }).statusCode;
const isConflict = (error: unknown) => statusOf(error) === 409 || statusOf(error) === 412;

const actorText = z.string().transform((text, ctx) => {
  const parsed = actorSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'actor' });
    return z.NEVER;
  }
  return parsed.data;
});

const pointerEntity = z.object({
  forbund: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  sha256: z.string(),
  activatedAt: z.string(),
  activatedBy: actorText,
});

const templateEntity = z.object({
  id: z.string(),
  version: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  createdBy: actorText,
  comment: z.string().optional(),
});

const versionEntity = z.object({
  forbund: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  sha256: z.string(),
  basedOn: z.number().int(),
  source: settingsSourceSchema,
  createdAt: z.string(),
  createdBy: actorText,
  comment: z.string().optional(),
});

function toPointer(entity: TableEntityResult<Record<string, unknown>>): ActivePointer {
  return { ...pointerEntity.parse(entity), etag: entity.etag };
}

function toVersion(entity: Record<string, unknown>): SettingsVersion {
  const { basedOn, comment, ...rest } = versionEntity.parse(entity);
  return { ...rest, basedOn: basedOn > 0 ? basedOn : null, ...(comment ? { comment } : {}) };
}

function toTemplate(entity: Record<string, unknown>): StoredTemplate {
  const { comment, ...rest } = templateEntity.parse(entity);
  return { ...rest, ...(comment ? { comment } : {}) };
}

export class TableConfigurationStore implements ConfigurationRepository {
  private readonly ensure = once(async () => {
    await this.table.createTable();
    await this.documents.createIfNotExists();
  });

  constructor(
    private readonly table: TableClient,
    private readonly documents: ContainerClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private stampAction(): TransactionAction {
    return ['upsert', { partitionKey: CATALOGUE, rowKey: STAMP, changedAt: this.now().toISOString() }, 'Replace'];
  }

  async readStamp(): Promise<string | undefined> {
    await this.ensure();
    return (await getEntityIfAny(this.table, CATALOGUE, STAMP))?.etag;
  }

  async readCatalogue(): Promise<Catalogue | undefined> {
    // The stamp first: a change that lands while the rest is read leaves a stamp that differs
    // next time, so the cache reads again rather than keeping a half-new catalogue.
    const stamp = await this.readStamp();
    if (!stamp) return undefined;
    const pointers: ActivePointer[] = [];
    const templates: StoredTemplate[] = [];
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: `PartitionKey eq '${CATALOGUE}'` },
    });
    for await (const entity of rows) {
      if (entity.rowKey?.startsWith('active~')) pointers.push(toPointer(entity));
      else if (entity.rowKey?.startsWith('template~')) templates.push(toTemplate(entity));
    }
    return { stamp, pointers, templates };
  }

  async seed(initial: InitialContent, actor: Actor): Promise<void> {
    await this.ensure();
    if (await this.readStamp()) return;
    if (initial.versions.length + 1 > MAX_TRANSACTION)
      throw new Error(`initial configuration has ${initial.versions.length} years; one transaction takes 99`);
    for (const d of initial.documents) await this.putDocument(d.sha256, d.json);
    const at = this.now().toISOString();
    const pointers: TransactionAction[] = [];
    for (const v of initial.versions) {
      // The same first version whichever instance writes it, so racing seeders agree.
      await this.table.upsertEntity(this.versionRow(v, 1, at), 'Replace');
      pointers.push([
        'create',
        {
          partitionKey: CATALOGUE,
          rowKey: pointerKey(v.forbund, v.year),
          forbund: v.forbund,
          year: v.year,
          version: 1,
          sha256: v.sha256,
          activatedAt: at,
          activatedBy: JSON.stringify(actor),
        },
      ]);
    }
    try {
      // The stamp is created with the pointers, all or nothing: a store is seeded once.
      await this.table.submitTransaction([
        ['create', { partitionKey: CATALOGUE, rowKey: STAMP, changedAt: at }],
        ...pointers,
      ]);
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }

  async readDocument(sha256: string): Promise<unknown> {
    await this.ensure();
    const buffer = await this.documents.getBlockBlobClient(documentBlob(sha256)).downloadToBuffer();
    return JSON.parse(buffer.toString('utf8'));
  }

  async putDocument(sha256: string, json: string): Promise<void> {
    await this.ensure();
    const body = Buffer.from(json, 'utf8');
    try {
      await this.documents.getBlockBlobClient(documentBlob(sha256)).upload(body, body.length, {
        conditions: { ifNoneMatch: '*' },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      if (!isConflict(error)) throw error; // stored before: the same bytes under the same name
    }
  }

  async listVersions(forbund: string, year: number): Promise<SettingsVersion[]> {
    await this.ensure();
    const out: SettingsVersion[] = [];
    const rows = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: `PartitionKey eq '${versionPartition(forbund, year)}'` },
    });
    for await (const entity of rows) out.push(toVersion(entity));
    return out.sort((a, b) => a.version - b.version);
  }

  private versionRow(v: NewSettingsVersion, version: number, at: string) {
    return {
      partitionKey: versionPartition(v.forbund, v.year),
      rowKey: `v${pad(version)}`,
      forbund: v.forbund,
      year: v.year,
      version,
      sha256: v.sha256,
      basedOn: v.basedOn ?? 0,
      source: v.source,
      createdAt: at,
      createdBy: JSON.stringify(v.createdBy),
      ...(v.comment ? { comment: v.comment } : {}),
    };
  }

  async addVersion(v: NewSettingsVersion): Promise<SettingsVersion> {
    await this.ensure();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const existing = await this.listVersions(v.forbund, v.year);
      const version = (existing[existing.length - 1]?.version ?? 0) + 1;
      const row = this.versionRow(v, version, this.now().toISOString());
      try {
        await this.table.createEntity(row);
        return toVersion(row);
      } catch (error) {
        if (!isConflict(error)) throw error; // another upload took the number: take the next
      }
    }
    throw new Error(`could not store a settings version for ${v.forbund} ${v.year}`);
  }

  async activate(version: SettingsVersion, expected: number | null, actor: Actor): Promise<ActivePointer> {
    await this.ensure();
    const key = pointerKey(version.forbund, version.year);
    const current = await getEntityIfAny(this.table, CATALOGUE, key);
    const pointer = current ? toPointer(current) : undefined;
    if ((pointer?.version ?? null) !== expected) throw new ActivationConflict(pointer);
    const entity = {
      partitionKey: CATALOGUE,
      rowKey: key,
      forbund: version.forbund,
      year: version.year,
      version: version.version,
      sha256: version.sha256,
      activatedAt: this.now().toISOString(),
      activatedBy: JSON.stringify(actor),
    };
    try {
      const response = await this.table.submitTransaction([
        pointer ? ['update', entity, 'Replace', { etag: pointer.etag }] : ['create', entity],
        this.stampAction(),
      ]);
      const etag = response.subResponses.find((r) => r.rowKey === key)?.etag ?? '';
      return { ...pointerEntity.parse(entity), etag };
    } catch (error) {
      if (!isConflict(error)) throw error;
      const now = await getEntityIfAny(this.table, CATALOGUE, key);
      throw new ActivationConflict(now ? toPointer(now) : undefined);
    }
  }

  async addTemplate(template: StoredTemplate): Promise<StoredTemplate> {
    await this.ensure();
    const entity = {
      partitionKey: CATALOGUE,
      rowKey: templateKey(template.id, template.version),
      id: template.id,
      version: template.version,
      sha256: template.sha256,
      createdAt: template.createdAt,
      createdBy: JSON.stringify(template.createdBy),
      ...(template.comment ? { comment: template.comment } : {}),
    };
    try {
      await this.table.submitTransaction([['create', entity], this.stampAction()]);
      return template;
    } catch (error) {
      if (!isConflict(error)) throw error;
      const existing = await getEntityIfAny(this.table, CATALOGUE, entity.rowKey);
      if (!existing) throw error;
      throw new TemplateVersionTaken(toTemplate(existing));
    }
  }
}
