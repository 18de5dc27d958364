import type { SuppressionConfig } from '../config/finance';
import { suppressSmallCounts } from '../indices/suppression';
import { cellRoles } from './cell-patterns';
import { ruleInstances } from './checks';
import { isSum } from './report-scopes';
import { hiddenKey, PERIOD_KEYS, type TemplateFigures } from './template-figures';

/**
 * What a reader of the published workbook can use to recompute a hidden count, as linear
 * relations over cells (keys as in {@link hiddenKey}): every rule of the template for every
 * scope and period shown — sums as equalities, part ≤ whole as inequalities — and every sum
 * of scopes (a group = Σ its platforms, the förbund = Σ its kommuner). Counts are also bounded
 * below by 0. This is the model's whole statement of the problem; the method that hides cells
 * sits behind {@link hideSmallCounts}.
 */
export interface LinearRelation {
  /** Σ coefficient × value, compared with `constant` (the shape issue 15's suppression takes). */
  terms: { cell: string; coefficient: number }[];
  kind: 'eq' | 'le';
  constant: number;
}

export interface SuppressionProblem {
  /** Every suppressible count shown, known or missing. */
  values: ReadonlyMap<string, number | null>;
  relations: readonly LinearRelation[];
  /** Counts 1..limit are hidden themselves. */
  limit: number;
}

export function templateRelations(figures: TemplateFigures): LinearRelation[] {
  const relations: LinearRelation[] = [];
  const instances = ruleInstances(figures.template);
  const { additive } = cellRoles(figures.template);
  for (const { scope, periods } of figures.scopes) {
    for (const key of PERIOD_KEYS) {
      if (!periods[key]) continue;
      const at = (cell: string) => hiddenKey(scope.id, key, cell);
      for (const instance of instances) {
        // A ratio rule (a share beside its parts) is not linear, and holds no count to protect.
        if (instance.rule.check === 'ratio') continue;
        relations.push({
          terms: [
            { cell: at(instance.target), coefficient: 1 },
            ...instance.terms.map((t) => ({ cell: at(t.cellId), coefficient: -t.sign })),
          ],
          kind: instance.rule.check === 'sum' ? 'eq' : 'le',
          constant: instance.rule.constant ?? 0,
        });
      }
      if (!isSum(scope)) continue;
      for (const cell of additive)
        relations.push({
          terms: [
            { cell: at(cell), coefficient: 1 },
            ...scope.members.map((m) => ({ cell: hiddenKey(m.id, key, cell), coefficient: -1 })),
          ],
          kind: 'eq',
          constant: 0,
        });
    }
  }
  return relations;
}

/** The suppression problem of one consolidated template: its suppressible counts and relations. */
export function suppressionProblem(figures: TemplateFigures, limit: number): SuppressionProblem {
  const { suppressible } = cellRoles(figures.template);
  const values = new Map<string, number | null>();
  for (const { scope, periods } of figures.scopes)
    for (const key of PERIOD_KEYS)
      for (const cell of suppressible) {
        const at = periods[key];
        if (at) values.set(hiddenKey(scope.id, key, cell), at.numbers.get(cell)?.value ?? null);
      }
  return { values, relations: templateRelations(figures), limit };
}

/**
 * The seam to the method that decides what to hide. Today: counts 1..limit, then, repeatedly,
 * another cell of any equality that holds and has exactly one hidden cell
 * (`suppressSmallCounts`). Inequalities are part of the problem already; the method that also
 * closes them (issue 15) replaces this body and nothing else.
 */
export function hideSmallCounts(problem: SuppressionProblem): Set<string> {
  const equalities = problem.relations
    .filter((r) => r.kind === 'eq' && holds(r, problem.values))
    .map((r) => ({ cells: r.terms.map((t) => t.cell) }));
  const { primary, secondary } = suppressSmallCounts(problem.values, equalities, problem.limit);
  return new Set([...primary, ...secondary]);
}

/** Only an equation that holds for the shown values can give a cell away. */
function holds(relation: LinearRelation, values: ReadonlyMap<string, number | null>): boolean {
  let sum = 0;
  for (const term of relation.terms) {
    const value = values.get(term.cell);
    if (value === undefined || value === null) return false;
    sum += term.coefficient * value;
  }
  return Math.abs(sum - relation.constant) < 1e-9;
}

/** The template's figures with what the published variant hides. */
export function suppressTemplate(figures: TemplateFigures, config: SuppressionConfig): TemplateFigures {
  return { ...figures, hidden: hideSmallCounts(suppressionProblem(figures, config.limit)) };
}
