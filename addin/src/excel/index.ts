/**
 * The Excel gateway: the only code that touches the workbook. Each function is one `Excel.run`
 * taking and returning plain data, with at most three round trips whatever the size.
 */
export { qualified, splitSheetAddress, type SheetCell } from './addresses';
export { detectCapabilities, type ExcelCapabilities } from './capabilities';
export { insertReport, openReportAsNewWorkbook, type ReportInsertOutcome } from './insert-report';
export { insertTemplate, type InsertOutcome, type TemplateInsert } from './insert-template';
export { loadMapping, saveMapping } from './mapping-store';
export { markFindings, type CellMark } from './mark-findings';
export { readInputCells, type InputCell, type InputRead } from './read-inputs';
export { readSelectedTable, type TableRead } from './read-table';
export { selectCell } from './select-cell';
export { writeInputValues } from './write-values';
