import type { CellValue } from './cell-kind';
import { layoutTemplate } from './layout';
import type { CellId, ResolvedCell, ResolvedTemplate } from './resolve';

export interface CellChange {
  cell: ResolvedCell;
  /** `D7`: where the cell is on the template's sheet. */
  address: string;
  before: CellValue;
  after: CellValue;
}

/**
 * What changed between two versions of a submission, cell by cell in sheet order: a value that
 * differs, appeared or went missing (missing is not 0, so 0 → missing is a change).
 */
export function changedCells(
  template: ResolvedTemplate,
  before: Readonly<Record<CellId, CellValue>>,
  after: Readonly<Record<CellId, CellValue>>,
): CellChange[] {
  const layout = layoutTemplate(template);
  return template.cells
    .map((cell) => ({ cell, before: before[cell.id] ?? null, after: after[cell.id] ?? null }))
    .filter((c) => c.before !== c.after)
    .map((c) => ({ ...c, address: layout.positions.get(c.cell.id)?.a1 ?? c.cell.id }))
    .sort((a, b) => {
      const pa = layout.positions.get(a.cell.id);
      const pb = layout.positions.get(b.cell.id);
      return (pa?.row ?? 0) - (pb?.row ?? 0) || (pa?.column ?? 0) - (pb?.column ?? 0);
    });
}
