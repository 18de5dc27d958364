import { templateDefinitionSchema, type TemplateDefinition } from '../../shared/model/template-schema';
import { SEED_ACTOR } from './initial-content';
import type { Catalogue, ConfigurationRepository, InitialContent } from './repository';
import { ConfigurationSnapshot, DocumentCache } from './snapshot';

export interface ConfigurationCacheOptions {
  /** How long a snapshot is trusted before the stamp is read again (one point read). */
  refreshMs: number;
  /** What an empty store is seeded with. */
  initial: () => InitialContent;
  /** The templates that ship with Samlad. */
  builtIn: readonly TemplateDefinition[];
  now?: () => number;
  /** Operators' log (English): a stored template that no longer parses, a failed refresh. */
  log?: (message: string, error?: unknown) => void;
}

/**
 * The configuration as this instance knows it: read once, then kept. A request never reads the
 * store for it; at most every `refreshMs` one request reads the stamp (a single point read, shared
 * by every request that arrives meanwhile) and only a moved stamp reads the catalogue again, and
 * only new documents are fetched. This instance's own changes are seen at once ({@link invalidate});
 * another instance's within `refreshMs`. If the store cannot be reached, the last snapshot keeps
 * serving and the next check comes after another `refreshMs`.
 */
export class ConfigurationCache {
  private snapshot: ConfigurationSnapshot | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private generation = 0;
  private checkedGeneration = -1;
  private pending: { generation: number; promise: Promise<ConfigurationSnapshot> } | undefined;
  private readonly documents: DocumentCache;
  private readonly storedTemplates = new Map<string, TemplateDefinition | null>();

  constructor(
    private readonly repository: ConfigurationRepository,
    private readonly options: ConfigurationCacheOptions,
  ) {
    this.documents = new DocumentCache((sha256) => repository.readDocument(sha256));
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /**
   * The snapshot when no check is due: what nearly every request gets, without waiting on
   * anything (a burst of submissions then runs each to its storage call without yielding).
   */
  fresh(): ConfigurationSnapshot | undefined {
    const due = this.checkedGeneration !== this.generation || this.now() - this.checkedAt >= this.options.refreshMs;
    return due ? undefined : this.snapshot;
  }

  /** The configuration to answer with; reads the store only when due (or never read). */
  current(): Promise<ConfigurationSnapshot> {
    const fresh = this.fresh();
    if (fresh) return Promise.resolve(fresh);
    if (this.pending?.generation === this.generation) return this.pending.promise;
    const generation = this.generation;
    // A check asked for after a change of our own waits for the one in flight, then checks again.
    const before = this.pending?.promise.catch(() => undefined) ?? Promise.resolve(undefined);
    const promise = before.then(() => this.refresh(generation));
    const entry = { generation, promise };
    this.pending = entry;
    const settle = () => {
      if (this.pending === entry) this.pending = undefined;
    };
    promise.then(settle, settle);
    return promise;
  }

  /** After this instance changed the store: the next request checks the stamp first. */
  invalidate(): void {
    this.generation += 1;
  }

  private async refresh(generation: number): Promise<ConfigurationSnapshot> {
    try {
      if (this.snapshot) {
        const stamp = await this.repository.readStamp();
        if (stamp === this.snapshot.stamp) return this.checked(this.snapshot, generation);
      }
      let catalogue = await this.repository.readCatalogue();
      if (!catalogue) {
        await this.repository.seed(this.options.initial(), SEED_ACTOR);
        catalogue = await this.repository.readCatalogue();
        if (!catalogue) throw new Error('the configuration store is empty after seeding');
      }
      const templates = [...this.options.builtIn, ...(await this.addedTemplates(catalogue))];
      return this.checked(new ConfigurationSnapshot(catalogue, templates, this.documents), generation);
    } catch (error) {
      if (!this.snapshot) throw error;
      this.options.log?.('configuration refresh failed; serving the last snapshot', error);
      return this.checked(this.snapshot, generation);
    }
  }

  private checked(snapshot: ConfigurationSnapshot, generation: number): ConfigurationSnapshot {
    this.snapshot = snapshot;
    this.checkedAt = this.now();
    this.checkedGeneration = Math.max(this.checkedGeneration, generation);
    return snapshot;
  }

  /** Templates added as data, each read once; one that no longer parses is left out and logged. */
  private async addedTemplates(catalogue: Catalogue): Promise<TemplateDefinition[]> {
    const out: TemplateDefinition[] = [];
    for (const stored of catalogue.templates) {
      let definition = this.storedTemplates.get(stored.sha256);
      if (definition === undefined) {
        const parsed = templateDefinitionSchema.safeParse(await this.documents.raw(stored.sha256));
        definition = parsed.success ? parsed.data : null;
        if (!parsed.success) this.options.log?.(`stored template ${stored.id}@${stored.version} does not parse`);
        this.storedTemplates.set(stored.sha256, definition);
      }
      if (definition) out.push(definition);
    }
    return out;
  }
}
