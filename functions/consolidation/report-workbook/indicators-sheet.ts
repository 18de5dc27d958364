import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../../shared/indices/consolidation-model';
import { reportLine } from './report-text';
import {
  finishSheet,
  FORMAT,
  setStyle,
  writeFootnote,
  writeHeaderRow,
  writeHeading,
  writeMeasure,
  writeText,
} from './sheet-kit';

const DIRECTION_LABEL = { up: 'Ökning är bra', down: 'Minskning är bra' } as const;

/**
 * Strategic indicators per kommun (seed 004, Bilaga 4): one row per indicator, three columns per
 * kommun (last year, this year, Diff); the Diff is green when the change goes the indicator's
 * good way and red when not ("Gröna siffror är positivt och röda siffror är negativt resultat").
 */
export function writeIndicatorsSheet(sheet: ExcelJS.Worksheet, c: Consolidation): void {
  const { rows, year, hidden } = c.indicators;
  let row = writeHeading(sheet, 'Strategiska indikatorer per kommun', [
    reportLine(c),
    `Helår ${year} jämfört med ${year - 1}. Tomt underlag visas som ”saknas”, aldrig som 0.`,
  ]);
  const kommuner = rows[0]?.byKommun.map((k) => k.kommun) ?? [];
  const first = 4;
  const groupHeader = row;
  kommuner.forEach((k, i) => {
    // Styled before merging: the merged cells take the style the first one has then.
    setStyle(
      writeText(
        sheet,
        groupHeader,
        first + i * 3,
        k.name.replace(/ kommun$/, ''),
        { name: 'Calibri', size: 11, bold: true },
        false,
      ),
      { alignment: { horizontal: 'center' } },
    );
    sheet.mergeCells(groupHeader, first + i * 3, groupHeader, first + i * 3 + 2);
  });
  row += 1;
  const header = row;
  writeHeaderRow(sheet, header, [
    'Indikator',
    'Enhet',
    'Riktning',
    ...kommuner.flatMap(() => [String(year - 1), String(year), 'Diff']),
  ]);
  row += 1;
  const mark = c.meta.suppression?.mark;
  for (const indicator of rows) {
    writeText(sheet, row, 1, indicator.label);
    writeText(sheet, row, 2, indicator.unit ?? '');
    writeText(sheet, row, 3, indicator.direction ? DIRECTION_LABEL[indicator.direction] : '');
    const format = indicator.isCount ? FORMAT.count : FORMAT.decimal;
    const diffFormat = indicator.isCount ? FORMAT.signedCount : FORMAT.signedDecimal;
    indicator.byKommun.forEach(({ kommun, comparison }, i) => {
      const nowHidden = hidden.has(`${indicator.rowId}:${kommun.id}:current`);
      const lastHidden = hidden.has(`${indicator.rowId}:${kommun.id}:lastYear`);
      writeMeasure(sheet, row, first + i * 3, comparison.lastYear, format, { hidden: lastHidden, mark });
      writeMeasure(sheet, row, first + i * 3 + 1, comparison.current, format, { hidden: nowHidden, mark });
      const good = comparison.assessment === 'good' ? true : comparison.assessment === 'bad' ? false : null;
      writeMeasure(sheet, row, first + i * 3 + 2, comparison.diff, diffFormat, {
        hidden: nowHidden || lastHidden,
        mark,
        good,
      });
    });
    row += 1;
  }
  writeFootnote(
    sheet,
    row + 1,
    'Grön Diff = förändring åt det håll som är bra för indikatorn, röd = åt fel håll (även när siffran är negativ).',
  );
  if (c.meta.suppression) writeFootnote(sheet, row + 2, c.meta.suppression.footnote);
  finishSheet(sheet, {
    headerRow: header,
    labelColumns: 1,
    lastRow: row + 2,
    lastColumn: first - 1 + kommuner.length * 3,
    minLabelWidth: 50,
  });
}
