import type { Party } from '../model/forbund-schema';
import type { ResolvedTemplate } from '../model/resolve';
import { measureAt, type CellMeasures } from './cell-measures';
import { compare, type Comparison, type Direction } from './comparison';

/** One indicator across the kommuner: last year, this year, Diff and whether the change is good. */
export interface StrategicIndicatorRow {
  rowId: string;
  label: string;
  unit?: string;
  direction?: Direction;
  /** Whether the values are counts of people (subject to small-count suppression when published). */
  isCount: boolean;
  byKommun: { kommun: Party; comparison: Comparison }[];
}

/**
 * The strategic indicators per kommun (seed 004, Bilaga 4): for each row of the
 * strategiska-indikatorer template and each kommun, this year against last year. Missing
 * stays missing: a kommun that has not reported a figure shows no Diff and no assessment.
 *
 * `current` and `lastYear` give each kommun's merged values (see {@link mergeOwnedValues}).
 */
export function strategicIndicators(
  template: ResolvedTemplate,
  kommuner: readonly Party[],
  current: (kommun: string) => CellMeasures,
  lastYear: (kommun: string) => CellMeasures,
): StrategicIndicatorRow[] {
  const section = template.sections[0];
  if (!section) return [];
  return section.rows.map((row) => {
    const cell = row.cells[0];
    const id = cell?.id ?? `${section.id}.${row.id}`;
    return {
      rowId: row.id,
      label: row.label,
      unit: row.unit,
      direction: row.direction,
      isCount: cell?.spec.kind === 'count',
      byKommun: kommuner.map((kommun) => ({
        kommun,
        comparison: compare(
          measureAt(current(kommun.id), id, `${row.label}, ${kommun.name}`),
          measureAt(lastYear(kommun.id), id, `${row.label}, ${kommun.name}`),
          row.direction,
        ),
      })),
    };
  });
}
