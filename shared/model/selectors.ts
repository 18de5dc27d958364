import type { Registry } from '../config/registry';
import type { ForbundConfig, Party } from './forbund-schema';
import type { Period } from './period';
import type { ScopeKind, TemplateDefinition } from './template-schema';

export interface Scope {
  id: string;
  kind: ScopeKind;
  name: string;
}

export function findForbund(registry: Registry, id: string): ForbundConfig | undefined {
  return registry.forbund.find((f) => f.id === id);
}

export function findParty(forbund: ForbundConfig, id: string): Party | undefined {
  return forbund.parties.find((p) => p.id === id);
}

/** The newest version of a template that is valid for the year. */
export function findTemplate(registry: Registry, id: string, year: number): TemplateDefinition | undefined {
  return registry.templates
    .filter((t) => t.id === id && t.years.from <= year && year <= t.years.to)
    .sort((a, b) => b.version - a.version)[0];
}

export function findTemplateVersion(registry: Registry, id: string, version: number): TemplateDefinition | undefined {
  return registry.templates.find((t) => t.id === id && t.version === version);
}

/** Templates a förbund collects in a year. */
export function templatesForForbund(registry: Registry, forbund: ForbundConfig, year: number): TemplateDefinition[] {
  return forbund.templates
    .map((id) => findTemplate(registry, id, year))
    .filter(
      (t): t is TemplateDefinition => t !== undefined && (t.forbund === undefined || t.forbund.includes(forbund.id)),
    );
}

/** The first year any template the förbund collects is valid for; undefined when it collects none. */
export function firstTemplateYear(registry: Registry, forbund: ForbundConfig): number | undefined {
  const years = registry.templates
    .filter((t) => forbund.templates.includes(t.id) && (t.forbund === undefined || t.forbund.includes(forbund.id)))
    .map((t) => t.years.from);
  return years.length > 0 ? Math.min(...years) : undefined;
}

/**
 * Every report (template, scope, party) that could be submitted for a period: the förbund's
 * templates of the period's kind for its year, each of their scopes, under every party —
 * kansliet may submit on any party's behalf — and under kansliet's own name.
 */
export function reportsOfPeriod(
  registry: Registry,
  forbund: ForbundConfig,
  period: Period,
): { templateId: string; scope: string; party: string }[] {
  const parties = [...forbund.parties.map((p) => p.id), 'kansli'];
  return templatesForForbund(registry, forbund, period.year)
    .filter((t) => t.period.kind === period.kind)
    .flatMap((t) =>
      scopesOf(t, forbund).flatMap((scope) => parties.map((party) => ({ templateId: t.id, scope: scope.id, party }))),
    );
}

/** Every scope a template can be reported for in a förbund. */
export function scopesOf(template: TemplateDefinition, forbund: ForbundConfig): Scope[] {
  switch (template.scope) {
    case 'platform':
      return forbund.platforms.map((p) => ({ id: p.id, kind: 'platform', name: p.name }));
    case 'kommun':
      return forbund.parties
        .filter((p) => p.kind === 'kommun')
        .map((p) => ({ id: p.id, kind: 'kommun', name: p.name }));
    case 'forbund':
      return [{ id: forbund.id, kind: 'forbund', name: forbund.name }];
  }
}

/**
 * Whether a party's reporter may submit a template for a scope: the party's kind must be among
 * the template's submitters; a platform is reported by the parties that run it; a kommun
 * reports for itself, while AF, FK and the Region report their figures for every kommun.
 */
export function maySubmit(
  template: TemplateDefinition,
  forbund: ForbundConfig,
  partyId: string,
  scopeId: string,
): boolean {
  const party = findParty(forbund, partyId);
  if (!party || !template.submitters.includes(party.kind)) return false;
  if (!scopesOf(template, forbund).some((s) => s.id === scopeId)) return false;
  switch (template.scope) {
    case 'platform':
      return forbund.platforms.find((p) => p.id === scopeId)?.reportedBy.includes(partyId) ?? false;
    case 'kommun':
      return party.kind !== 'kommun' || party.id === scopeId;
    case 'forbund':
      return true;
  }
}

export function scopesForParty(template: TemplateDefinition, forbund: ForbundConfig, partyId: string): Scope[] {
  return scopesOf(template, forbund).filter((s) => maySubmit(template, forbund, partyId, s.id));
}
