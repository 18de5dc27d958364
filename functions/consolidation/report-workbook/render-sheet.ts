import type ExcelJS from 'exceljs';
import { figureName } from '../../../shared/consolidation/figure-names';
import type {
  ChartSpec,
  FigureCell,
  ReportBlock,
  ReportCell,
  ReportRow,
  ReportSheet,
  TextCell,
} from '../../../shared/consolidation/report-model';
import { describeMissing } from '../../../shared/indices/measure';
import { looksLikeFormula } from '../../../shared/model/cell-kind';
import { columnLetter } from '../../../shared/model/layout';
import {
  absoluteAddress,
  BAD,
  figureWidth,
  FONT,
  FORMAT,
  GOOD,
  HEADER_BORDER,
  LINE_HEIGHT,
  SECTION_FILL,
  setStyle,
} from './sheet-kit';

/**
 * The one renderer: writes any sheet of the report model with exceljs, for screen and paper.
 * Columns are as wide as their content (labels and free text wrap beyond a limit, with rows
 * tall enough), headings and footnotes span the table, tables are kept on one page where they
 * fit, and every figure's cell is recorded under its defined name. Charts are placed as native
 * chart parts by the package step; here they get their data block and their anchor.
 */

export interface RenderedChart {
  spec: ChartSpec;
  /** Zero-based cell anchor of the chart's frame. */
  from: { row: number; column: number };
  to: { row: number; column: number };
  categories: { ref: string; labels: string[] };
  series: { nameRef: string; name: string; ref: string; values: (number | null)[] }[];
  /** The target, one value per category, drawn as a line. */
  target?: { nameRef: string; name: string; ref: string; values: number[] };
  /** The defined name of each charted figure, series by category. */
  names: string[][];
}

export interface RenderedSheet {
  /** Every figure's defined name (letters, digits, _ and . only) and cell (`$C$5`) on this sheet. */
  names: { name: string; cell: string }[];
  charts: RenderedChart[];
  /** The row repeated at the top of every printed page, if any. */
  printTitles?: number;
}

export interface RenderOptions {
  /** The published variant's mark for a suppressed figure. */
  mark: string;
  /** Page header, left: the förbund and period. */
  pageHeader: string;
}

/** Widest label column and free-text column, in characters; longer text wraps. */
const LABEL_MAX = 48;
const LABEL_WHOLE_MAX = 70;
const WRAP_MAX = 40;
/** A chart's frame: rows tall, at least this many characters wide. */
const CHART_ROWS = 18;
const CHART_WIDTH = 90;
/** Printable A4 in points (12.7 mm margins left and right, 15 mm top and bottom with header and footer). */
const PAGE = { portrait: { width: 523, height: 745 }, landscape: { width: 770, height: 495 } };

const pointsOfWidth = (chars: number) => (Math.trunc(chars) * 7 + 5) * 0.75;
const RIGHT: Partial<ExcelJS.Alignment> = { horizontal: 'right', vertical: 'top' };

interface Layout {
  widths: number[];
  landscape: boolean;
  /** Print scale that fitting the width to the page will give. */
  scale: number;
}

/**
 * A chart's data block: categories as rows and series (and the target) as columns, or the other
 * way round when the series' names are the long single words (platform names), which fit a label
 * column better than a heading.
 */
function chartGrid(spec: ChartSpec) {
  const longestWord = (labels: readonly string[]) =>
    Math.max(0, ...labels.flatMap((l) => l.split(/\s+/).map((w) => w.length)));
  const seriesInRows = longestWord(spec.series.map((s) => s.label)) > longestWord(spec.categories.map((c) => c.label));
  const series = [
    ...spec.series.map((s, i) => ({ index: i, label: s.label })),
    ...(spec.target ? [{ index: spec.series.length, label: 'Mål' }] : []),
  ];
  const categories = spec.categories.map((c, i) => ({ index: i, label: c.label }));
  const figureAt = (category: number, seriesIndex: number): FigureCell => {
    const c = spec.categories[category]!;
    const s = spec.series[seriesIndex];
    return {
      kind: 'figure',
      value: s
        ? (s.values[category] ?? { value: null, missing: { code: 'missing-value', what: c.label } })
        : { value: spec.target!.value },
      format: spec.unit === '%' ? 'percent' : 'index',
      name: figureName('diagram', spec.id, c.key, s ? s.key : 'mal'),
      hidden: s?.hidden?.[category] ?? false,
    };
  };
  return seriesInRows
    ? { seriesInRows, rows: series, columns: categories, cell: (r: number, c: number) => figureAt(c, r) }
    : { seriesInRows, rows: categories, columns: series, cell: (r: number, c: number) => figureAt(r, c) };
}

function chartsOf(model: ReportSheet): ChartSpec[] {
  return [...model.blocks.flatMap((b) => (b.chart ? [b.chart] : [])), ...(model.charts ?? [])];
}

function columnsOf(model: ReportSheet): number {
  let n = model.labelColumns;
  for (const block of model.blocks) {
    n = Math.max(n, block.header?.length ?? 0, block.groups?.reduce((a, g) => a + g.span, 0) ?? 0);
    for (const row of block.rows) n = Math.max(n, row.cells.length);
  }
  for (const chart of chartsOf(model)) n = Math.max(n, 1 + chartGrid(chart).columns.length);
  return n;
}

function cellWidth(cell: ReportCell, mark: string): number {
  if (!cell) return 0;
  if (cell.kind === 'text') {
    const longest = Math.max(...cell.text.split('\n').map((l) => l.length)) + (cell.indent ?? 0) * 2;
    // Hashes are set small and monospaced: about 0,8 of a column unit per character.
    if (cell.mono) return Math.ceil(longest * 0.8);
    return cell.wrap ? Math.min(WRAP_MAX, longest) : cell.bold ? Math.ceil(longest * BOLD_WIDTH) : longest;
  }
  if (cell.hidden) return mark.length;
  return cell.value.value === null ? 7 : figureWidth(cell.value.value, cell.format);
}

/** Column widths from content, and the orientation and scale the sheet will print at. */
function layout(model: ReportSheet, mark: string): Layout {
  const count = columnsOf(model);
  const widths = Array.from({ length: count }, () => 0);
  const headerNeeds = Array.from({ length: count }, () => 0);
  // Headings are bold and wrap at spaces, onto at most three lines; no word is broken.
  const needHeader = (label: string, i: number) => {
    const longestWord = Math.max(0, ...label.split(/\s+/).map((w) => w.length));
    headerNeeds[i] = Math.max(
      headerNeeds[i]!,
      Math.ceil(longestWord * BOLD_WIDTH) + 2,
      Math.ceil((label.length / 3) * BOLD_WIDTH) + 2,
    );
  };
  for (const block of model.blocks) {
    block.header?.forEach(needHeader);
    for (const row of block.rows)
      row.cells.forEach((cell, i) => (widths[i] = Math.max(widths[i]!, cellWidth(cell, mark) + 1)));
  }
  for (const chart of chartsOf(model)) {
    const grid = chartGrid(chart);
    widths[0] = Math.max(widths[0]!, ...grid.rows.map((r) => r.label.length + 1));
    grid.columns.forEach((c, i) => needHeader(c.label, i + 1));
    grid.columns.forEach((_, i) => (widths[i + 1] = Math.max(widths[i + 1]!, 9)));
  }
  const fitted = (labelMax: number) =>
    widths.map((w, i) => {
      const width = Math.max(w, headerNeeds[i]!, 8);
      return i < model.labelColumns
        ? Math.min(labelMax, Math.max(model.labelWidth ?? 12, width))
        : Math.min(WRAP_MAX + 1, width);
    });
  // A heading over several columns must fit its longest word across them: widen the last one.
  for (const block of model.blocks) {
    let start = 0;
    for (const group of block.groups ?? []) {
      const needed = Math.ceil(Math.max(0, ...group.label.split(/\s+/).map((w) => w.length)) * BOLD_WIDTH) + 2;
      const own = (i: number) => Math.max(widths[i]!, headerNeeds[i]!, 8);
      const have = widths.slice(start, start + group.span).reduce((a, _, i) => a + own(start + i), 0);
      const last = start + group.span - 1;
      if (group.label && have < needed) widths[last] = own(last) + needed - have;
      start += group.span;
    }
  }
  const points = (list: number[]) => list.reduce((a, w) => a + pointsOfWidth(w), 0);
  // Labels wrap only where the sheet would not fit a page, upright or turned, with them whole.
  const whole = fitted(LABEL_WHOLE_MAX);
  const capped = fitted(LABEL_MAX);
  const final =
    points(whole) <= PAGE.portrait.width
      ? whole
      : points(capped) <= PAGE.portrait.width
        ? capped
        : points(whole) <= PAGE.landscape.width
          ? whole
          : capped;
  const total = points(final);
  const landscape = total > PAGE.portrait.width;
  const page = landscape ? PAGE.landscape : PAGE.portrait;
  return { widths: final, landscape, scale: Math.min(1, page.width / total) };
}

/**
 * Column widths count characters of the digit 0; Calibri's (and LibreOffice's Carlito's) letters
 * are narrower on average, bold ones wider.
 */
const BOLD_WIDTH = 1.3;
const TEXT_PER_WIDTH = 1.1;

/**
 * Lines a text takes in a column of this width (characters), wrapped at spaces as Excel and
 * LibreOffice wrap it; a word longer than a line is broken. `bold` text is wider.
 */
function linesIn(textValue: string, width: number, bold = false): number {
  const perLine = Math.max(4, bold ? (width - 1) / BOLD_WIDTH : (width - 1) * TEXT_PER_WIDTH);
  if (textValue.length <= perLine && !textValue.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of textValue.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ')) {
      const length = word.length;
      if (used > 0 && used + 1 + length > perLine) {
        lines += 1;
        used = 0;
      }
      used += (used > 0 ? 1 : 0) + length;
      while (used > perLine) {
        lines += 1;
        used -= perLine;
      }
    }
  }
  return lines;
}

export function renderSheet(ws: ExcelJS.Worksheet, model: ReportSheet, options: RenderOptions): RenderedSheet {
  const { widths, landscape, scale } = layout(model, options.mark);
  const lastColumn = widths.length;
  const spanWidth = widths.reduce((a, w) => a + w, 0);
  // exceljs takes a width of exactly 9 for its default and leaves the column out (Excel then shows 8.43).
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w === 9 ? 9.01 : w));
  const names: RenderedSheet['names'] = [];
  const charts: RenderedChart[] = [];
  const pageHeight = (landscape ? PAGE.landscape.height : PAGE.portrait.height) / scale;
  let row = 1;
  let usedOnPage = 0;

  // Views and page setup follow from the model alone: where the heading rows and the first table's
  // header will be.
  const headingRows = 1 + model.subtitle.length + 1;
  const first = model.blocks[0];
  const firstHeader = first?.header ? headingRows + 1 + (first.title ? 1 : 0) + (first.groups ? 1 : 0) : undefined;
  const single = model.blocks.length === 1 && firstHeader !== undefined;
  const frozen = single ? firstHeader! : headingRows;
  ws.views = [
    {
      state: 'frozen',
      xSplit: model.labelColumns,
      ySplit: frozen,
      topLeftCell: `${columnLetter(model.labelColumns + 1)}${frozen + 1}`,
      activeCell: 'A1',
      showGridLines: false,
    },
  ];
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  const escape = (value: string) => value.replace(/&/g, '&&');
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: `&L&8${escape(options.pageHeader)}&R&8${escape(model.title)}`,
    oddFooter: `&L&8Samlad – ${escape(ws.name)}&R&8Sida &P av &N`,
  };
  // Every row's height is set, so what prints is what the page breaks were planned on.
  const height = (r: number, points: number) => {
    const sheetRow = ws.getRow(r);
    sheetRow.height = points;
    // A style object exceljs has seen maps to its entry at once; each row's own empty one is looked up as XML.
    (sheetRow as unknown as { style: Partial<ExcelJS.Style> }).style = NO_STYLE;
    usedOnPage += points;
  };
  const spanningHeight = (value: string, font: Partial<ExcelJS.Font>) =>
    Math.max(LINE_HEIGHT, Math.ceil(((font.size ?? 11) + 4) * linesIn(value, spanWidth * (11 / (font.size ?? 11)))));
  /**
   * A line of text across the whole table. Text that would wrap is merged across it and wrapped, so
   * nothing runs past the page; a line that clearly fits runs over the empty cells beside it
   * unmerged (a section's fill painted on each), as merging thousands of cells costs exceljs dearly.
   */
  const spanning = (value: string, font: Partial<ExcelJS.Font>, fill?: ExcelJS.Fill) => {
    const cell = ws.getCell(row, 1);
    cell.value = value;
    const styles = SPANNING.get(font)!;
    const fits =
      !value.includes('\n') && value.length * (font.bold ? BOLD_WIDTH : 1) <= (spanWidth * 11) / (font.size ?? 11) - 4;
    if (fits || lastColumn === 1) {
      setStyle(cell, styles.single[fill ? 1 : 0]);
      if (fill) for (let c = 2; c <= lastColumn; c++) setStyle(ws.getCell(row, c), FILL_ONLY);
    } else {
      setStyle(cell, styles.wrapped[fill ? 1 : 0]);
      ws.mergeCells(row, 1, row, lastColumn);
    }
    height(row, spanningHeight(value, font));
    row += 1;
  };

  spanning(model.title, FONT.title);
  for (const line of model.subtitle) spanning(line, FONT.subtitle);
  height(row, LINE_HEIGHT);
  row += 1;

  const writeCell = (r: number, c: number, cell: ReportCell) => {
    if (!cell) return;
    const target = ws.getRow(r).getCell(c);
    if (cell.kind === 'text') writeTextCell(target, cell, c <= model.labelColumns);
    else {
      writeFigure(target, cell, options.mark);
      names.push({ name: cell.name, cell: `$${columnLetter(c)}$${r}` });
    }
  };

  // Asked for each row twice (planning the page breaks, then writing it): worked out once.
  const rowHeights = new WeakMap<readonly ReportCell[], number>();
  const rowHeight = (cells: readonly ReportCell[]) => {
    let points = rowHeights.get(cells);
    if (points === undefined) {
      let lines = 1;
      cells.forEach((cell, i) => {
        if (cell?.kind === 'text' && (cell.wrap || i < model.labelColumns))
          lines = Math.max(lines, linesIn(cell.text, (widths[i] ?? 10) - (cell.indent ?? 0) * 2, cell.bold));
      });
      rowHeights.set(cells, (points = LINE_HEIGHT * lines));
    }
    return points;
  };

  const headerHeight = (header: readonly string[]) =>
    LINE_HEIGHT * Math.max(1, ...header.map((label, i) => linesIn(label, widths[i] ?? 10, true)));
  const blockHeight = (block: ReportBlock) =>
    (block.title ? spanningHeight(block.title, FONT.section) : 0) +
    (block.groups ? LINE_HEIGHT : 0) +
    (block.header ? headerHeight(block.header) : 0) +
    block.rows.reduce((a, r) => a + rowHeight(r.cells), 0) +
    (block.footnotes ?? []).reduce((a, note) => a + spanningHeight(note, FONT.note), 0) +
    LINE_HEIGHT;

  const breakBefore = (needed: number, forced = false) => {
    if (row <= headingRows + 1) return;
    if (forced || (usedOnPage + needed > pageHeight * 0.97 && needed <= pageHeight)) {
      ws.getRow(row - 1).addPageBreak();
      usedOnPage = 0;
    }
  };

  for (const block of model.blocks) {
    // A chart of the block's own rows stays on the block's page.
    const ownChart = block.chart?.fromRows ? (CHART_ROWS + 2) * LINE_HEIGHT : 0;
    breakBefore(blockHeight(block) + ownChart, block.pageBreak);
    if (block.title) spanning(block.title, FONT.section, SECTION_FILL);
    if (block.groups) {
      let column = 1;
      for (const group of block.groups) {
        if (group.label) {
          const cell = ws.getCell(row, column);
          cell.value = group.label;
          setStyle(cell, GROUP_HEADING);
          if (group.span > 1) ws.mergeCells(row, column, row, column + group.span - 1);
        }
        column += group.span;
      }
      let spanStart = 0;
      const groupLines = block.groups.map((group) => {
        const width = widths.slice(spanStart, spanStart + group.span).reduce((a, w) => a + w, 0);
        spanStart += group.span;
        return linesIn(group.label, width, true);
      });
      height(row, LINE_HEIGHT * Math.max(1, ...groupLines));
      row += 1;
    }
    const headerRow = block.header ? row : undefined;
    if (block.header) {
      block.header.forEach((label, i) => {
        const cell = ws.getCell(row, i + 1);
        cell.value = label;
        setStyle(cell, i < model.labelColumns ? HEADING.left : HEADING.center);
      });
      height(row, headerHeight(block.header));
      row += 1;
    }
    const firstRow = row;
    for (const reportRow of block.rows) {
      writeRow(reportRow);
    }
    for (const note of block.footnotes ?? []) spanning(note, FONT.note);
    height(row, LINE_HEIGHT);
    row += 1;
    if (block.chart?.fromRows && headerRow !== undefined) chartOfRows(block, block.chart, headerRow, firstRow);
    else if (block.chart) writeChart(block.chart);
  }

  function writeRow(reportRow: ReportRow) {
    reportRow.cells.forEach((cell, i) => writeCell(row, i + 1, cell));
    height(row, rowHeight(reportRow.cells));
    row += 1;
  }

  /** A chart's frame, `after` rows tall of what follows it kept on its page; its zero-based anchor. */
  function chartFrame(after: number) {
    breakBefore((CHART_ROWS + after + 1) * LINE_HEIGHT);
    // A row of space above the frame, so a chart starting a page keeps clear of the one before.
    height(row, LINE_HEIGHT);
    row += 1;
    const top = row - 1;
    let columns = 0;
    for (let width = 0; columns < lastColumn && width < CHART_WIDTH; columns++) width += widths[columns]!;
    for (let i = 0; i < CHART_ROWS; i++) {
      height(row, LINE_HEIGHT);
      row += 1;
    }
    const bottom = row - 1;
    row += 1;
    return { from: { row: top, column: 0 }, to: { row: bottom, column: columns } };
  }

  /**
   * A chart of a block's own rows (`fromRows`): the header's figure columns are its categories and
   * each row a series, so the chart refers to the table's cells and needs no data block.
   */
  function chartOfRows(block: ReportBlock, spec: ChartSpec, headerRow: number, firstRow: number) {
    const rows = spec.fromRows!;
    const start = model.labelColumns + 1;
    const end = start + spec.categories.length - 1;
    const rowRef = (r: number) => `${absoluteAddress(ws.name, r, start)}:$${columnLetter(end)}$${r}`;
    charts.push({
      spec,
      ...chartFrame(0),
      categories: { ref: rowRef(headerRow), labels: spec.categories.map((c) => c.label) },
      series: spec.series.map((s, k) => ({
        nameRef: absoluteAddress(ws.name, firstRow + rows[k]!, 1),
        name: s.label,
        ref: rowRef(firstRow + rows[k]!),
        values: s.values.map((v, i) => (s.hidden?.[i] ? null : v.value)),
      })),
      names: rows.map((r) =>
        block.rows[r]!.cells.slice(model.labelColumns).flatMap((cell) => (cell?.kind === 'figure' ? [cell.name] : [])),
      ),
    });
  }

  /** A chart: its frame, then its data block (named figures) that the chart part refers to. */
  function writeChart(spec: ChartSpec) {
    const grid = chartGrid(spec);
    const frame = chartFrame(grid.rows.length + 4);
    spanning(`Underlag till diagrammet: ${spec.title}`, FONT.note);
    const headerRow = row;
    ws.getCell(headerRow, 1).value = '';
    grid.columns.forEach((column, i) => {
      const cell = ws.getCell(headerRow, 2 + i);
      cell.value = column.label;
      setStyle(cell, HEADING.center);
    });
    height(headerRow, headerHeight(['', ...grid.columns.map((c) => c.label)]));
    row += 1;
    const first = row;
    grid.rows.forEach((gridRow) => {
      writeCell(row, 1, { kind: 'text', text: gridRow.label });
      grid.columns.forEach((column, j) => writeCell(row, 2 + j, grid.cell(gridRow.index, column.index)));
      height(row, LINE_HEIGHT);
      row += 1;
    });
    const last = row - 1;
    // Where series and categories ended up: along columns (series in columns) or along rows.
    const alongColumn = (j: number) => `${absoluteAddress(ws.name, first, 2 + j)}:$${columnLetter(2 + j)}$${last}`;
    const alongRow = (r: number) =>
      `${absoluteAddress(ws.name, first + r, 2)}:$${columnLetter(1 + grid.columns.length)}$${first + r}`;
    const seriesRef = (k: number) =>
      grid.seriesInRows
        ? { nameRef: absoluteAddress(ws.name, first + k, 1), ref: alongRow(k) }
        : { nameRef: absoluteAddress(ws.name, headerRow, 2 + k), ref: alongColumn(k) };
    charts.push({
      spec,
      ...frame,
      names: spec.series.map((s) => spec.categories.map((c) => figureName('diagram', spec.id, c.key, s.key))),
      categories: {
        ref: grid.seriesInRows
          ? `${absoluteAddress(ws.name, headerRow, 2)}:$${columnLetter(1 + spec.categories.length)}$${headerRow}`
          : `${absoluteAddress(ws.name, first, 1)}:$A$${first + spec.categories.length - 1}`,
        labels: spec.categories.map((c) => c.label),
      },
      series: spec.series.map((s, k) => ({
        ...seriesRef(k),
        name: s.label,
        values: s.values.map((v, i) => (s.hidden?.[i] ? null : v.value)),
      })),
      ...(spec.target
        ? {
            target: {
              ...seriesRef(spec.series.length),
              name: spec.target.label,
              values: spec.categories.map(() => spec.target!.value),
            },
          }
        : {}),
    });
    row += 1;
  }

  for (const spec of model.charts ?? []) writeChart(spec);

  // The table's heading on every page, unless charts follow it on pages of their own.
  return { names, charts, ...(single && chartsOf(model).length === 0 ? { printTitles: firstHeader } : {}) };
}

/**
 * Text, always as a string cell: exceljs writes plain strings as shared strings, never formulas;
 * text a spreadsheet would run if retyped (= + - @, tab, CR first) also gets the text format, so
 * editing the cell keeps it text. A carriage return is stored as a line break.
 */
/** Column headings: bold, wrapped, a rule below; labels' heading to the left, figures' centred. */
const heading = (horizontal: 'left' | 'center'): Partial<ExcelJS.Style> => ({
  font: FONT.bold,
  border: HEADER_BORDER,
  alignment: { wrapText: true, vertical: 'bottom', horizontal },
});
const HEADING = { left: heading('left'), center: heading('center') };
const GROUP_HEADING: Partial<ExcelJS.Style> = {
  font: FONT.bold,
  alignment: { horizontal: 'center', vertical: 'bottom', wrapText: true },
};
type StylePair = [Partial<ExcelJS.Style>, Partial<ExcelJS.Style>];
/** Titles, subtitles, section bars and notes across a table, wrapped or on one line: [plain, on the section's fill]. */
const SPANNING = new Map<Partial<ExcelJS.Font>, { wrapped: StylePair; single: StylePair }>(
  [FONT.title, FONT.subtitle, FONT.section, FONT.note].map((font) => {
    const wrapped = { font, alignment: { wrapText: true, vertical: 'top' as const } };
    const single = { font, alignment: { vertical: 'top' as const } };
    return [
      font,
      { wrapped: [wrapped, { ...wrapped, fill: SECTION_FILL }], single: [single, { ...single, fill: SECTION_FILL }] },
    ];
  }),
);
const FILL_ONLY: Partial<ExcelJS.Style> = { fill: SECTION_FILL };
const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/**
 * A cell's style, made once per combination of what it depends on and then shared by key: a
 * report writes tens of thousands of cells in a few dozen styles, and building (and hashing) a
 * style object per cell was the largest share of writing one.
 */
const styles = new Map<string, Partial<ExcelJS.Style>>();
function styled(key: string, make: () => Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  let style = styles.get(key);
  if (!style) styles.set(key, (style = make()));
  return style;
}

const goodness = (good: boolean | null | undefined) => (good === true ? 'g' : good === false ? 'b' : 'n');
function fontOf(good: boolean | null | undefined, bold: boolean | undefined, base: Partial<ExcelJS.Font> = FONT.body) {
  const font = good === true ? GOOD.font : good === false ? BAD.font : base;
  return bold ? { ...font, bold: true } : font;
}
const fillOf = (good: boolean | null | undefined) =>
  good === true ? { fill: GOOD.fill } : good === false ? { fill: BAD.fill } : {};

function writeTextCell(target: ExcelJS.Cell, cell: TextCell, label: boolean): void {
  target.value = cell.text.includes('\r') ? cell.text.replace(/\r\n?/g, '\n') : cell.text;
  const wrap = Boolean(cell.wrap || label);
  const formula = looksLikeFormula(cell.text);
  const flags = `${cell.bold ? 1 : 0}${cell.mono ? 1 : 0}${wrap ? 1 : 0}${formula ? 1 : 0}`;
  const key = `t${goodness(cell.good)}${flags}${cell.align ?? 'left'}${cell.indent ?? 0}`;
  setStyle(
    target,
    styled(key, () => ({
      font: cell.mono && cell.good == null ? FONT.mono : fontOf(cell.good, cell.bold),
      alignment: {
        horizontal: cell.align ?? 'left',
        vertical: 'top',
        ...(cell.indent ? { indent: cell.indent } : {}),
        ...(wrap ? { wrapText: true } : {}),
      },
      ...(formula ? { numFmt: '@' } : {}),
      ...fillOf(cell.good),
    })),
  );
}

/** A figure: its number in its format, or "saknas" with the reason as a note, or the suppression mark. */
function writeFigure(target: ExcelJS.Cell, cell: FigureCell, mark: string): void {
  if (cell.hidden) {
    target.value = mark;
    setStyle(
      target,
      styled('hidden', () => ({ font: FONT.body, alignment: RIGHT })),
    );
    return;
  }
  const { value } = cell;
  if (value.value === null) {
    target.value = 'saknas';
    setStyle(
      target,
      styled('missing', () => ({ font: FONT.missing, alignment: RIGHT })),
    );
    target.note = describeMissing(value.missing);
    return;
  }
  target.value = value.value;
  const key = `f${cell.format}${goodness(cell.good)}${cell.bold ? 1 : 0}`;
  setStyle(
    target,
    styled(key, () => ({
      numFmt: FORMAT[cell.format],
      font: fontOf(cell.good, cell.bold),
      alignment: RIGHT,
      ...fillOf(cell.good),
    })),
  );
}
