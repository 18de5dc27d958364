import type { Measure } from '../indices/measure';

/**
 * The consolidated workbook as data: sheets of blocks of rows of cells, every figure with its
 * defined name. Built in `shared/` from the template model and the named computations; one
 * renderer (functions/consolidation/report-workbook) writes any sheet of it with exceljs. Nothing here
 * knows a template.
 */

/** Excel number formats by what a figure is (see the renderer's FORMAT). */
export const FIGURE_FORMATS = [
  'count',
  'decimal',
  'percent',
  'points',
  'signedCount',
  'signedDecimal',
  'tkr',
  'signedTkr',
  'index',
  'signedIndex',
] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

export interface FigureCell {
  kind: 'figure';
  value: Measure;
  format: FigureFormat;
  /** Its defined name in the workbook (`SAMR.…`, see figure-names). */
  name: string;
  /** Suppressed in the published variant: the mark stands in its place. */
  hidden?: boolean;
  /** Green when true, red when false. */
  good?: boolean | null;
  bold?: boolean;
}

export interface TextCell {
  kind: 'text';
  text: string;
  bold?: boolean;
  good?: boolean | null;
  align?: 'left' | 'center' | 'right';
  /** Free text that may be long: wrapped within its column. */
  wrap?: boolean;
  /** Hashes and ids. */
  mono?: boolean;
  /** Steps of indentation (a label's "varav"). */
  indent?: number;
}

export type ReportCell = FigureCell | TextCell | null;

export interface ReportRow {
  cells: ReportCell[];
}

export interface ReportBlock {
  /** A shaded title bar above the block. */
  title?: string;
  /** Merged headings over runs of columns, left to right from the first column. */
  groups?: { label: string; span: number }[];
  /** Column headings, the label columns included. */
  header?: string[];
  rows: ReportRow[];
  footnotes?: string[];
  /** Starts on a new printed page. */
  pageBreak?: boolean;
  /** A chart of the block's figures, drawn right after it. */
  chart?: ChartSpec;
}

/** A clustered column chart of figures, drawn as a native chart from a data block on its sheet. */
export interface ChartSpec {
  /** Unique in the report; part of the chart data's defined names. */
  id: string;
  title: string;
  categories: { key: string; label: string }[];
  series: { key: string; label: string; values: Measure[]; hidden?: boolean[] }[];
  unit: '%' | 'index';
  /** The value axis' top: 100 unless the figures are small (shares of a population). */
  max?: number;
  /**
   * A block's chart drawn from the block's own rows, these indices, one series each (in `series`'
   * order; the header's figure columns are the categories), instead of from a data block of its own.
   */
  fromRows?: number[];
  /** A target drawn as a line across the chart. */
  target?: { value: number; label: string };
}

export interface ReportSheet {
  /** Unique in the report. */
  id: string;
  /** Short tab name (≤ 31 characters, made unique by the renderer). */
  tab: string;
  title: string;
  subtitle: string[];
  blocks: ReportBlock[];
  /** Label columns on the left, frozen with the heading. */
  labelColumns: number;
  /** Least width of the first column, in characters. */
  labelWidth?: number;
  charts?: ChartSpec[];
}

export const text = (value: string, options: Omit<TextCell, 'kind' | 'text'> = {}): TextCell => ({
  kind: 'text',
  text: value,
  ...options,
});

export const figure = (
  value: Measure,
  format: FigureFormat,
  name: string,
  options: Omit<FigureCell, 'kind' | 'value' | 'format' | 'name'> = {},
): FigureCell => ({ kind: 'figure', value, format, name, ...options });
