import type { SheetCell } from './addresses';
import { runExcel } from './excel-run';

/** Shows a cell to the user: activates its sheet and selects it (one round trip). */
export function selectCell(cell: SheetCell): Promise<void> {
  return runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(cell.sheet);
    sheet.activate();
    sheet.getRange(cell.address).select();
    await context.sync();
  });
}
