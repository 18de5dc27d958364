import type { SuppressionConfig } from '../config/finance';
import { ruleRelations } from '../indices/rule-relations';
import { sumRelation, suppressSmallCounts, type LinearRelation } from '../indices/suppression';
import { evaluateRule } from '../validation/rules';
import { cellRoles } from './cell-patterns';
import { ruleInstances, typedValues } from './checks';
import { isSum } from './report-scopes';
import { hiddenKey, PERIOD_KEYS, type TemplateFigures } from './template-figures';

/**
 * The published variant's suppression, stated by the template model and solved by
 * shared/indices/suppression.ts (issue 15): what a reader of the published workbook can use to
 * narrow down a hidden count, as linear relations over cells (keys as in {@link hiddenKey}) —
 * every rule of the template that holds for the figures, for every scope and period shown (sums
 * as equalities, part ≤ whole as inequalities, a share once its denominator is known), and every
 * sum of scopes (a group = Σ its platforms, the förbund = Σ its kommuner). The solver adds that
 * counts are whole and ≥ 0, hides counts 1..limit and as many other counts as it takes for each
 * to keep more than `limit` possible values. Figures that are never hidden (not suppressible
 * counts) are known to every reader: they enter the relations as constants.
 */
export interface SuppressionProblem {
  /** Every suppressible count shown, known or missing. */
  values: ReadonlyMap<string, number | null>;
  relations: readonly LinearRelation[];
  /** Counts 1..limit are hidden themselves. */
  limit: number;
}

export type { LinearRelation };

/** The reader's relations over one consolidated template's figures (a broken rule is on Kontroll and tells nothing). */
export function templateRelations(figures: TemplateFigures): LinearRelation[] {
  const relations: LinearRelation[] = [];
  const instances = ruleInstances(figures.template);
  const { additive } = cellRoles(figures.template);
  for (const { scope, periods } of figures.scopes) {
    for (const key of PERIOD_KEYS) {
      const at = periods[key];
      if (!at) continue;
      const cellKey = (cell: string) => hiddenKey(scope.id, key, cell);
      const values = typedValues(at.numbers);
      for (const instance of instances)
        if (evaluateRule(instance, values).status === 'ok')
          relations.push(...ruleRelations(instance, cellKey, (cell) => values.get(cell)));
      if (!isSum(scope)) continue;
      for (const cell of additive)
        relations.push(
          sumRelation(
            cellKey(cell),
            scope.members.map((m) => hiddenKey(m.id, key, cell)),
          ),
        );
    }
  }
  return relations;
}

/** The suppression problem of one consolidated template: its suppressible counts and relations. */
export function suppressionProblem(figures: TemplateFigures, limit: number): SuppressionProblem {
  const { suppressible } = cellRoles(figures.template);
  const values = new Map<string, number | null>();
  const shown = new Map<string, number>();
  for (const { scope, periods } of figures.scopes)
    for (const key of PERIOD_KEYS) {
      const at = periods[key];
      if (!at) continue;
      for (const [cell, measure] of at.numbers) {
        const id = hiddenKey(scope.id, key, cell);
        if (suppressible.has(cell)) values.set(id, measure.value);
        else if (measure.value !== null) shown.set(id, measure.value);
      }
      for (const cell of suppressible) {
        const id = hiddenKey(scope.id, key, cell);
        if (!values.has(id)) values.set(id, null);
      }
    }
  return { values, relations: templateRelations(figures).map((r) => withShownAsConstants(r, shown)), limit };
}

/** A relation with the figures that are never hidden moved into its constant: every reader knows them. */
function withShownAsConstants(relation: LinearRelation, shown: ReadonlyMap<string, number>): LinearRelation {
  if (!relation.terms.some((t) => shown.has(t.cell))) return relation;
  let constant = relation.constant;
  const terms = relation.terms.filter((t) => {
    const value = shown.get(t.cell);
    if (value === undefined) return true;
    constant -= t.coefficient * value;
    return false;
  });
  return { ...relation, terms, constant };
}

/** The cells the published variant hides: the solver's primary and secondary suppression. */
export function hideSmallCounts(problem: SuppressionProblem): Set<string> {
  const { primary, secondary } = suppressSmallCounts(problem.values, problem.relations, problem.limit);
  return new Set([...primary, ...secondary]);
}

/** The template's figures with what the published variant hides. */
export function suppressTemplate(figures: TemplateFigures, config: SuppressionConfig): TemplateFigures {
  return { ...figures, hidden: hideSmallCounts(suppressionProblem(figures, config.limit)) };
}
