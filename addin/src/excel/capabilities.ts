/**
 * What this Excel can do, from the requirement sets it supports. Asked once at start-up
 * (Office.context.requirements.isSetSupported) and passed to the gateway as plain data, so
 * gateway functions stay testable and newer APIs are always gated.
 */
export interface ExcelCapabilities {
  /** insertWorksheetsFromBase64: ExcelApi 1.13. */
  insertSheets: boolean;
  /** Cell notes (Excel's "Anteckning"): ExcelApi 1.18. */
  notes: boolean;
  /** Threaded comments, the fallback for notes: ExcelApi 1.10. */
  comments: boolean;
  /** Custom XML parts, where the table mapping is kept: ExcelApi 1.5. */
  customXml: boolean;
  /** Excel.createWorkbook: ExcelApi 1.8. */
  createWorkbook: boolean;
  /** Range.getTables, to find the Excel table around the selection: ExcelApi 1.9. */
  rangeTables: boolean;
}

export function detectCapabilities(isSetSupported: (name: string, version: string) => boolean): ExcelCapabilities {
  return {
    insertSheets: isSetSupported('ExcelApi', '1.13'),
    notes: isSetSupported('ExcelApi', '1.18'),
    comments: isSetSupported('ExcelApi', '1.10'),
    customXml: isSetSupported('ExcelApi', '1.5'),
    createWorkbook: isSetSupported('ExcelApi', '1.8'),
    rangeTables: isSetSupported('ExcelApi', '1.9'),
  };
}
