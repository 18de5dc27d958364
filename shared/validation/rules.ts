import type { CellValue } from '../model/cell-kind';
import type { CellId, ResolvedTemplate } from '../model/resolve';
import type { Rule } from '../model/template-schema';

export interface Term {
  cellId: CellId;
  sign: 1 | -1;
}

/** One concrete instance of a rule, with wildcards bound. */
export interface RuleInstance {
  rule: Rule;
  target: CellId;
  terms: Term[];
}

function parseRef(ref: string): { sign: 1 | -1; section: string; row: string; column: string } {
  const sign = ref.startsWith('-') ? -1 : 1;
  const [section = '', row = '', column = ''] = ref.replace(/^-/, '').split('.');
  return { sign, section, row, column };
}

/**
 * Expands a rule's wildcards over the rows and columns of its target's section. An instance
 * is dropped when any cell it names does not exist (a row with fewer columns, say), so a rule
 * written once for a whole table never invents cells. A term with `+` as its row stands for
 * every row of its section (except the target's row) that has a cell in the bound column.
 */
export function expandRule(rule: Rule, template: ResolvedTemplate): RuleInstance[] {
  const target = parseRef(rule.target);
  const section = template.sections.find((s) => s.id === target.section);
  if (!section) return [];
  const rowIds = target.row === '*' ? section.rows.map((r) => r.id) : [target.row];
  const columnIds = target.column === '*' ? section.columns.map((c) => c.id) : [target.column];
  const terms = rule.terms.map(parseRef);
  const instances: RuleInstance[] = [];
  for (const row of rowIds) {
    for (const column of columnIds) {
      const targetId = `${target.section}.${row}.${column}`;
      if (!template.cellById.has(targetId)) continue;
      const bound = terms.flatMap((t) => {
        const col = t.column === '*' ? column : t.column;
        if (t.row !== '+')
          return [{ cellId: `${t.section}.${t.row === '*' ? row : t.row}.${col}`, sign: t.sign as 1 | -1 }];
        const rows = template.sections.find((s) => s.id === t.section)?.rows ?? [];
        return rows
          .filter((r) => !(t.section === target.section && r.id === row))
          .map((r) => ({ cellId: `${t.section}.${r.id}.${col}`, sign: t.sign as 1 | -1 }))
          .filter((b) => template.cellById.has(b.cellId));
      });
      if (bound.every((t) => template.cellById.has(t.cellId))) instances.push({ rule, target: targetId, terms: bound });
    }
  }
  return instances;
}

export type RuleOutcome =
  | { status: 'ok' }
  /** Some cell is missing: a rule never treats missing as 0, so it cannot be judged. */
  | { status: 'incomplete' }
  | { status: 'failed'; actual: number; expected: number; difference: number; tolerance: number };

export function evaluateRule(instance: RuleInstance, values: ReadonlyMap<CellId, CellValue>): RuleOutcome {
  const actual = values.get(instance.target);
  if (typeof actual !== 'number') return { status: 'incomplete' };
  const { rule } = instance;
  if (rule.check === 'ratio') {
    const [numerator, denominator] = instance.terms.map((t) => values.get(t.cellId));
    if (typeof numerator !== 'number' || typeof denominator !== 'number' || denominator === 0)
      return { status: 'incomplete' };
    const expected = (rule.factor * numerator) / denominator;
    const difference = actual - expected;
    return Math.abs(difference) <= rule.tolerance + 1e-9
      ? { status: 'ok' }
      : { status: 'failed', actual, expected, difference, tolerance: rule.tolerance };
  }
  let expected = instance.rule.constant ?? 0;
  for (const term of instance.terms) {
    const v = values.get(term.cellId);
    if (typeof v !== 'number') return { status: 'incomplete' };
    expected += term.sign * v;
  }
  const tolerance = rule.tolerance + rule.tolerancePerTerm * instance.terms.length;
  // Rounded sums of decimals carry binary noise; compare at a precision far below any tolerance users set.
  const difference = Math.round((actual - expected) * 1e9) / 1e9;
  switch (rule.check) {
    case 'sum':
      return Math.abs(difference) <= tolerance
        ? { status: 'ok' }
        : { status: 'failed', actual, expected, difference, tolerance };
    case 'lte':
      return difference <= tolerance ? { status: 'ok' } : { status: 'failed', actual, expected, difference, tolerance };
  }
}
