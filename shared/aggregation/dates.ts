import { MONTH_NAMES_SV } from '../text/months-sv';

/**
 * Reads a date cell the ways it reaches us: an Excel serial number (what `range.values` gives for
 * a date-formatted cell), ISO text (`2023-01-31`, with or without a time) and its year-first
 * variants `2023.06.25` and `2023/06/25`, compact `20230131`, day-first `31/1/2023` and
 * `31.1.2023`, and written out, `3 mars 2023` or `3 mar. 2023` (Swedish hand-typed forms).
 * Returns an ISO date, so dates compare as strings like `periodSpan`'s, or `null` for an empty
 * cell.
 */
export type DateParse = { ok: true; date: string | null } | { ok: false };

const pad = (n: number): string => String(n).padStart(2, '0');

/** Swedish month names and their usual abbreviations (with or without a dot), lower case. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

function monthNumber(word: string): number | undefined {
  const w = word.toLocaleLowerCase('sv').replace(/\.$/, '');
  const full = (MONTH_NAMES_SV as readonly string[]).indexOf(w);
  if (full >= 0) return full + 1;
  // "sept" and "sept." are common too.
  const short = MONTHS.indexOf(w === 'sept' ? 'sep' : w);
  return short >= 0 ? short + 1 : undefined;
}

function isoIfValid(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Excel's serial day 1 is 1900-01-01, and it counts a 29 February 1900 that never was; day 61
 * onward is exact from 1899-12-30.
 */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 150_000) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return isoIfValid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function parseDateCell(raw: unknown): DateParse {
  if (raw === null || raw === undefined) return { ok: true, date: null };
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false };
    // Cell readers hand dates over as UTC midnight; the calendar day is what counts.
    const iso = isoIfValid(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
    return iso ? { ok: true, date: iso } : { ok: false };
  }
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 19_000_101 && raw <= 22_001_231) return fromCompact(String(raw));
    const iso = excelSerialToIso(raw);
    return iso ? { ok: true, date: iso } : { ok: false };
  }
  if (typeof raw !== 'string') return { ok: false };
  const text = raw.replace(/[\u00a0\u202f]/g, ' ').trim();
  if (text === '') return { ok: true, date: null };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  if (m) return wrap(isoIfValid(Number(m[1]), Number(m[2]), Number(m[3])));
  m = /^(\d{4})([./])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (m) return wrap(isoIfValid(Number(m[1]), Number(m[3]), Number(m[4])));
  m = /^(\d{1,2})\.? ([\p{L}]+\.?) (\d{4})$/u.exec(text);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    return month ? wrap(isoIfValid(Number(m[3]), month, Number(m[1]))) : { ok: false };
  }
  if (/^\d{8}$/.test(text)) return fromCompact(text);
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  if (m) return wrap(isoIfValid(Number(m[3]), Number(m[2]), Number(m[1])));
  if (/^\d+([.,]\d+)?$/.test(text)) return parseDateCell(Number(text.replace(',', '.')));
  return { ok: false };
}

function fromCompact(text: string): DateParse {
  return wrap(isoIfValid(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8))));
}

function wrap(iso: string | undefined): DateParse {
  return iso ? { ok: true, date: iso } : { ok: false };
}
