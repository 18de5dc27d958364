import ExcelJS from 'exceljs';

/** Loads an .xlsx buffer for assertions. */
export async function openWorkbook(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The row whose first cell is `label`, as values by column. */
export function rowOf(sheet: ExcelJS.Worksheet, label: string): ExcelJS.CellValue[] {
  let found: ExcelJS.CellValue[] | undefined;
  sheet.eachRow((row) => {
    if (!found && String(row.getCell(1).value ?? '').trim() === label)
      found = (row.values as ExcelJS.CellValue[]).slice(1);
  });
  if (!found) throw new Error(`no row "${label}" on ${sheet.name}`);
  return found;
}
