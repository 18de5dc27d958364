import { STOP, parseXml } from './xml-events';
import type { ZipArchive } from './zip-archive';

/** Excel's built-in number formats that show a date or a time (ids 14–22, 27–36, 45–47, 50–58). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/**
 * Whether a format code shows a date or time: a day, month, year, hour or second token outside
 * quoted text, brackets (colours, locales, conditions) and escaped characters. "0", "# ##0 kr",
 * "0,0%" are numbers; "yyyy-mm-dd", "d/m", "[$-41D]mmmm yyyy" are dates.
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[\\_*]./g, '');
  return /[dmyhsDMYHS]/.test(bare.replace(/General/gi, ''));
}

/**
 * For each cell format (`<cellXfs>` entry, by index) whether it shows a date, read only when a
 * kept cell holds a number with a format.
 */
export async function readDateStyles(zip: ZipArchive, part: string): Promise<boolean[]> {
  const codes = new Map<number, string>();
  const isDate: boolean[] = [];
  if (!zip.has(part)) return isDate;
  let inCellXfs = false;
  await parseXml(part, zip.read(part), {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = codes.get(id);
        isDate.push(code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') throw STOP;
    },
  });
  return isDate;
}
