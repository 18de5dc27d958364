import { cellIdFromDefinedName } from '../../../shared/model/layout';
import { boundingBox, parseA1, splitSheetAddress, type SheetCell } from './addresses';
import { runExcel } from './excel-run';

export interface InputCell extends SheetCell {
  cellId: string;
  /** As Excel holds it: a number, text, boolean, or '' for an empty cell. */
  value: unknown;
}

export interface InputRead {
  cells: InputCell[];
  /** Template cells whose defined name the workbook does not have (the sheet was not inserted, or a name was deleted). */
  missing: string[];
}

/**
 * Reads every input cell of a template in one batch, found by its `SAM.<cellId>` defined name,
 * so the user may move the sheet or rename it. Two round trips whatever the template's size:
 * the workbook's names, then one rectangle per sheet that holds input cells (the template's
 * inputs sit in one block on one sheet), read with a single bulk `values` load.
 */
export function readInputCells(cellIds: readonly string[]): Promise<InputRead> {
  return runExcel(async (context) => {
    const names = context.workbook.names;
    names.load('items/name,items/formula');
    await context.sync(); // 1: where every name points

    const wanted = new Set(cellIds);
    const located = new Map<string, SheetCell>();
    for (const item of names.items) {
      const id = cellIdFromDefinedName(item.name);
      if (id === undefined || !wanted.has(id)) continue;
      const where = splitSheetAddress(String(item.formula));
      if (where && parseA1(where.address)) located.set(id, where);
    }
    const bySheet = new Map<string, string[]>();
    for (const cell of located.values()) bySheet.set(cell.sheet, [...(bySheet.get(cell.sheet) ?? []), cell.address]);
    const blocks = [...bySheet].map(([sheet, addresses]) => {
      const box = boundingBox(addresses);
      const range = box ? context.workbook.worksheets.getItem(sheet).getRange(box.address) : undefined;
      range?.load('values');
      return { sheet, box, range };
    });
    await context.sync(); // 2: the values of every block

    const cells: InputCell[] = [];
    for (const [cellId, where] of located) {
      const block = blocks.find((b) => b.sheet === where.sheet);
      const p = parseA1(where.address);
      if (!block?.box || !block.range || !p) continue;
      const value = block.range.values[p.row - block.box.top]?.[p.column - block.box.left];
      cells.push({ cellId, sheet: where.sheet, address: where.address, value: value ?? '' });
    }
    return { cells, missing: cellIds.filter((id) => !located.has(id)) };
  });
}
