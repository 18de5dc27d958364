/**
 * The text of a downloaded file. PxWeb writes CSV in the table's own code page: UTF-8 for newer
 * tables (often with a byte-order mark), ISO-8859-1 / Windows-1252 for older ones, and Excel's
 * "Spara som CSV" re-saves in Windows-1252. A file that mixes the two (one tool appended to
 * another's output) cannot be read right either way, so it is refused rather than guessed.
 */

export type DecodedText =
  | { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' }
  | { ok: false; problem: 'mixed-encoding'; utf8Sequences: number; strayBytes: number };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Length of the well-formed UTF-8 sequence starting at `i` (2–4), or 0 when there is none. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  const length =
    lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return length;
}

/**
 * UTF-8 when the bytes are valid UTF-8; Windows-1252 when they hold no UTF-8 sequence at all;
 * refused when both kinds of bytes occur.
 *
 * @example
 * decodeScbText(new TextEncoder().encode('Umeå')) // { ok: true, text: 'Umeå', encoding: 'utf-8' }
 */
export function decodeScbText(bytes: Uint8Array): DecodedText {
  const body = UTF8_BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Windows-1252, unless part of it is UTF-8 after all.
  }
  let utf8Sequences = 0;
  let strayBytes = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i]! < 0x80) continue;
    const length = utf8SequenceAt(body, i);
    if (length > 0) {
      utf8Sequences++;
      i += length - 1;
    } else strayBytes++;
  }
  if (utf8Sequences > 0 && strayBytes > 0) return { ok: false, problem: 'mixed-encoding', utf8Sequences, strayBytes };
  return { ok: true, text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
}
