import type ExcelJS from 'exceljs';
import type { FigureFormat } from '../../../shared/consolidation/report-model';
import { columnLetter } from '../../../shared/model/layout';
import {
  HEADER_BORDER,
  HEADER_FONT,
  LINE_HEIGHT,
  SECTION_FILL,
  SECTION_FONT,
  SUBTITLE_FONT,
  TITLE_FONT,
} from '../../template-workbook/styles';

export { HEADER_BORDER, LINE_HEIGHT, SECTION_FILL };

/**
 * Styles of the consolidated workbook, shared per distinct style, and the sizes printing works
 * with. Numbers keep Excel's own formats, so separators follow the reader's locale (a decimal
 * comma in a Swedish Excel): one decimal for percentages, thousands grouped.
 */

/** Excel number formats are locale-free; Swedish Excel shows "1 234" and "61,5 %" for these. */
export const FORMAT = {
  count: '#,##0',
  decimal: '#,##0.0',
  percent: '0.0" %"',
  /** Percentage points, signed: Diff of shares. */
  points: '+0.0" p.e.";-0.0" p.e.";0.0" p.e."',
  signedCount: '+#,##0;-#,##0;0',
  signedDecimal: '+#,##0.0;-#,##0.0;0.0',
  tkr: '#,##0',
  signedTkr: '+#,##0;-#,##0;0',
  index: '0.0',
  signedIndex: '+0.0;-0.0;0.0',
} as const satisfies Record<FigureFormat, string>;

/** How many characters a figure takes at most in a format (sign, grouping, decimals, unit). */
export function figureWidth(value: number, format: FigureFormat): number {
  const digits = Math.max(1, Math.floor(Math.abs(value)).toString().length);
  const grouped = digits + Math.floor((digits - 1) / 3);
  const decimals = FORMAT[format].includes('0.0') ? 2 : 0;
  const unit = format === 'points' ? 5 : format === 'percent' ? 2 : 0;
  const sign = format.startsWith('signed') || format === 'points' ? 1 : value < 0 ? 1 : 0;
  return grouped + decimals + unit + sign;
}

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const BODY: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11 };
/** The templates' fonts (template-workbook/styles.ts), and the report's own for notes and gaps. */
export const FONT = {
  body: BODY,
  bold: HEADER_FONT,
  title: TITLE_FONT,
  subtitle: SUBTITLE_FONT,
  section: SECTION_FONT,
  note: { ...BODY, italic: true, size: 9, color: { argb: 'FF404040' } },
  missing: { ...BODY, italic: true, color: { argb: 'FF7F7F7F' } },
  mono: { name: 'Consolas', family: 3, size: 9 },
} satisfies Record<string, Partial<ExcelJS.Font>>;

/** Excel's own "good" and "bad" cell styles, which readers recognise. */
export const GOOD = { fill: solid('FFC6EFCE'), font: { ...BODY, color: { argb: 'FF006100' } } };
export const BAD = { fill: solid('FFFFC7CE'), font: { ...BODY, color: { argb: 'FF9C0006' } } };

/**
 * Every styled cell points at one shared, frozen style object per distinct style. exceljs gives
 * each cell a style object of its own, and when writing it turns every style object it has not
 * seen into XML to find the matching entry of styles.xml — for ten thousand cells a report, the
 * largest part of writing the file. A style object it has seen maps to its entry at once. Frozen,
 * so a stray `cell.font = …` (which would change every cell sharing the object) throws instead.
 * Kept for the process: styles come from this code, never from data, so there are a few dozen.
 */
const sharedStyles = new Map<string, Readonly<Partial<ExcelJS.Style>>>();
const STYLE_PARTS = [
  'numFmt',
  'font',
  'alignment',
  'border',
  'fill',
] as const satisfies readonly (keyof ExcelJS.Style)[];
const partIds = new Map<string, number>();
const objectIds = new WeakMap<object, number>();

function partId(part: unknown): number {
  if (part === undefined) return 0;
  const isObject = typeof part === 'object' && part !== null;
  let id = isObject ? objectIds.get(part) : undefined;
  if (id !== undefined) return id;
  // By content, so equal parts written inline in different places share a style.
  const content = isObject ? JSON.stringify(part) : String(part);
  id = partIds.get(content);
  if (id === undefined) partIds.set(content, (id = partIds.size + 1));
  if (isObject) objectIds.set(part, id);
  return id;
}

/** Gives a cell the shared style with these parts. Never use the cell's own setters (`cell.font = …`). */
export function setStyle(cell: ExcelJS.Cell, style: Partial<ExcelJS.Style>): ExcelJS.Cell {
  let shared = sharedByObject.get(style);
  if (!shared) {
    const key = STYLE_PARTS.map((part) => partId(style[part])).join(',');
    shared = sharedStyles.get(key);
    if (!shared) sharedStyles.set(key, (shared = Object.freeze({ ...style })));
    sharedByObject.set(style, shared);
  }
  cell.style = shared as Partial<ExcelJS.Style>;
  return cell;
}

/** A style object passed again (the renderer keeps one per kind of cell) maps to its shared style at once. */
const sharedByObject = new WeakMap<object, Readonly<Partial<ExcelJS.Style>>>();

/** `'Blad 1'!$C$5` */
export function absoluteAddress(sheet: string, row: number, column: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${columnLetter(column)}$${row}`;
}

/**
 * Excel sheet names: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. A
 * long name is cut at a word, so a tab never ends mid-word.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted
    .replace(/[\\/?*[\]:]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  const cut = (text: string, max: number) => {
    if (text.length <= max) return text;
    const words = text.slice(0, max + 1).split(' ');
    return words.length > 1 ? words.slice(0, -1).join(' ').trim() : text.slice(0, max);
  };
  let name = cut(clean, 31);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${cut(clean, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}
