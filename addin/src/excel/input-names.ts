import { cellIdFromDefinedName } from '../../../shared/model/layout';
import { parseA1, splitSheetAddress, type SheetCell } from './addresses';

/** A workbook name as loaded with `items/name,items/formula`. */
export interface LoadedName {
  name: string;
  /** Typed `any` by office.js; a reference such as `='Deltagare och avslut'!$D$7`. */
  formula: unknown;
}

/**
 * Where the wanted input cells sit, from the workbook's `SAM.<cellId>` names. A name that no
 * longer points at one cell (`#REF!` after its sheet was deleted, or edited into a range) is
 * skipped, so its cell counts as missing rather than being read or written somewhere wrong.
 */
export function locateInputNames(
  names: readonly LoadedName[],
  wanted: (cellId: string) => boolean,
): Map<string, SheetCell> {
  const located = new Map<string, SheetCell>();
  for (const item of names) {
    const id = cellIdFromDefinedName(item.name);
    if (id === undefined || !wanted(id)) continue;
    const where = splitSheetAddress(String(item.formula));
    if (where && parseA1(where.address)) located.set(id, where);
  }
  return located;
}
