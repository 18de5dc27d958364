import { readScbCsv } from './csv';
import { readScbJsonStat2 } from './json-stat2';
import type { ReadOutcome } from './observations';
import { decodeScbText } from './text';
import { readScbXlsx } from './xlsx';
import { isZip, type InflateRaw } from './zip';

/** An SCB file's format, told by its content. */
export type ScbFormat = 'csv' | 'json-stat2' | 'xlsx';
/** How the preview names a format. */
export const FORMAT_LABEL: Record<ScbFormat, string> = { csv: 'CSV', 'json-stat2': 'json-stat2', xlsx: 'Excel (xlsx)' };

export interface ScbFailure {
  ok: false;
  /** Why the file cannot be imported, in Swedish. */
  message: string;
  /** What the reader noticed on the way. */
  problems: string[];
}

export interface ScbFile {
  format: ScbFormat;
  read: Extract<ReadOutcome, { ok: true }>;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] as const;

/**
 * Reads the file by its content: an xlsx (a zip), json-stat2 (JSON), or CSV; text as UTF-8 or
 * Windows-1252. `inflateRaw` unpacks an xlsx's parts (the pane passes the browser's
 * DecompressionStream, Node its zlib).
 */
export async function readScbFile(
  fileName: string,
  bytes: Uint8Array,
  inflateRaw: InflateRaw,
): Promise<({ ok: true } & ScbFile) | ScbFailure> {
  if (!isZip(bytes)) return readScbText(fileName, bytes);
  const read = await readScbXlsx(bytes, inflateRaw);
  return read.ok ? { ok: true, format: 'xlsx', read } : { ok: false, message: read.message, problems: read.problems };
}

/** {@link readScbFile} for the text formats, synchronously: CSV and json-stat2. */
export function readScbText(fileName: string, bytes: Uint8Array): ({ ok: true } & ScbFile) | ScbFailure {
  const fail = (message: string, problems: string[] = []): ScbFailure => ({ ok: false, message, problems });
  if (bytes.length === 0) return fail('Filen är tom.');
  if (isZip(bytes)) return fail('Filen är en Excelfil; den läses som xlsx.');
  if (OLE_MAGIC.every((b, i) => bytes[i] === b))
    return fail(
      'Filen är en Excelfil i det äldre formatet .xls. Hämta tabellen från SCB som xlsx, CSV eller json-stat2.',
    );
  const decoded = decodeScbText(bytes);
  if (!decoded.ok)
    return fail(
      'Filen blandar teckenkodningar (både UTF-8 och Windows-1252), så å, ä och ö kan inte läsas ' +
        'säkert. Hämta filen igen från SCB och spara den utan att ändra den.',
    );
  const text = decoded.text;
  if (text.trim() === '') return fail('Filen är tom.');
  let format: ScbFormat;
  let read: ReadOutcome;
  if (/^\s*[[{]/.test(text) || /\.json$/i.test(fileName)) {
    format = 'json-stat2';
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return fail('Filen kan inte läsas som JSON; den kan vara avbruten. Hämta den igen från SCB.');
    }
    read = readScbJsonStat2(data);
  } else {
    format = 'csv';
    read = readScbCsv(text);
  }
  return read.ok ? { ok: true, format, read } : fail(read.message, read.problems);
}
