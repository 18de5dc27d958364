import { registry } from '../../shared/config/registry';
import { documentYear, yearDocuments } from '../../shared/settings/document';
import type { Actor } from '../submissions/model';
import { canonicalDocument } from './document-hash';
import type { InitialContent } from './repository';

/** Who stored what came with Samlad. */
export const SEED_ACTOR: Actor = { subject: 'system:seed', name: 'Samlad (levererade inställningar)', role: 'system' };

/**
 * What an empty store starts with: the configuration that ships in shared/config/, one active
 * version per förbund and configured year. After that, the store is the truth: a change to
 * shared/config/ reaches a store only through an upload, or a store that is empty.
 */
export function initialContent(): InitialContent {
  const documents = new Map<string, string>();
  const versions = registry.forbund.flatMap((forbund) =>
    yearDocuments(forbund).map((document) => {
      const { json, sha256 } = canonicalDocument(document);
      documents.set(sha256, json);
      return {
        forbund: forbund.id,
        year: documentYear(document),
        sha256,
        basedOn: null,
        source: 'seed' as const,
        createdBy: SEED_ACTOR,
        comment: 'Inställningarna som följde med Samlad',
      };
    }),
  );
  return { documents: [...documents].map(([sha256, json]) => ({ sha256, json })), versions };
}
