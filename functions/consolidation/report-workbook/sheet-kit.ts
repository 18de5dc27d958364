import type ExcelJS from 'exceljs';
import { looksLikeFormula } from '../../../shared/model/cell-kind';
import { columnLetter } from '../../../shared/model/layout';
import { describeMissing, type Measure } from '../../../shared/indices/measure';
import {
  HEADER_BORDER,
  HEADER_FONT,
  HELP_FONT,
  SECTION_FILL,
  SECTION_FONT,
  SUBTITLE_FONT,
  TITLE_FONT,
} from '../../template-workbook/styles';

/**
 * Writing cells of the consolidated workbook: text that can never become a formula, numbers
 * with Swedish-looking formats, missing values shown as "saknas" with the reason in a note,
 * suppressed ones as the mark, and reached / not reached in green and red. Sheets remember
 * the widest content per column so widths fit.
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
} as const;
export type NumberFormat = (typeof FORMAT)[keyof typeof FORMAT];

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
/** Excel's own "good" and "bad" cell styles, which readers recognise. */
export const GOOD = { fill: solid('FFC6EFCE'), font: { name: 'Calibri', size: 11, color: { argb: 'FF006100' } } };
export const BAD = { fill: solid('FFFFC7CE'), font: { name: 'Calibri', size: 11, color: { argb: 'FF9C0006' } } };
const MISSING_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11, italic: true, color: { argb: 'FF7F7F7F' } };
const BODY_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11 };
const RIGHT: Partial<ExcelJS.Alignment> = { horizontal: 'right' };

export const MISSING_TEXT = 'saknas';

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
  'protection',
] as const satisfies readonly (keyof ExcelJS.Style)[];
/** A number per distinct part content, so a style's key is a few digits, quick to look up. */
const partIds = new Map<string, number>();
/** Parts (fonts, fills, alignments) are never changed once used, so each object's id is found once. */
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

/**
 * Restyles a cell: its style with `patch` over it. Use this, never the cell's own setters
 * (`cell.font = …`), which write into the shared object.
 */
export function setStyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): ExcelJS.Cell {
  const style: Partial<ExcelJS.Style> = { ...cell.style, ...patch };
  const key = STYLE_PARTS.map((part) => partId(style[part])).join(',');
  let shared = sharedStyles.get(key);
  if (!shared) sharedStyles.set(key, (shared = Object.freeze(style)));
  cell.style = shared as Partial<ExcelJS.Style>;
  return cell;
}

/** Width bookkeeping per sheet: the longest content per column, in characters. */
const widths = new WeakMap<ExcelJS.Worksheet, Map<number, number>>();

function note(sheet: ExcelJS.Worksheet, column: number, length: number): void {
  let map = widths.get(sheet);
  if (!map) widths.set(sheet, (map = new Map()));
  map.set(column, Math.max(map.get(column) ?? 0, length));
}

/**
 * Text, always as a string cell. exceljs writes plain strings as shared strings, never as
 * formulas; text that a spreadsheet would run if retyped (= + - @, tab, CR first) also gets
 * the text format, so editing the cell keeps it text. A carriage return is stored as a line
 * break.
 */
export function writeText(
  sheet: ExcelJS.Worksheet,
  row: number,
  column: number,
  raw: string,
  font: Partial<ExcelJS.Font> = BODY_FONT,
  measure = true,
): ExcelJS.Cell {
  const cell = sheet.getCell(row, column);
  // XML readers turn a bare CR into LF anyway; writing LF keeps what is read back equal to what was written.
  const text = String(raw).replace(/\r\n?/g, '\n');
  cell.value = text;
  setStyle(cell, looksLikeFormula(raw) ? { font, numFmt: '@' } : { font });
  if (measure)
    note(
      sheet,
      column,
      Math.max(
        ...String(text)
          .split(/\r?\n/)
          .map((l) => l.length),
      ) * (font.bold ? 1.1 : 1),
    );
  return cell;
}

export function writeNumber(
  sheet: ExcelJS.Worksheet,
  row: number,
  column: number,
  value: number,
  format: NumberFormat,
): ExcelJS.Cell {
  const cell = sheet.getCell(row, column);
  cell.value = value;
  setStyle(cell, { numFmt: format, font: BODY_FONT, alignment: RIGHT });
  note(
    sheet,
    column,
    format.includes('%') || format.includes('p.e.') ? 10 : Math.max(6, Math.abs(value).toFixed(0).length + 4),
  );
  return cell;
}

export interface MeasureOptions {
  /** Suppressed in the published variant: show the mark instead. */
  hidden?: boolean;
  mark?: string;
  /** Colour by outcome: true green, false red. */
  good?: boolean | null;
}

/** A computed figure: its number, or "saknas" with the reason as a note, or the suppression mark. */
export function writeMeasure(
  sheet: ExcelJS.Worksheet,
  row: number,
  column: number,
  measure: Measure,
  format: NumberFormat,
  options: MeasureOptions = {},
): ExcelJS.Cell {
  let cell: ExcelJS.Cell;
  if (options.hidden) {
    return setStyle(writeText(sheet, row, column, options.mark ?? '–'), { alignment: RIGHT });
  }
  if (measure.value === null) {
    cell = setStyle(writeText(sheet, row, column, MISSING_TEXT, MISSING_FONT), { alignment: RIGHT });
    cell.note = describeMissing(measure.missing);
    return cell;
  }
  cell = writeNumber(sheet, row, column, measure.value, format);
  paint(cell, options.good);
  return cell;
}

/** Green for reached / good, red for not reached / bad; nothing when unknown. */
export function paint(cell: ExcelJS.Cell, good: boolean | null | undefined): void {
  if (good === true) setStyle(cell, { fill: GOOD.fill, font: GOOD.font });
  else if (good === false) setStyle(cell, { fill: BAD.fill, font: BAD.font });
}

/** Title, subtitle lines; returns the next free row. */
export function writeHeading(sheet: ExcelJS.Worksheet, title: string, lines: readonly string[]): number {
  writeText(sheet, 1, 1, title, TITLE_FONT, false);
  sheet.getRow(1).height = 24;
  lines.forEach((line, i) => writeText(sheet, 2 + i, 1, line, SUBTITLE_FONT, false));
  return 3 + lines.length;
}

export function writeSectionTitle(sheet: ExcelJS.Worksheet, row: number, title: string, lastColumn: number): void {
  writeText(sheet, row, 1, title, SECTION_FONT, false);
  for (let c = 1; c <= lastColumn; c++) {
    setStyle(sheet.getCell(row, c), { fill: SECTION_FILL, font: SECTION_FONT });
  }
}

export function writeHeaderRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  labels: readonly string[],
  firstColumn = 1,
): void {
  labels.forEach((label, i) => {
    const cell = writeText(sheet, row, firstColumn + i, label, HEADER_FONT, false);
    note(sheet, firstColumn + i, Math.min(18, label.length));
    setStyle(cell, {
      border: HEADER_BORDER,
      alignment: { wrapText: true, vertical: 'bottom', horizontal: i === 0 && firstColumn === 1 ? 'left' : 'center' },
    });
  });
  const longest = Math.max(...labels.map((l) => l.length));
  sheet.getRow(row).height = longest > 18 ? 45 : 30;
}

export function writeFootnote(sheet: ExcelJS.Worksheet, row: number, text: string): void {
  setStyle(writeText(sheet, row, 1, text, HELP_FONT, false), { alignment: { wrapText: false, vertical: 'top' } });
}

/** Frozen header and label column, widths from content, A4 print setup with repeated headers. */
export function finishSheet(
  sheet: ExcelJS.Worksheet,
  options: { headerRow: number; labelColumns?: number; lastRow: number; lastColumn: number; minLabelWidth?: number },
): void {
  const map = widths.get(sheet) ?? new Map<number, number>();
  let total = 0;
  for (let c = 1; c <= options.lastColumn; c++) {
    const content = map.get(c) ?? 8;
    const width =
      c === 1
        ? Math.min(70, Math.max(options.minLabelWidth ?? 24, content + 2))
        : Math.min(60, Math.max(10, content + 2));
    sheet.getColumn(c).width = width;
    total += width;
  }
  sheet.views = [
    {
      state: 'frozen',
      xSplit: options.labelColumns ?? 1,
      ySplit: options.headerRow,
      topLeftCell: `${columnLetter((options.labelColumns ?? 1) + 1)}${options.headerRow + 1}`,
      activeCell: 'A1',
      showGridLines: false,
    },
  ];
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: total > 100 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:${columnLetter(options.lastColumn)}${Math.max(options.lastRow, options.headerRow)}`,
    printTitlesRow: `${options.headerRow}:${options.headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: `&L&8Samlad – ${sheet.name}&R&8Sida &P av &N` };
}

/** Excel sheet names: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted
    .replace(/[\\/?*[\]:]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  let name = clean.slice(0, 31).trim();
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${clean.slice(0, 31 - String(i).length - 1).trim()} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** PNG size from its IHDR chunk, so the image is placed at its natural size. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A chart picture at `row`, column A, at half its pixel size; returns the first row below it. */
export function addChart(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, png: Buffer, row: number): number {
  const id = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  const size = pngSize(png);
  // Half size: the bitmap font is drawn at 2× for crispness.
  const ext = { width: size.width / 2, height: size.height / 2 };
  sheet.addImage(id, { tl: { col: 0, row: row - 1 }, ext, editAs: 'oneCell' });
  return row + Math.ceil(ext.height / 20) + 1;
}
