/**
 * Configuration as data: a förbund's settings for a year as a versioned document, the
 * *Inställningar* workbook that shows and edits it (as a layout of sheets, fields and tables),
 * reading an upload back with findings that name sheet and cell, and the change list between
 * two versions. Pure; the store, the cache and the exceljs writer live in functions/.
 */
export { settingsAreas } from './areas';
export { checkDocument, type PathFinding } from './check';
export { cellText, readSettingsCell, type RawCell } from './cells';
export { diffSettings, displayValue, type SettingsChange } from './diff';
export {
  assembleForbund,
  blankDocument,
  documentForYear,
  documentYear,
  SETTINGS_FORMAT,
  structureYear,
  yearDocuments,
  yearSettings,
  type SettingsDocument,
} from './document';
export { settingsHasErrors, type SettingsFinding, type SettingsFindingCode } from './findings';
export * from './layout';
export { canonicalPlaces, locateFindings } from './locate';
export { renderSettingsFinding } from './messages-sv';
export { proposalFromDocument, proposalFromWorkbook, type Proposal, type ProposalContext } from './proposal';
export type { RawArea, RawSettingsWorkbook, ReadExpectation, ReadPlaces } from './read';
export type { SettingsSheet, SettingsValue, SheetContent, SheetContext } from './sheet';
export { IDENTITY, SETTINGS_SHEETS } from './sheets';
