/**
 * Just enough of the zip format to read an xlsx's parts: the central directory, and one entry's
 * bytes. Untrusted archives cost what their bytes cost: the directory may list at most
 * MAX_ENTRIES entries, nothing is read from outside the file, declared sizes are never used to
 * allocate, and inflating stops as soon as the caller's budget of output bytes is spent.
 */

/** Inflates raw DEFLATE data; rejects once more than `limit` bytes would come out. */
export type InflateRaw = (data: Uint8Array, limit: number) => Promise<Uint8Array>;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {
  override name = 'ZipError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** An xlsx from SCB has about ten parts; a spreadsheet with many sheets and pictures a few hundred. */
const MAX_ENTRIES = 1000;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const names = new TextDecoder('utf-8');

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === LOCAL;
}

/** The entries the central directory lists. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  // The end record is within the last 22 + 65,535 bytes (its comment may be that long).
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (u32(bytes, at) === EOCD) {
      eocd = at;
      break;
    }
  if (eocd < 0) throw new ZipError('Filen är ingen hel Excelfil (zip-katalogen saknas); den kan vara avbruten.');
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const offset = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff)
    throw new ZipError('Excelfilen är i zip64-format, som SCB inte använder.');
  if (count > MAX_ENTRIES) throw new ZipError(`Excelfilen har ${count} delar; en fil från SCB har ett tiotal.`);
  if (offset + size > eocd) throw new ZipError('Excelfilens zip-katalog pekar utanför filen.');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || u32(bytes, at) !== CENTRAL) throw new ZipError('Excelfilens zip-katalog är trasig.');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    entries.push({
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      localHeaderOffset: u32(bytes, at + 42),
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Output bytes left for the whole archive; each entry read spends from it. */
export interface InflateBudget {
  remaining: number;
}

/** One entry's content, within the budget. */
export async function readZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  inflateRaw: InflateRaw,
  budget: InflateBudget,
): Promise<Uint8Array> {
  if (entry.flags & 1) throw new ZipError('Excelfilen är krypterad.');
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL)
    throw new ZipError(`Excelfilens del ${entry.name} är trasig.`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length)
    throw new ZipError(`Excelfilens del ${entry.name} tar slut för tidigt; filen verkar vara avbruten.`);
  const data = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (data.length > budget.remaining) throw new ZipError(tooLarge());
    out = data;
  } else if (entry.method === 8) {
    try {
      out = await inflateRaw(data, budget.remaining);
    } catch {
      throw new ZipError(
        `Excelfilens del ${entry.name} går inte att packa upp, eller blir större än en tabell från SCB kan vara.`,
      );
    }
  } else
    throw new ZipError(
      `Excelfilens del ${entry.name} är packad på ett sätt (metod ${entry.method}) som Excel inte använder.`,
    );
  budget.remaining -= out.length;
  return out;
}

function tooLarge(): string {
  return 'Excelfilen packas upp till mer än vad en tabell från SCB kan innehålla.';
}
