import type { CellId } from '../model/resolve';
import type { RuleInstance } from '../validation/rules';
import type { LinearRelation } from './suppression';

/**
 * A template rule as the linear relations a reader of a published table can use: a sum is an
 * equation (two inequalities when it allows a tolerance, e.g. lines rounded to tkr), a `lte`
 * rule an inequality. A ratio (target = factor × a / b) is linear once b is known: it is
 * written with b's true value, as if the reader knew b, which can only hide more, never less;
 * without a value for b (or with b = 0) it gives nothing. `cellKey` names the cell in the
 * table being suppressed (e.g. with its scope and year), so relations of many tables, and
 * across them, can be suppressed together.
 *
 * @example
 * ruleRelations(totaltKon, (id) => `vuxentorget|current|${id}`)
 * // [{ terms: [tot +1, k −1, m −1], kind: 'eq', constant: 0 }]
 */
export function ruleRelations(
  instance: RuleInstance,
  cellKey: (cell: CellId) => string,
  valueOf: (cell: CellId) => unknown = () => undefined,
): LinearRelation[] {
  const { rule } = instance;
  const both = (terms: LinearRelation['terms'], constant: number, tolerance: number): LinearRelation[] =>
    tolerance === 0
      ? [{ terms, kind: 'eq', constant }]
      : [
          { terms, kind: 'le', constant: constant + tolerance },
          {
            terms: terms.map((t) => ({ cell: t.cell, coefficient: -t.coefficient })),
            kind: 'le',
            constant: tolerance - constant,
          },
        ];
  if (rule.check === 'ratio') {
    const [numerator, denominator] = instance.terms;
    const d = denominator ? valueOf(denominator.cellId) : undefined;
    if (!numerator || typeof d !== 'number' || d === 0) return [];
    const terms = [
      { cell: cellKey(instance.target), coefficient: d },
      { cell: cellKey(numerator.cellId), coefficient: -rule.factor },
    ];
    return both(terms, 0, rule.tolerance * Math.abs(d));
  }
  const terms = [
    { cell: cellKey(instance.target), coefficient: 1 },
    ...instance.terms.map((t) => ({ cell: cellKey(t.cellId), coefficient: -t.sign })),
  ];
  const constant = rule.constant ?? 0;
  const tolerance = rule.tolerance + rule.tolerancePerTerm * instance.terms.length;
  switch (rule.check) {
    case 'sum':
      return both(terms, constant, tolerance);
    case 'lte':
      return [{ terms, kind: 'le', constant: constant + tolerance }];
  }
}
