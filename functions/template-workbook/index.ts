/** Template workbooks (xlsx via exceljs): generate for a party to fill in, parse what comes back. */
export { generateTemplateWorkbook, WorkbookInputError, type TemplateWorkbookInput } from './generate';
export {
  checkTemplateBytes,
  parseTemplateWorkbook,
  readTemplateContent,
  TEMPLATE_QUERY,
  templateMetaOf,
  type ExpectedWorkbook,
  type ParseOptions,
  type ParseResult,
} from './parse';
export {
  PARSE_ERROR_CODES,
  renderCellIssue,
  type CellIssue,
  type ParseError,
  type ParseErrorCode,
} from './parse-errors';
export { FORMAT_MARKER, META_SHEET_NAME, type WorkbookMeta } from './metadata';
