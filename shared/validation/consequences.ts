import type { CellValue } from '../model/cell-kind';
import type { CellId } from '../model/resolve';
import { evaluateRule, type RuleInstance, type RuleOutcome } from './rules';

export interface FailedRule {
  instance: RuleInstance;
  outcome: Extract<RuleOutcome, { status: 'failed' }>;
}

/**
 * Which failed rules fail only because a cell they read is itself wrong. A cell is *wrong* when
 * it is the target of a failed equality (`sum`) rule, *fel* or *varning* (a published tally that
 * does not add up): that rule says what the cell should hold. A failed rule that reads wrong
 * cells (as target or term) and holds once they hold what their own rules say is a consequence
 * of the first of them, not an error of its own: one wrong total gives one error to fix, and its
 * knock-on failures point at it.
 *
 * Rules are taken in the order given (the caller passes them in sheet order), so a total's own
 * rule comes before the rules that read it; a rule found to be a consequence stops marking its
 * target as wrong, so no two findings can explain each other away.
 *
 * @returns the cause's cell id, per failed rule that is a consequence
 */
export function findConsequences(
  failed: readonly FailedRule[],
  values: ReadonlyMap<CellId, CellValue>,
): Map<FailedRule, CellId> {
  const wrong = new Map<CellId, { expected: number; by: FailedRule }>();
  for (const f of failed) {
    if (f.instance.rule.check === 'sum' && !wrong.has(f.instance.target))
      wrong.set(f.instance.target, { expected: f.outcome.expected, by: f });
  }
  const causes = new Map<FailedRule, CellId>();
  for (const f of failed) {
    const read = [f.instance.target, ...f.instance.terms.map((t) => t.cellId)];
    const suspects = read.filter((id) => {
      const w = wrong.get(id);
      return w !== undefined && w.by !== f;
    });
    if (suspects.length === 0) continue;
    const repaired = new Map(values);
    for (const id of suspects) repaired.set(id, wrong.get(id)?.expected ?? null);
    if (evaluateRule(f.instance, repaired).status !== 'ok') continue;
    causes.set(f, suspects[0] ?? '');
    if (wrong.get(f.instance.target)?.by === f) wrong.delete(f.instance.target);
  }
  return causes;
}
