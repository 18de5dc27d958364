import { sv } from 'zod/v4/locales';
import type { CatalogueTemplate } from '../../shared/api/settings';
import { buildRegistry, ConfigurationError } from '../../shared/config/registry';
import { templateDefinitionSchema, type TemplateDefinition } from '../../shared/model/template-schema';
import { ApiError, conflict } from '../api/api-error';
import type { Actor } from '../submissions/model';
import { canonicalDocument } from './document-hash';
import { TemplateVersionTaken, type ConfigurationRepository } from './repository';
import type { ConfigurationSnapshot } from './snapshot';

/** The catalogue as administrators see it: every version, built in or added (with who and when). */
export function catalogueEntries(
  snapshot: ConfigurationSnapshot,
  builtIn: ReadonlySet<TemplateDefinition>,
): CatalogueTemplate[] {
  const added = new Map(snapshot.catalogue.templates.map((t) => [`${t.id}@${t.version}`, t]));
  return snapshot.templates
    .map((t) => {
      const stored = added.get(`${t.id}@${t.version}`);
      return {
        id: t.id,
        version: t.version,
        title: t.title,
        years: t.years,
        builtIn: builtIn.has(t),
        ...(stored
          ? { sha256: stored.sha256, createdAt: stored.createdAt, createdBy: stored.createdBy, comment: stored.comment }
          : {}),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

const swedish = sv().localeError;

function nextVersion(snapshot: ConfigurationSnapshot, id: string): number {
  return Math.max(0, ...snapshot.templates.filter((t) => t.id === id).map((t) => t.version)) + 1;
}

/**
 * Adds a template definition, or a new version of one, to the catalogue: checked by the template
 * schema and with the rest of the catalogue (as the shipped configuration is at start-up), stored
 * content-addressed, never changed afterwards — a version submissions may already use can only
 * be succeeded by the next. The same definition again stores nothing.
 */
export async function addTemplate(
  store: ConfigurationRepository,
  snapshot: ConfigurationSnapshot,
  json: unknown,
  actor: Actor,
  comment: string | undefined,
  now: Date,
): Promise<{ status: 200 | 201; definition: TemplateDefinition; sha256: string }> {
  const parsed = templateDefinitionSchema.safeParse(json, { error: swedish });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new ApiError(
      422,
      'template-invalid',
      `Mallen följer inte mallschemat: ${issues
        .slice(0, 3)
        .map((i) => `${i.path || '(mallen)'}: ${i.message}`)
        .join('; ')}${issues.length > 3 ? ` och ${issues.length - 3} till` : ''}.`,
      { details: { issues } },
    );
  }
  const definition = parsed.data;
  const { json: text, sha256 } = canonicalDocument(definition);
  const same = snapshot.templates.find((t) => t.id === definition.id && t.version === definition.version);
  const stored = snapshot.catalogue.templates.find((t) => t.id === definition.id && t.version === definition.version);
  if (stored?.sha256 === sha256) return { status: 200, definition, sha256 };
  const next = nextVersion(snapshot, definition.id);
  if (same)
    throw conflict(
      'template-version-taken',
      `Mallen ${definition.id} version ${definition.version} finns redan och ändras aldrig: inlämningar kan bygga på ` +
        `den. Lägg upp den ändrade mallen som version ${next}.`,
    );
  try {
    buildRegistry([], [...snapshot.templates, definition] as Parameters<typeof buildRegistry>[1]);
  } catch (error) {
    if (error instanceof ConfigurationError) throw new ApiError(422, 'template-invalid', error.message);
    throw error;
  }
  await store.putDocument(sha256, text);
  try {
    await store.addTemplate({
      id: definition.id,
      version: definition.version,
      sha256,
      createdAt: now.toISOString(),
      createdBy: actor,
      ...(comment ? { comment } : {}),
    });
  } catch (error) {
    if (!(error instanceof TemplateVersionTaken)) throw error;
    if (error.existing.sha256 === sha256) return { status: 200, definition, sha256 };
    throw conflict(
      'template-version-taken',
      `Mallen ${definition.id} version ${definition.version} lades nyss upp av någon annan. ` +
        `Lägg upp din som version ${next + 1}.`,
    );
  }
  return { status: 201, definition, sha256 };
}
