import type { ForbundConfig, ImpactIndicator, SocialBudget } from '../model/forbund-schema';
import { measureAt, type CellMeasures } from './cell-measures';
import type { ImpactScope } from './consolidation-model';
import { evaluateFormula, type FormulaContext, type FormulaYear } from './formulas';
import { impactIndex, type ImpactIndexResult } from './impact-index';
import { firstMissing, known, type Measure } from './measure';
import { participantCount } from './outcome-rates';

export const IMPACT_INPUT_TEMPLATE = 'impactindex-underlag';

/** One year of figures, as the Impactindex of any scope reads them. */
export interface ImpactYearData {
  year: number;
  budget?: SocialBudget;
  /** deltagare-avslut counts of a platform, or a group's sum. */
  participants(scope: string): CellMeasures;
  /** A platform's impactindex-underlag values. */
  inputs(platform: string): CellMeasures;
  helarsekvivalenterShare(kommun: string): Measure;
  strategicIndicator(kommun: string, row: string): Measure;
}

export interface ImpactScopeRef {
  id: string;
  name: string;
  kind: 'group' | 'platform';
}

/** The kommuner whose own figures count for a scope: the kommuner running its platforms. */
export function kommunerOf(scope: ImpactScopeRef, forbund: ForbundConfig): string[] {
  const platforms =
    scope.kind === 'platform' ? [scope.id] : (forbund.platformGroups.find((g) => g.id === scope.id)?.platforms ?? []);
  const reporters = new Set(forbund.platforms.filter((p) => platforms.includes(p.id)).flatMap((p) => p.reportedBy));
  return forbund.parties.filter((p) => p.kind === 'kommun' && reporters.has(p.id)).map((p) => p.id);
}

/**
 * An 'input' indicator (a survey result) for a platform is the value it reported; for a group,
 * the mean of its platforms' values weighted by their participants. Survey answers do not
 * arrive as counts, so the weighting stands in for pooling the respondents (a method note in
 * the report says so). Missing for any platform makes the group's value missing.
 */
export function inputValue(
  indicator: ImpactIndicator,
  scope: ImpactScopeRef,
  forbund: ForbundConfig,
  data: ImpactYearData,
): Measure {
  const cell = `${indicator.area}.${indicator.id}.varde`;
  const platformName = (id: string) => forbund.platforms.find((p) => p.id === id)?.name ?? id;
  if (scope.kind === 'platform') return measureAt(data.inputs(scope.id), cell, `${indicator.label}, ${scope.name}`);
  const members = forbund.platformGroups.find((g) => g.id === scope.id)?.platforms ?? [];
  const parts = members.map((p) => ({
    value: measureAt(data.inputs(p), cell, `${indicator.label}, ${platformName(p)}`),
    weight: participantCount(data.participants(p), 'antal'),
  }));
  const gap = firstMissing(...parts.flatMap((p) => [p.value, p.weight]));
  if (gap) return gap;
  const weights = parts.reduce((acc, p) => acc + (p.weight.value as number), 0);
  if (weights === 0) return known(parts.reduce((acc, p) => acc + (p.value.value as number), 0) / parts.length);
  return known(parts.reduce((acc, p) => acc + (p.value.value as number) * (p.weight.value as number), 0) / weights);
}

function formulaYear(data: ImpactYearData, scope: string): FormulaYear {
  return {
    participants: data.participants(scope),
    helarsekvivalenterShare: (k) => data.helarsekvivalenterShare(k),
    strategicIndicator: (k, r) => data.strategicIndicator(k, r),
  };
}

/** One scope's Impactindex for `data.year`, judged against that year's social budget. */
export function scopeImpactIndex(
  scope: ImpactScopeRef,
  forbund: ForbundConfig,
  data: ImpactYearData,
  previous: ImpactYearData,
): ImpactIndexResult | undefined {
  const budget = data.budget;
  if (!budget) return undefined;
  const context: FormulaContext = {
    kommuner: kommunerOf(scope, forbund),
    current: formulaYear(data, scope.id),
    lastYear: formulaYear(previous, scope.id),
  };
  return impactIndex(
    budget,
    (indicator) =>
      evaluateFormula(indicator, context) ?? {
        applicable: true,
        value: inputValue(indicator, scope, forbund, data),
        lastYear: inputValue(indicator, scope, forbund, previous),
      },
  );
}

/** Impactindex per scope, this year and last year (each against its own year's budget). */
export function impactScopes(
  scopes: readonly ImpactScopeRef[],
  forbund: ForbundConfig,
  years: { current: ImpactYearData; lastYear: ImpactYearData; yearBefore: ImpactYearData },
): ImpactScope[] {
  return scopes.map((scope) => ({
    id: scope.id,
    name: scope.name,
    current: scopeImpactIndex(scope, forbund, years.current, years.lastYear),
    lastYear: scopeImpactIndex(scope, forbund, years.lastYear, years.yearBefore),
  }));
}
