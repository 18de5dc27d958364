import { STOP, parseXml } from './xml-events';
import type { ZipArchive } from './zip-archive';

/**
 * The shared strings the kept cells point at, and no others: a workbook's string table can be
 * large (every label of every sheet), and only a few entries are ever needed.
 */
export async function readSharedStrings(
  zip: ZipArchive,
  part: string,
  wanted: ReadonlySet<number>,
): Promise<Map<number, string>> {
  const strings = new Map<number, string>();
  if (wanted.size === 0 || !zip.has(part)) return strings;
  const last = [...wanted].reduce((a, b) => Math.max(a, b), -1);
  let index = -1;
  let text: string | undefined;
  let inText = false;
  let inPhonetic = false;
  await parseXml(part, zip.read(part), {
    open(name) {
      if (name === 'si') {
        index += 1;
        text = wanted.has(index) ? '' : undefined;
      } else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    text(chunk) {
      if (inText && text !== undefined) text += chunk;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        if (text !== undefined) strings.set(index, text);
        text = undefined;
        if (index >= last) throw STOP;
      }
    },
  });
  return strings;
}
