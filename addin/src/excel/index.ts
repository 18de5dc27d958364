/**
 * The Excel gateway: the only code that touches the workbook. Each function is one `Excel.run`
 * taking and returning plain data, with at most three round trips whatever the size; a pane
 * action is one function, so its round trips are never the sum of two batches.
 */
export { qualified, splitSheetAddress, type SheetCell } from './addresses';
export { detectCapabilities, type ExcelCapabilities } from './capabilities';
export { checkInputCells, type CheckOutcome } from './check-inputs';
export { insertReport, openReportAsNewWorkbook, type ReportInsertOutcome } from './insert-report';
export { insertTemplate, type InsertOutcome, type TemplateInsert } from './insert-template';
export { saveMapping } from './mapping-store';
export { markFindings, marksAt, type CellFinding, type CellMark } from './mark-findings';
export type { InputCell, InputRead } from './read-inputs';
export { readOwnTable, type OwnTableRead } from './read-own-table';
export type { TableRead } from './read-table';
export { selectCell } from './select-cell';
export { showValuesInTemplate, type ShowOutcome } from './show-in-template';
export { insertSettings, type SettingsInsert, type SettingsInsertOutcome } from './insert-settings';
export { readSettingsAreas } from './read-settings';
