/**
 * An audit of a published consolidation, written apart from shared/indices/suppression.ts so
 * it can catch that module out: what a reader who sees the published participants tables and
 * knows the template can work out about each hidden count, as the minimum and maximum of one
 * linear program per hidden cell over every unknown cell tied to it through the relations.
 * The reader's relations: every rule of the template (sums and inequalities) that holds for
 * the figures, every group = Σ its platforms, and that counts are whole numbers ≥ 0.
 */
import { feasibleRegion, type LinearConstraint } from '../../shared/indices/linear-program';
import type { Consolidation } from '../../shared/indices/consolidation-model';
import { evaluateRule, expandRule } from '../../shared/validation/rules';
import type { ForbundConfig, ResolvedTemplate } from '../../shared';

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

/** Every hidden count of 1..limit with the interval a reader can narrow it to. */
export function auditPublished(
  report: Consolidation,
  forbund: ForbundConfig,
  template: ResolvedTemplate,
  limit: number,
): AuditedCell[] {
  const value = new Map<string, number | null>();
  const hidden = new Set<string>();
  const rows: Row[] = [];
  const counts = template.cells.filter((c) => c.spec.kind === 'count').map((c) => c.id);
  for (const scope of report.participants) {
    for (const year of ['current', 'lastYear'] as const) {
      const typed = new Map([...scope[year]].map(([id, m]) => [id, m.value]));
      for (const id of counts) {
        const key = `${scope.id}|${year}|${id}`;
        const v = scope[year].get(id)?.value;
        value.set(key, typeof v === 'number' ? v : null);
        if (scope.hidden.has(`${year}:${id}`)) hidden.add(key);
      }
      for (const rule of template.definition.rules) {
        for (const instance of expandRule(rule, template)) {
          if (evaluateRule(instance, typed).status !== 'ok') continue;
          const k = (id: string) => `${scope.id}|${year}|${id}`;
          const terms: [string, number][] = [
            [k(instance.target), 1],
            ...instance.terms.map((t): [string, number] => [k(t.cellId), -t.sign]),
          ];
          rows.push({ terms, kind: rule.check === 'sum' ? 'eq' : 'le', constant: rule.constant ?? 0 });
        }
      }
    }
  }
  for (const group of forbund.platformGroups)
    for (const year of ['current', 'lastYear'] as const)
      for (const id of counts)
        rows.push({
          terms: [
            [`${group.id}|${year}|${id}`, 1],
            ...group.platforms.map((p): [string, number] => [`${p}|${year}|${id}`, -1]),
          ],
          kind: 'eq',
          constant: 0,
        });

  const unknown = (cell: string) => hidden.has(cell) || value.get(cell) === null || !value.has(cell);
  const audited: AuditedCell[] = [];
  for (const cell of [...hidden].sort()) {
    const v = value.get(cell);
    if (typeof v !== 'number' || v < 1 || v > limit) continue;
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
