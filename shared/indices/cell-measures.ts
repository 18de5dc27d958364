import type { CellValue } from '../model/cell-kind';
import { isNumericKind } from '../model/cell-kind';
import type { CellId, ResolvedTemplate } from '../model/resolve';
import { known, missing, sumOf, type Measure } from './measure';

/** Every numeric cell of one template for one scope, as measures: a submission, or a sum of them. */
export type CellMeasures = ReadonlyMap<CellId, Measure>;

/** "Antal deltagare (Kvinnor)" — how a missing cell is named in reasons. */
export function cellLabel(template: ResolvedTemplate, id: CellId): string {
  const cell = template.cellById.get(id);
  return cell ? `${cell.rowLabel} (${cell.columnLabel})` : id;
}

/**
 * A submission's values as measures. Empty cells are missing with their label; with no
 * submission at all every cell is missing as "not reported" naming `what` (template and scope).
 */
export function measuresOf(
  template: ResolvedTemplate,
  values: Readonly<Record<CellId, CellValue>> | undefined,
  what: string,
): CellMeasures {
  const out = new Map<CellId, Measure>();
  for (const cell of template.cells) {
    if (!isNumericKind(cell.spec.kind)) continue;
    if (!values) {
      out.set(cell.id, missing('not-reported', what));
      continue;
    }
    const value = values[cell.id];
    out.set(
      cell.id,
      typeof value === 'number' ? known(value) : missing('missing-value', `${cellLabel(template, cell.id)}, ${what}`),
    );
  }
  return out;
}

/** A measure from a table, missing as "not reported" when the cell is not in it at all. */
export function measureAt(table: CellMeasures, id: CellId, what = id): Measure {
  return table.get(id) ?? missing('not-reported', what);
}

/**
 * A platform group (Arbetsmarknadstorgen) as the cell-by-cell sum of its platforms' raw counts.
 * Rates are then computed from these sums, never averaged across platforms.
 */
export function sumMeasures(template: ResolvedTemplate, parts: readonly CellMeasures[]): CellMeasures {
  const out = new Map<CellId, Measure>();
  for (const cell of template.cells) {
    if (!isNumericKind(cell.spec.kind)) continue;
    out.set(cell.id, sumOf(parts.map((p) => measureAt(p, cell.id))));
  }
  return out;
}
