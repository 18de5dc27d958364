import type { CellId } from '../model/resolve';
import type { RuleInstance } from '../validation/rules';
import type { LinearRelation } from './suppression';

/**
 * A template rule as the linear relations a reader of a published table can use: a sum is an
 * equation (two inequalities when it allows a tolerance, e.g. lines rounded to tkr), a `lte`
 * rule an inequality. `cellKey` names the cell in the table being suppressed (e.g. with its
 * scope and year), so relations of many tables and across them can be suppressed together.
 *
 * @example
 * ruleRelations(totaltKon, (id) => `vuxentorget|current|${id}`)
 * // [{ terms: [tot +1, k −1, m −1], kind: 'eq', constant: 0 }]
 */
export function ruleRelations(instance: RuleInstance, cellKey: (cell: CellId) => string): LinearRelation[] {
  const { rule } = instance;
  const terms = [
    { cell: cellKey(instance.target), coefficient: 1 },
    ...instance.terms.map((t) => ({ cell: cellKey(t.cellId), coefficient: -t.sign })),
  ];
  const constant = rule.constant ?? 0;
  const tolerance = rule.tolerance + rule.tolerancePerTerm * instance.terms.length;
  const negated = terms.map((t) => ({ cell: t.cell, coefficient: -t.coefficient }));
  switch (rule.check) {
    case 'sum':
      return tolerance === 0
        ? [{ terms, kind: 'eq', constant }]
        : [
            { terms, kind: 'le', constant: constant + tolerance },
            { terms: negated, kind: 'le', constant: tolerance - constant },
          ];
    case 'lte':
      return [{ terms, kind: 'le', constant: constant + tolerance }];
  }
}
