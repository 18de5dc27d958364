/**
 * An audit of a published consolidation, written apart from the suppression it checks
 * (shared/consolidation/suppress.ts, shared/indices/suppression.ts) so it can catch them out:
 * what a reader who sees a consolidated template's published tables and knows the template can
 * work out about each hidden count, as the minimum and maximum of one linear program per hidden
 * cell over every unknown cell tied to it through the relations. The reader's relations: every
 * sum and `lte` rule of the template that holds for the figures, for every scope and period
 * shown; every sum of scopes (a group = Σ its platforms, the förbund = Σ its members) for each
 * cell that adds up; and that counts are whole numbers ≥ 0.
 */
import { feasibleRegion, type LinearConstraint } from '../../shared/indices/linear-program';
import { cellRoles } from '../../shared/consolidation/cell-patterns';
import { isSum } from '../../shared/consolidation/report-scopes';
import { PERIOD_KEYS, type TemplateFigures } from '../../shared/consolidation/template-figures';
import type { CellValue } from '../../shared/model/cell-kind';
import { evaluateRule, expandRule } from '../../shared/validation/rules';

export interface AuditedCell {
  cell: string;
  value: number;
  low: number;
  high: number;
}

interface Row {
  terms: [string, number][];
  kind: 'eq' | 'le';
  constant: number;
}

/** Every hidden count of 1..limit of one consolidated template, with the interval a reader can narrow it to. */
export function auditPublished(figures: TemplateFigures, limit: number): AuditedCell[] {
  const { template } = figures;
  const value = new Map<string, number | null>();
  const rows: Row[] = [];
  const key = (scope: string, period: string, id: string) => `${scope}|${period}|${id}`;
  const counts = new Set(template.cells.filter((c) => c.spec.kind === 'count').map((c) => c.id));
  const instances = template.definition.rules
    .filter((rule) => rule.check !== 'ratio')
    .flatMap((rule) => expandRule(rule, template));
  for (const { scope, periods } of figures.scopes) {
    for (const period of PERIOD_KEYS) {
      const at = periods[period];
      if (!at) continue;
      const typed = new Map<string, CellValue>([...at.numbers].map(([id, m]) => [id, m.value]));
      for (const cell of template.cells) {
        const v = at.numbers.get(cell.id)?.value;
        value.set(key(scope.id, period, cell.id), typeof v === 'number' ? v : null);
      }
      const k = (id: string) => key(scope.id, period, id);
      for (const instance of instances) {
        if (evaluateRule(instance, typed).status !== 'ok') continue;
        const terms: [string, number][] = [
          [k(instance.target), 1],
          ...instance.terms.map((t): [string, number] => [k(t.cellId), -t.sign]),
        ];
        const { rule } = instance;
        const constant = rule.constant ?? 0;
        const tolerance = rule.tolerance + rule.tolerancePerTerm * instance.terms.length;
        if (rule.check === 'lte') rows.push({ terms, kind: 'le', constant: constant + tolerance });
        else if (tolerance === 0) rows.push({ terms, kind: 'eq', constant });
        else
          rows.push(
            { terms, kind: 'le', constant: constant + tolerance },
            { terms: terms.map(([c, a]): [string, number] => [c, -a]), kind: 'le', constant: tolerance - constant },
          );
      }
      if (isSum(scope))
        for (const id of cellRoles(template).additive)
          rows.push({
            terms: [[k(id), 1], ...scope.members.map((m): [string, number] => [key(m.id, period, id), -1])],
            kind: 'eq',
            constant: 0,
          });
    }
  }
  const unknown = (cell: string) => figures.hidden.has(cell) || value.get(cell) === null || !value.has(cell);
  const audited: AuditedCell[] = [];
  for (const cell of [...figures.hidden].sort()) {
    const v = value.get(cell);
    if (typeof v !== 'number' || v < 1 || v > limit || !counts.has(cell.split('|')[2] ?? '')) continue;
    audited.push({ cell, value: v, ...interval(cell, block(cell, rows, unknown), unknown, value) });
  }
  return audited;
}

/** The rows tied to `cell` through unknown cells: rows outside it cannot move its bounds. */
function block(cell: string, rows: Row[], unknown: (cell: string) => boolean): Row[] {
  const cells = new Set([cell]);
  const taken = new Set<Row>();
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows) {
      if (taken.has(row) || !row.terms.some(([c]) => cells.has(c))) continue;
      taken.add(row);
      grew = true;
      for (const [c] of row.terms) if (unknown(c)) cells.add(c);
    }
  }
  return [...taken];
}

function interval(
  cell: string,
  rows: Row[],
  unknown: (cell: string) => boolean,
  value: ReadonlyMap<string, number | null>,
): { low: number; high: number } {
  const index = new Map<string, number>();
  for (const row of rows) for (const [c] of row.terms) if (unknown(c) && !index.has(c)) index.set(c, index.size);
  const j = index.get(cell);
  if (j === undefined) return { low: 0, high: Infinity };
  const constraints: LinearConstraint[] = rows.map((row) => {
    const coefficients = new Map<number, number>();
    let rhs = row.constant;
    for (const [c, a] of row.terms) {
      if (unknown(c)) coefficients.set(index.get(c)!, (coefficients.get(index.get(c)!) ?? 0) + a);
      else rhs -= a * value.get(c)!;
    }
    return { coefficients, kind: row.kind, rhs };
  });
  const region = feasibleRegion(index.size, constraints);
  if (!region) throw new Error('the figures break their own relations');
  const high = region.maximize(new Map([[j, 1]]));
  const low = region.maximize(new Map([[j, -1]]));
  return {
    low: low.status === 'optimal' ? Math.max(0, Math.ceil(-low.value - 1e-7)) : 0,
    high: high.status === 'optimal' ? Math.floor(high.value + 1e-7) : Infinity,
  };
}
