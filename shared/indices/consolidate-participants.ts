import type { SuppressionConfig } from '../config/finance';
import type { CellValue } from '../model/cell-kind';
import type { ForbundConfig } from '../model/forbund-schema';
import type { CellId, ResolvedTemplate } from '../model/resolve';
import { evaluateRule, expandRule } from '../validation/rules';
import { sumMeasures, type CellMeasures } from './cell-measures';
import { compare } from './comparison';
import type { ParticipantScope } from './consolidation-model';
import { OUTCOME_RATES, outcomeRates, REFERRING_PARTIES, yesShare, type ReferringParty } from './outcome-rates';
import type { SubmissionSources } from './submission-sources';
import { ruleRelations } from './rule-relations';
import { sumRelation, suppressSmallCounts, type LinearRelation } from './suppression';

export const PARTICIPANTS_TEMPLATE = 'deltagare-avslut';

interface Periods {
  current: string;
  lastYear: string;
}

/**
 * Participants and outcomes per platform, and per platform group as the sum of its platforms'
 * raw counts (seed 004, Tabell 1: Arbetsmarknadstorgen), this period and the same period last
 * year. Groups come first, as in the annual report.
 */
export function participantScopes(
  forbund: ForbundConfig,
  sources: SubmissionSources,
  periods: Periods,
  years: { current: number; lastYear: number },
): ParticipantScope[] {
  const table = (period: string, scope: { id: string; name: string }) =>
    sources.measures(PARTICIPANTS_TEMPLATE, period, scope);
  const platforms = forbund.platforms.map((p) => ({
    platform: p,
    current: table(periods.current, p),
    lastYear: table(periods.lastYear, p),
  }));
  const template = sources.template(PARTICIPANTS_TEMPLATE, years.current);
  const lastTemplate = sources.template(PARTICIPANTS_TEMPLATE, years.lastYear) ?? template;

  const build = (
    id: string,
    name: string,
    kind: ParticipantScope['kind'],
    members: string[],
    current: CellMeasures,
    lastYear: CellMeasures,
  ): ParticipantScope => ({
    id,
    name,
    kind,
    platforms: members,
    current,
    lastYear,
    rates: outcomeRates(current),
    lastYearRates: outcomeRates(lastYear),
    yes: Object.fromEntries(
      REFERRING_PARTIES.map((p) => [p, compare(yesShare(current, p), yesShare(lastYear, p), 'up')]),
    ) as Record<ReferringParty, ReturnType<typeof compare>>,
    hidden: new Set<string>(),
  });

  const groups = forbund.platformGroups.map((g) => {
    const members = platforms.filter((p) => g.platforms.includes(p.platform.id));
    const sum = (pick: (m: (typeof members)[number]) => CellMeasures, t: ResolvedTemplate | undefined) =>
      t ? sumMeasures(t, members.map(pick)) : new Map();
    return build(
      g.id,
      g.name,
      'group',
      members.map((m) => m.platform.name),
      sum((m) => m.current, template),
      sum((m) => m.lastYear, lastTemplate),
    );
  });
  return [
    ...groups,
    ...platforms.map((p) => build(p.platform.id, p.platform.name, 'platform', [], p.current, p.lastYear)),
  ];
}

const key = (scope: string, year: 'current' | 'lastYear', cell: CellId) => `${scope}|${year}|${cell}`;

/**
 * The template's rules — sums and inequalities alike — that hold for these values, as linear
 * relations: a reader who knows the template can use every one of them.
 */
function holdingRelations(
  template: ResolvedTemplate,
  values: CellMeasures,
  prefix: (cell: CellId) => string,
): LinearRelation[] {
  const typed = new Map<CellId, CellValue>([...values].map(([id, m]) => [id, m.value]));
  return template.definition.rules
    .flatMap((r) => expandRule(r, template))
    .filter((instance) => evaluateRule(instance, typed).status === 'ok')
    .flatMap((instance) => ruleRelations(instance, prefix, (cell) => typed.get(cell)));
}

/**
 * Marks the cells the published variant hides: counts 1..limit, and enough other cells that
 * none of those can be narrowed down through the template's rules, the groups' sums of their
 * platforms and the counts' being whole and ≥ 0 (see suppression.ts for "protected").
 */
export function suppressParticipants(
  scopes: ParticipantScope[],
  forbund: ForbundConfig,
  template: ResolvedTemplate,
  config: SuppressionConfig,
): ParticipantScope[] {
  const values = new Map<string, number | null>();
  const relations: LinearRelation[] = [];
  const cellIds = template.cells.filter((c) => c.spec.kind === 'count').map((c) => c.id);
  for (const scope of scopes) {
    for (const year of ['current', 'lastYear'] as const) {
      const table = scope[year];
      for (const id of cellIds) values.set(key(scope.id, year, id), table.get(id)?.value ?? null);
      relations.push(...holdingRelations(template, table, (cell) => key(scope.id, year, cell)));
    }
  }
  for (const group of forbund.platformGroups) {
    for (const year of ['current', 'lastYear'] as const) {
      for (const id of cellIds)
        relations.push(
          sumRelation(
            key(group.id, year, id),
            group.platforms.map((p) => key(p, year, id)),
          ),
        );
    }
  }
  const { primary, secondary } = suppressSmallCounts(values, relations, config.limit);
  return scopes.map((scope) => {
    const hidden = new Set<string>();
    for (const year of ['current', 'lastYear'] as const) {
      for (const id of cellIds) {
        const k = key(scope.id, year, id);
        if (primary.has(k) || secondary.has(k)) hidden.add(`${year}:${id}`);
      }
    }
    return { ...scope, hidden };
  });
}

/** Whether a rate shown for a scope is built on a hidden count (so it would reveal it). */
export function isRateHidden(
  scope: ParticipantScope,
  year: 'current' | 'lastYear',
  rate: keyof typeof OUTCOME_RATES,
  column: 'k' | 'm' | 'tot',
): boolean {
  const def = OUTCOME_RATES[rate];
  return (
    scope.hidden.has(`${year}:deltagare.${def.numerator}.${column}`) ||
    scope.hidden.has(`${year}:deltagare.${def.denominator}.${column}`)
  );
}

export function isYesShareHidden(
  scope: ParticipantScope,
  year: 'current' | 'lastYear',
  party: ReferringParty,
): boolean {
  return (
    scope.hidden.has(`${year}:aktualiserade.ja.${party}`) ||
    scope.hidden.has(`${year}:aktualiserade.aktualiserade.${party}`)
  );
}
