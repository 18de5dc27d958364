import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * exceljs zips with JSZip, which stamps every entry with the time of writing, so two runs over
 * the same figures would differ in a few bytes of each zip header; and JSZip deflates in
 * JavaScript, which cost more than writing the sheets. So exceljs writes its zip stored
 * (`compression: 'STORE'`), and this packs it again: the same entries in the same order, every
 * one dated `date`, deflated by node:zlib. The same workbook content therefore always gives the
 * same file (the tertial timer's idempotence depends on it), as long as Node's bundled zlib is
 * the same — which the chart PNGs rely on already.
 *
 * Entries already deflated are copied as they are, so a deflated input is only re-dated. Folder
 * entries, which JSZip adds and an xlsx package does not have, are left out.
 *
 * `parts` adds to the package what exceljs cannot write (chart parts, defined names): each
 * function gets a part's text — or undefined when exceljs wrote no such part — and returns the
 * part's new text; parts exceljs did not write are appended in the map's order.
 */
export function packWithFixedDate(
  zip: Buffer,
  date: Date,
  parts: ReadonlyMap<string, (text: string | undefined) => string> = new Map(),
): Buffer {
  const { time, day } = dosDateTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const entries = readEntries(zip).filter((e) => !(e.name[e.name.length - 1] === 0x2f && e.size === 0));
  const present = new Set(entries.map((e) => e.name.toString('utf8')));
  const edited = entries.map((entry) => {
    const change = parts.get(entry.name.toString('utf8'));
    if (!change) return entry;
    const raw = entry.method === DEFLATED ? inflateRawSync(entry.data) : entry.data;
    return textEntry(entry.name, change(raw.toString('utf8')), entry.flags);
  });
  for (const [name, change] of parts)
    if (!present.has(name)) edited.push(textEntry(Buffer.from(name, 'utf8'), change(undefined), UTF8_NAMES));
  for (const entry of edited) {
    const { method, data } = compress(entry);
    const fields = {
      flags: entry.flags,
      method,
      time,
      day,
      crc: entry.crc,
      compressedSize: data.length,
      size: entry.size,
      nameLength: entry.name.length,
    };
    const local = Buffer.alloc(LOCAL_HEADER);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    writeEntryFields(local, 6, fields);
    // extra field length: 0

    const central = Buffer.alloc(CENTRAL_HEADER);
    central.writeUInt32LE(0x02014b50, 0);
    // Made by: version 2.0 on MS-DOS, as JSZip's platform 'DOS' wrote; no Unix permissions to carry.
    central.writeUInt16LE(VERSION, 4);
    central.writeUInt16LE(VERSION, 6);
    writeEntryFields(central, 8, fields);
    // extra, comment, disk, internal and external attributes: 0
    central.writeUInt32LE(offset, 42);

    locals.push(local, entry.name, data);
    centrals.push(central, entry.name);
    offset += LOCAL_HEADER + entry.name.length + data.length;
    if (offset > 0xffffffff) throw new RangeError('the workbook needs zip64, which this writer does not do');
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(END_RECORD);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

interface EntryFields {
  flags: number;
  method: number;
  time: number;
  day: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

/** The run of fields the local header (from byte 6) and the central one (from byte 8) share, in the same order. */
function writeEntryFields(header: Buffer, at: number, f: EntryFields): void {
  header.writeUInt16LE(f.flags, at);
  header.writeUInt16LE(f.method, at + 2);
  header.writeUInt16LE(f.time, at + 4);
  header.writeUInt16LE(f.day, at + 6);
  header.writeUInt32LE(f.crc, at + 8);
  header.writeUInt32LE(f.compressedSize, at + 12);
  header.writeUInt32LE(f.size, at + 16);
  header.writeUInt16LE(f.nameLength, at + 20);
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
/** 2.0: the version that introduced deflate. */
const VERSION = 20;
const STORED = 0;
const DEFLATED = 8;
/** Bit 3 says sizes follow the data; they are in the headers here. Bit 11 (UTF-8 names) is kept. */
const KEPT_FLAGS = 0x0800;
const UTF8_NAMES = 0x0800;
/**
 * The XML parts shrink about sevenfold at level 3, eightfold at exceljs' default 6, which takes
 * 60 % longer on a consolidated workbook's parts; the few per cent of size are not worth it.
 */
const LEVEL = 3;

interface Entry {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** The entry's bytes as stored in the source zip. */
  data: Buffer;
}

/**
 * DOS date and time, the zip header's only date: two-second resolution and no time zone. The
 * fields are the UTC ones, as JSZip wrote and reads them.
 */
function dosDateTime(date: Date): { time: number; day: number } {
  if (date.getUTCFullYear() < 1980) throw new RangeError('zip dates start in 1980');
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** The entries in central-directory order. Only what JSZip writes: one disk, no zip64. */
function readEntries(zip: Buffer): Entry[] {
  // The end record is the last 22 bytes unless the archive has a comment; look back over one.
  const earliest = Math.max(0, zip.length - END_RECORD - 0xffff);
  let end = zip.length - END_RECORD;
  while (end >= earliest && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < earliest) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip central directory entry ${i} is malformed`);
    const nameLength = zip.readUInt16LE(at + 28);
    const compressedSize = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`zip local header ${i} is malformed`);
    const dataAt = local + LOCAL_HEADER + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const method = zip.readUInt16LE(at + 10);
    if (method !== STORED && method !== DEFLATED) throw new Error(`zip entry ${i} uses compression method ${method}`);
    entries.push({
      name: zip.subarray(at + CENTRAL_HEADER, at + CENTRAL_HEADER + nameLength),
      flags: zip.readUInt16LE(at + 8) & KEPT_FLAGS,
      method,
      crc: zip.readUInt32LE(at + 16),
      size: zip.readUInt32LE(at + 24),
      data: zip.subarray(dataAt, dataAt + compressedSize),
    });
    at += CENTRAL_HEADER + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function textEntry(name: Buffer, text: string, flags: number): Entry {
  const data = Buffer.from(text, 'utf8');
  return { name, flags, method: STORED, crc: crc32(data), size: data.length, data };
}

/** Deflates a stored entry unless that does not make it smaller (the PNGs are deflated already). */
function compress(entry: Entry): { method: number; data: Buffer } {
  if (entry.method === DEFLATED) return { method: DEFLATED, data: entry.data };
  const deflated = deflateRawSync(entry.data, { level: LEVEL });
  return deflated.length < entry.data.length
    ? { method: DEFLATED, data: deflated }
    : { method: STORED, data: entry.data };
}
