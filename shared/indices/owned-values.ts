import type { CellValue } from '../model/cell-kind';
import type { PartyKind } from '../model/ids';
import type { CellId, ResolvedTemplate } from '../model/resolve';

/** One party's submission for a scope, as far as merging cares. */
export interface PartValues {
  /** The submitter's kind; `kansli` for kansliet's own entries and SCB imports. */
  submitter: PartyKind | 'kansli';
  submittedAt: string;
  values: Readonly<Record<CellId, CellValue>>;
}

/**
 * Several parties report rows of the same kommun (strategiska indikatorer: AF its rows, FK its
 * rows, the kommun its own, kansliet SCB's). Each cell takes the value of a submitter that
 * owns the row — kansliet owns SCB rows and may fill any — and otherwise the latest non-empty
 * value, so a late correction by kansliet is not lost.
 */
export function mergeOwnedValues(template: ResolvedTemplate, parts: readonly PartValues[]): Record<CellId, CellValue> {
  const ordered = [...parts].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  const out: Record<CellId, CellValue> = {};
  for (const cell of template.cells) {
    const owners = cell.owner ?? [];
    const owns = (p: PartValues) => (p.submitter === 'kansli' ? owners.includes('scb') : owners.includes(p.submitter));
    const present = ordered.filter((p) => p.values[cell.id] !== null && p.values[cell.id] !== undefined);
    const chosen = present.find(owns) ?? present[0];
    out[cell.id] = chosen ? (chosen.values[cell.id] ?? null) : null;
  }
  return out;
}
