/**
 * Untrusted .xlsx files (uploads, later kansliet's settings workbook and SCB's files): read the
 * defined names and cells a caller asks for, at a cost that follows the file's bytes, in a
 * worker thread with a memory limit and a time budget.
 *
 * @example
 * const content = await sharedUntrustedXlsxReader().read(upload, { names: /^SAM\./i, wholeSheets: ['_samlad'] });
 * const name = content.names.find((n) => n.name === 'SAM.deltagare.antal.k');
 * if (name?.target) cellOf(content, name.target.sheet, name.target.addresses[0]!);
 */
import { createUntrustedXlsxReader, type UntrustedXlsxReader } from './untrusted-reader';

export { cellOf, readXlsx, type XlsxContent, type XlsxName, type XlsxQuery } from './read-xlsx';
export { EMPTY_CELL, type CellReading } from './cell-reading';
export { cellAddress, parseCellAddress, type CellPosition } from './address';
export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './limits';
export { XLSX_REFUSAL_CODES, XlsxRefusal, isXlsxRefusal, type XlsxRefusalCode } from './refusal';
export { xlsxRefusalMessage } from './messages-sv';
export {
  createUntrustedXlsxReader,
  type UntrustedXlsxReader,
  type UntrustedXlsxReaderOptions,
} from './untrusted-reader';

let shared: UntrustedXlsxReader | undefined;

/** The instance's one reader: its workers are started on first use and kept. */
export function sharedUntrustedXlsxReader(): UntrustedXlsxReader {
  shared ??= createUntrustedXlsxReader();
  return shared;
}
