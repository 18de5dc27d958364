import type { ForbundConfig } from '../model/forbund-schema';
import { scopesOf, type Scope } from '../model/selectors';
import type { TemplateDefinition } from '../model/template-schema';
import { consolidationOf } from './cell-patterns';

/**
 * A scope of the consolidated workbook: one that submits (a platform, a kommun, the förbund), or
 * a sum of them — a platform group, or the förbund as a whole.
 */
export interface ReportScope {
  id: string;
  name: string;
  /** Short, for sheet tabs. */
  shortName: string;
  kind: 'platform' | 'kommun' | 'forbund' | 'group' | 'total';
  /** The submitting scopes it adds up; for a submitting scope, itself. */
  members: Scope[];
}

export function isSum(scope: ReportScope): boolean {
  return scope.kind === 'group' || scope.kind === 'total';
}

/**
 * The scopes a template's figures are shown for, sums first for platforms (seed 004 puts
 * Arbetsmarknadstorgen before its platforms) and last for kommuner (Bilaga 4 ends with the
 * förbund's row). With `totals: 'auto'`, platforms add up into their groups, and all scopes into
 * the förbund unless a group already holds them all or there is only one.
 */
export function reportScopes(definition: TemplateDefinition, forbund: ForbundConfig): ReportScope[] {
  const own = scopesOf(definition, forbund);
  const single = own.map((s): ReportScope => ({
    id: s.id,
    name: s.name,
    shortName: shortNameOf(forbund, s),
    kind: s.kind,
    members: [s],
  }));
  if (consolidationOf(definition).totals === 'none' || definition.scope === 'forbund') return single;
  const groups: ReportScope[] =
    definition.scope === 'platform'
      ? forbund.platformGroups.map((g) => ({
          id: g.id,
          name: g.name,
          shortName: g.shortName ?? g.name,
          kind: 'group',
          members: own.filter((s) => g.platforms.includes(s.id)),
        }))
      : [];
  const coveredByGroup = groups.some((g) => g.members.length === own.length);
  const total: ReportScope[] =
    own.length > 1 && !coveredByGroup
      ? [{ id: forbund.id, name: forbund.shortName, shortName: forbund.shortName, kind: 'total', members: own }]
      : [];
  return definition.scope === 'platform' ? [...groups, ...total, ...single] : [...single, ...total];
}

function shortNameOf(forbund: ForbundConfig, scope: Scope): string {
  if (scope.kind === 'platform') return forbund.platforms.find((p) => p.id === scope.id)?.shortName ?? scope.name;
  if (scope.kind === 'kommun')
    return forbund.parties.find((p) => p.id === scope.id)?.shortName ?? scope.name.replace(/ kommun$/, '');
  return forbund.shortName;
}
