import type ExcelJS from 'exceljs';
import type { Consolidation, HeadlineRow } from '../../../shared/indices/consolidation-model';
import { renderBarChart } from '../chart/bar-chart';
import { reportLine, SV_NUMBER, targetText, timeText, yearOf } from './report-text';
import {
  addChart,
  finishSheet,
  FORMAT,
  paint,
  setStyle,
  writeFootnote,
  writeHeaderRow,
  writeHeading,
  writeMeasure,
  writeText,
  type NumberFormat,
} from './sheet-kit';

const VALUE_FORMAT = { '%': FORMAT.percent, index: FORMAT.index, tkr: FORMAT.tkr } satisfies Record<
  HeadlineRow['unit'],
  NumberFormat
>;
const DIFF_FORMAT = { '%': FORMAT.points, index: FORMAT.signedIndex, tkr: FORMAT.signedTkr } satisfies Record<
  HeadlineRow['unit'],
  NumberFormat
>;

const THIS_YEAR: readonly [number, number, number] = [31, 78, 121];
const LAST_YEAR: readonly [number, number, number] = [166, 166, 166];

const percent = (v: number) => `${SV_NUMBER.format(v)} %`;

/** Charts of the headline: positiv lösning and Impactindex per scope, this year and last. */
function charts(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, c: Consolidation, row: number): number {
  const year = String(c.meta.period.year);
  const lastYear = yearOf(c.meta.lastYearPeriod);
  const pick = (label: string) => c.headline.filter((h) => h.label === label);
  const visible = (h: HeadlineRow, which: 'current' | 'lastYear') => (h.hidden ? null : h[which].value);
  const positive = pick('Andel positiv lösning');
  if (positive.length > 0) {
    const target = positive[0]?.target;
    row = addChart(
      workbook,
      sheet,
      renderBarChart({
        title: 'Andel positiv lösning (%)',
        categories: positive.map((h) => h.scope),
        series: [
          { name: year, color: THIS_YEAR, values: positive.map((h) => visible(h, 'current')) },
          { name: lastYear, color: LAST_YEAR, values: positive.map((h) => visible(h, 'lastYear')) },
        ],
        max: 100,
        ...(target ? { target: { value: target.value, label: `Mål ${targetText({ target, unit: '%' })}` } } : {}),
        format: percent,
      }),
      row,
    );
  }
  const impact = pick('Impactindex');
  if (impact.some((h) => h.current.value !== null || h.lastYear.value !== null)) {
    const target = impact[0]?.target;
    row = addChart(
      workbook,
      sheet,
      renderBarChart({
        title: 'Impactindex',
        categories: impact.map((h) => h.scope),
        series: [
          { name: year, color: THIS_YEAR, values: impact.map((h) => h.current.value) },
          { name: lastYear, color: LAST_YEAR, values: impact.map((h) => h.lastYear.value) },
        ],
        max: 100,
        ...(target ? { target: { value: target.value, label: `Mål ${targetText({ target, unit: 'index' })}` } } : {}),
        format: (v) => SV_NUMBER.format(v),
      }),
      row,
    );
  }
  return row;
}

/**
 * Sammanfattning: the headline figures against their targets — green where reached, red where
 * not — with last year and the Diff, then the charts.
 */
export function writeSummarySheet(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, c: Consolidation): void {
  let row = writeHeading(sheet, 'Sammanfattning', [reportLine(c), `Skapad ${timeText(c.meta.generatedAt)}`]);
  const year = String(c.meta.period.year);
  const header = row;
  writeHeaderRow(sheet, header, ['Område', 'Mått', year, yearOf(c.meta.lastYearPeriod), 'Diff', 'Mål', 'Uppnått']);
  row += 1;
  const mark = c.meta.suppression?.mark;
  for (const h of c.headline) {
    writeText(sheet, row, 1, h.scope);
    writeText(sheet, row, 2, h.label);
    writeMeasure(sheet, row, 3, h.current, VALUE_FORMAT[h.unit], { hidden: h.hidden, mark, good: h.reached });
    writeMeasure(sheet, row, 4, h.lastYear, VALUE_FORMAT[h.unit], { hidden: h.hidden, mark });
    writeMeasure(sheet, row, 5, h.diff, DIFF_FORMAT[h.unit], { hidden: h.hidden, mark });
    setStyle(writeText(sheet, row, 6, targetText(h)), { alignment: { horizontal: 'center' } });
    const verdict = setStyle(
      writeText(sheet, row, 7, h.hidden || h.reached === null ? '–' : h.reached ? 'Ja' : 'Nej'),
      { alignment: { horizontal: 'center' } },
    );
    if (!h.hidden) paint(verdict, h.reached);
    row += 1;
  }
  const lastTableRow = row - 1;
  row += 1;
  if (c.meta.suppression) {
    writeFootnote(sheet, row, c.meta.suppression.footnote);
    row += 1;
  }
  writeFootnote(
    sheet,
    row,
    '”saknas” = uppgiften finns inte i underlaget; cellens kommentar säger varför. Saknade värden räknas aldrig som 0.',
  );
  row += 2;
  const end = charts(workbook, sheet, c, row);
  finishSheet(sheet, {
    headerRow: header,
    labelColumns: 2,
    lastRow: Math.max(lastTableRow, end),
    lastColumn: 7,
    minLabelWidth: 22,
  });
}
