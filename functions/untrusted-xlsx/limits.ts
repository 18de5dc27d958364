/**
 * What an untrusted workbook may cost. Every bound is on something the bytes pay for (parts,
 * inflated bytes, cells kept), never on something a file merely declares.
 */
export interface XlsxLimits {
  /** Zip entries in the file. */
  entries: number;
  /** All parts inflated together; checked by inflating and counting, not by the declared sizes. */
  inflatedBytes: number;
  /** Defined names in the workbook part. */
  definedNames: number;
  /** Cells one defined name may cover (a name over a larger area reads as broken). */
  cellsPerName: number;
  /** Cells all the asked-for names cover together. */
  namedCells: number;
  /** Cells kept from a sheet read whole. */
  cellsPerWholeSheet: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  entries: 500,
  inflatedBytes: 40 * 1024 * 1024,
  definedNames: 20_000,
  cellsPerName: 10_000,
  namedCells: 100_000,
  cellsPerWholeSheet: 10_000,
};
