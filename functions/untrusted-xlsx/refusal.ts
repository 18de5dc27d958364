/** Why an untrusted workbook was not read. Swedish text for each is in messages-sv.ts. */
export const XLSX_REFUSAL_CODES = [
  /** Not a zip, not a workbook, or damaged. */
  'not-xlsx',
  /** Inflates past the limits, or the reader ran out of its memory. */
  'too-large',
  /** Holds more than the reader keeps (names, cells of a sheet read whole), or ran out of its time. */
  'too-complex',
  /** Every reader is busy and the queue is full: worth a retry. */
  'busy',
] as const;
export type XlsxRefusalCode = (typeof XLSX_REFUSAL_CODES)[number];

export class XlsxRefusal extends Error {
  override name = 'XlsxRefusal';
  constructor(
    readonly code: XlsxRefusalCode,
    /** English, for the log only: what exactly tripped. */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export function isXlsxRefusal(error: unknown): error is XlsxRefusal {
  return error instanceof XlsxRefusal;
}
