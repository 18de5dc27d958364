import { boundingBox, parseA1, type SheetCell } from './addresses';

export interface InputCell extends SheetCell {
  cellId: string;
  /** As Excel holds it: a number, text, boolean, or '' for an empty cell. */
  value: unknown;
}

export interface InputRead {
  cells: InputCell[];
  /**
   * Template cells whose defined name the workbook does not have (the sheet was not inserted, or a
   * name was deleted).
   */
  missing: string[];
}

export interface QueuedInputRead {
  /** The sheets holding input cells, for the caller to queue more loads on before the same sync. */
  sheets: ReadonlyMap<string, Excel.Worksheet>;
  /** After the caller's sync: every located cell with its value. */
  collect(): InputCell[];
}

/**
 * Queues the values of located input cells as one rectangle per sheet read with a single bulk
 * `values` load (a template's inputs sit in one block on one sheet), rather than a range per
 * cell, whose proxies and payload grow with the template. The caller syncs.
 */
export function queueInputRead(
  context: Excel.RequestContext,
  located: ReadonlyMap<string, SheetCell>,
): QueuedInputRead {
  const bySheet = new Map<string, string[]>();
  for (const cell of located.values()) bySheet.set(cell.sheet, [...(bySheet.get(cell.sheet) ?? []), cell.address]);
  const sheets = new Map<string, Excel.Worksheet>();
  const blocks = new Map<string, { box: ReturnType<typeof boundingBox>; range: Excel.Range | undefined }>();
  for (const [sheetName, addresses] of bySheet) {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheets.set(sheetName, sheet);
    const box = boundingBox(addresses);
    const range = box ? sheet.getRange(box.address) : undefined;
    range?.load('values');
    blocks.set(sheetName, { box, range });
  }
  return {
    sheets,
    collect: () => {
      const cells: InputCell[] = [];
      for (const [cellId, where] of located) {
        const block = blocks.get(where.sheet);
        const p = parseA1(where.address);
        if (!block?.box || !block.range || !p) continue;
        const value = block.range.values[p.row - block.box.top]?.[p.column - block.box.left];
        cells.push({ cellId, sheet: where.sheet, address: where.address, value: value ?? '' });
      }
      return cells;
    },
  };
}
