import type { ActiveSettings, SettingsSource, SettingsVersion } from '../../shared/api/settings';
import type { Actor } from '../submissions/model';

/** Which version is active for a förbund's year, and the ETag that guards moving it. */
export interface ActivePointer extends ActiveSettings {
  forbund: string;
  year: number;
  etag: string;
}

/** A template definition an administrator added: immutable once stored (a change is a new version). */
export interface StoredTemplate {
  id: string;
  version: number;
  sha256: string;
  createdAt: string;
  createdBy: Actor;
  comment?: string;
}

/** Everything that decides what is active: read whole when the stamp says it changed. */
export interface Catalogue {
  /** Changes with every activation and every template added; the cache compares it. */
  stamp: string;
  pointers: ActivePointer[];
  templates: StoredTemplate[];
}

export interface NewSettingsVersion {
  forbund: string;
  year: number;
  sha256: string;
  basedOn: number | null;
  source: SettingsSource;
  createdBy: Actor;
  comment?: string;
}

/** The active version moved since the caller looked: someone else activated first. */
export class ActivationConflict extends Error {
  override name = 'ActivationConflict';
  constructor(readonly current: ActivePointer | undefined) {
    super(`the active version is ${current?.version ?? 'none'}`);
  }
}

/** A template version that is already stored, with other content. */
export class TemplateVersionTaken extends Error {
  override name = 'TemplateVersionTaken';
  constructor(readonly existing: StoredTemplate) {
    super(`template ${existing.id}@${existing.version} exists`);
  }
}

/** What an empty store starts with: one version per förbund and year, all active. */
export interface InitialContent {
  documents: { sha256: string; json: string }[];
  versions: NewSettingsVersion[];
}

/**
 * The configuration store: settings documents (content-addressed, immutable), their versions per
 * förbund and year, which version is active for each, and templates added as data. One
 * implementation is Azure Table and Blob storage (functions/storage/); handlers and the cache
 * never touch the SDK.
 */
export interface ConfigurationRepository {
  /** A cheap point read of the stamp; undefined before the store was seeded. */
  readStamp(): Promise<string | undefined>;
  /** The stamp, every active pointer and every added template; undefined before the store was seeded. */
  readCatalogue(): Promise<Catalogue | undefined>;
  /** Fills an empty store; a store another instance seeded first is left as it is. */
  seed(initial: InitialContent, actor: Actor): Promise<void>;
  /** A stored document (settings or template definition) by its hash. */
  readDocument(sha256: string): Promise<unknown>;
  /** Stores a document under its hash; storing the same one twice stores nothing. */
  putDocument(sha256: string, json: string): Promise<void>;
  /** Every version of a förbund's year, oldest first. */
  listVersions(forbund: string, year: number): Promise<SettingsVersion[]>;
  /** Stores the next version number of the year (never active until {@link activate}). */
  addVersion(version: NewSettingsVersion): Promise<SettingsVersion>;
  /**
   * Makes a version active when the active one is still `expected` (null: none), under the
   * pointer's ETag, and moves the stamp in the same transaction. ActivationConflict otherwise.
   */
  activate(version: SettingsVersion, expected: number | null, actor: Actor): Promise<ActivePointer>;
  /** Stores a template version; TemplateVersionTaken when that id and version exist. */
  addTemplate(template: StoredTemplate): Promise<StoredTemplate>;
}
