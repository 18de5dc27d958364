import type { Registry } from '../../shared/config/registry';
import { forbundSchema, type ForbundConfig } from '../../shared/model/forbund-schema';
import type { TemplateDefinition } from '../../shared/model/template-schema';
import { assembleForbund, type SettingsDocument } from '../../shared/settings/document';
import { canonicalDocument } from './document-hash';
import type { ActivePointer, Catalogue } from './repository';

/** The version that gives a year its settings, as a report names it on Om rapporten. */
export interface SettingsRef {
  year: number;
  version: number;
  sha256: string;
}

/** A förbund as one year sees it, with everything a request needs to work with it. */
export interface ForbundAtYear {
  forbund: ForbundConfig;
  /** The förbund with the catalogue's templates, for the shared selectors and the consolidation. */
  registry: Registry;
  /** The active version of the year, or of the year whose settings carry on to it. */
  settings: SettingsRef;
  /** Every active version the assembled förbund draws on (each year's own settings), oldest first. */
  versions: SettingsRef[];
  /** SHA-256 of the assembled configuration: what a report built with it records. */
  hash: string;
}

/** Reads immutable documents once and keeps them (bounded): a version's content never changes. */
export class DocumentCache {
  private readonly parsed = new Map<string, Promise<SettingsDocument>>();

  constructor(
    private readonly read: (sha256: string) => Promise<unknown>,
    private readonly limit = 2000,
  ) {}

  settings(sha256: string): Promise<SettingsDocument> {
    let entry = this.parsed.get(sha256);
    if (!entry) {
      entry = this.read(sha256).then((json) => {
        const parsed = forbundSchema.safeParse(json);
        if (!parsed.success)
          throw new Error(`stored settings document ${sha256} does not parse: ${parsed.error.message}`);
        return parsed.data;
      });
      // A failed read is not remembered: the next request tries storage again.
      entry.catch(() => this.parsed.delete(sha256));
      if (this.parsed.size >= this.limit) this.parsed.delete(this.parsed.keys().next().value as string);
      this.parsed.set(sha256, entry);
    }
    return entry;
  }

  /** A raw document (a template definition) the same way, unparsed. */
  raw(sha256: string): Promise<unknown> {
    return this.read(sha256);
  }
}

/**
 * One state of the configuration: which version is active for each förbund and year, and the
 * template catalogue. Immutable; the cache replaces it when the store's stamp moves. Documents
 * are read when a förbund is first asked for, and assembled results are kept per year.
 */
export class ConfigurationSnapshot {
  private readonly pointers = new Map<string, Map<number, ActivePointer>>();
  private readonly assembled = new Map<string, Promise<ForbundAtYear | undefined>>();
  private readonly ready = new Map<string, ForbundAtYear>();

  constructor(
    readonly catalogue: Catalogue,
    readonly templates: readonly TemplateDefinition[],
    private readonly documents: DocumentCache,
  ) {
    for (const p of catalogue.pointers) {
      const years = this.pointers.get(p.forbund) ?? new Map<number, ActivePointer>();
      years.set(p.year, p);
      this.pointers.set(p.forbund, years);
    }
  }

  get stamp(): string {
    return this.catalogue.stamp;
  }

  forbundIds(): string[] {
    return [...this.pointers.keys()].sort();
  }

  has(forbund: string): boolean {
    return this.pointers.has(forbund);
  }

  /** Years with an active version of their own, oldest first. */
  years(forbund: string): number[] {
    return [...(this.pointers.get(forbund)?.keys() ?? [])].sort((a, b) => a - b);
  }

  pointer(forbund: string, year: number): ActivePointer | undefined {
    return this.pointers.get(forbund)?.get(year);
  }

  /** Any stored settings document, by its hash (a version that is not active). */
  documentOf(sha256: string): Promise<SettingsDocument> {
    return this.documents.settings(sha256);
  }

  /** The active document of exactly this year, if it has one. */
  async yearDocument(forbund: string, year: number): Promise<SettingsDocument | undefined> {
    const pointer = this.pointer(forbund, year);
    return pointer ? this.documents.settings(pointer.sha256) : undefined;
  }

  /** The förbund as `year` sees it; undefined for a förbund with no active settings at all. */
  forbund(id: string, year: number): Promise<ForbundAtYear | undefined> {
    const key = `${id}@${year}`;
    let entry = this.assembled.get(key);
    if (!entry) {
      entry = this.assemble(id, year).then((at) => {
        if (at) this.ready.set(key, at);
        return at;
      });
      entry.catch(() => this.assembled.delete(key));
      this.assembled.set(key, entry);
    }
    return entry;
  }

  /** The same once it has been assembled, without waiting: the usual case after the first request. */
  forbundIfReady(id: string, year: number): ForbundAtYear | undefined {
    return this.ready.get(`${id}@${year}`);
  }

  private async assemble(id: string, year: number): Promise<ForbundAtYear | undefined> {
    const years = this.pointers.get(id);
    if (!years) return undefined;
    const pointers = [...years.values()].sort((a, b) => a.year - b.year);
    const documents = new Map(
      await Promise.all(pointers.map(async (p) => [p.year, await this.documents.settings(p.sha256)] as const)),
    );
    const result = assembleForbund(documents, year);
    if (!result) return undefined;
    const own = years.get(result.servedBy);
    if (!own) return undefined;
    const ref = (p: ActivePointer): SettingsRef => ({ year: p.year, version: p.version, sha256: p.sha256 });
    const templates = this.templates;
    let hash: string | undefined;
    return {
      forbund: result.forbund,
      registry: { forbund: [result.forbund], templates },
      settings: ref(own),
      versions: pointers.map(ref),
      // Only reports need it: computed on first use, not on a submission's way.
      get hash() {
        hash ??= canonicalDocument({
          forbund: result.forbund,
          templates: templates.map((t) => `${t.id}@${t.version}`),
        }).sha256;
        return hash;
      },
    };
  }
}
