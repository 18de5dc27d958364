import type { Principal } from '../../shared/api/principal';
import type { Registry } from '../../shared/config/registry';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { parsePeriod } from '../../shared/model/period';
import { findTemplate } from '../../shared/model/selectors';
import { referencePeriods, type PlausibilityReference } from '../../shared/validation/plausibility';
import type { SeriesKey } from './model';
import type { SubmissionRepository } from './repository';

/** The party a draft's series is stored under, before checking (intake.ts refuses a wrong one). */
export function draftParty(principal: Principal, draft: { party?: string }): string {
  return principal.role === 'reporter' ? (principal.party ?? '') : (draft.party ?? 'kansli');
}

/**
 * The earlier figures a submission's plausibility is judged against (shared/validation/
 * plausibility.ts): the current version of the same series — template, scope and party — last
 * year and, for tertials, last tertial. The same series, so it costs two point reads per
 * period (its pointer, then its version) and never a query; a platform another party reported
 * last year is then not compared, which only means no varning. Nothing for a template without
 * a plausibility setting, or a draft that names no known template or period.
 */
export async function loadReferences(
  repository: SubmissionRepository,
  registry: Registry,
  forbund: ForbundConfig,
  series: SeriesKey & { period: string },
): Promise<PlausibilityReference[]> {
  const period = parsePeriod(series.period);
  const definition = period && findTemplate(registry, series.templateId, period.year);
  if (!definition?.plausibility) return [];
  const found = await Promise.all(
    referencePeriods(definition, series.period).map(async ({ kind, period: earlier }) => {
      const current = await repository.getCurrent(forbund.id, earlier, series);
      const stored = current && (await repository.getVersion(forbund.id, earlier, series, current.version));
      return stored ? { kind, period: earlier, values: stored.values } : undefined;
    }),
  );
  return found.filter((r): r is PlausibilityReference => r !== undefined);
}
