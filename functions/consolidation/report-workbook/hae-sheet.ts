import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../../shared/indices/consolidation-model';
import { HAE_BENEFITS, HAE_LABEL, HAE_SEPARATE } from '../../../shared/indices/helarsekvivalenter';
import { reportLine } from './report-text';
import { finishSheet, FORMAT, writeFootnote, writeHeaderRow, writeHeading, writeMeasure, writeText } from './sheet-kit';

/**
 * Helårsekvivalenter per kommun (SCB, 20–64 år, first half-year): the count per benefit, their
 * sum as a share of the population, last year's share and the Diff (down is good).
 */
export function writeHaeSheet(sheet: ExcelJS.Worksheet, c: Consolidation): void {
  const { kommuner, period, lastYearPeriod } = c.helarsekvivalenter;
  let row = writeHeading(sheet, 'Helårsekvivalenter per kommun', [
    reportLine(c),
    `SCB, 20–64 år, ${period} jämfört med ${lastYearPeriod}.`,
  ]);
  const header = row;
  writeHeaderRow(sheet, header, [
    'Kommun',
    HAE_LABEL.befolkning_20_64,
    ...HAE_BENEFITS.map((b) => HAE_LABEL[b]),
    'Summa',
    'Andel av befolkningen',
    `Andel ${lastYearPeriod}`,
    'Diff %-enheter',
    `${HAE_LABEL[HAE_SEPARATE]} (egen serie)`,
  ]);
  row += 1;
  for (const k of kommuner) {
    writeText(sheet, row, 1, k.current.kommun.name);
    writeMeasure(sheet, row, 2, k.current.population, FORMAT.count);
    HAE_BENEFITS.forEach((b, i) => writeMeasure(sheet, row, 3 + i, k.current.benefits[b].count, FORMAT.decimal));
    const next = 3 + HAE_BENEFITS.length;
    writeMeasure(sheet, row, next, k.current.total.count, FORMAT.decimal);
    writeMeasure(sheet, row, next + 1, k.share.current, FORMAT.percent);
    writeMeasure(sheet, row, next + 2, k.share.lastYear, FORMAT.percent);
    const good = k.share.assessment === 'good' ? true : k.share.assessment === 'bad' ? false : null;
    writeMeasure(sheet, row, next + 3, k.share.diff, FORMAT.points, { good });
    writeMeasure(sheet, row, next + 4, k.current.benefits[HAE_SEPARATE].count, FORMAT.decimal);
    row += 1;
  }
  row += 1;
  writeHeaderRow(sheet, row, ['Andel av befolkningen 20–64 år', '', ...HAE_BENEFITS.map((b) => HAE_LABEL[b]), 'Summa']);
  row += 1;
  for (const k of kommuner) {
    writeText(sheet, row, 1, k.current.kommun.name);
    HAE_BENEFITS.forEach((b, i) => writeMeasure(sheet, row, 3 + i, k.current.benefits[b].share, FORMAT.percent));
    writeMeasure(sheet, row, 3 + HAE_BENEFITS.length, k.current.total.share, FORMAT.percent);
    row += 1;
  }
  writeFootnote(
    sheet,
    row + 1,
    'Andel = (sjukpenning + sjuk- och aktivitetsersättning + arbetslöshet + ekonomiskt bistånd + ' +
      'etableringsersättning) / befolkningen 20–64 år × 100. Grön Diff = andelen har minskat.',
  );
  finishSheet(sheet, { headerRow: header, lastRow: row + 1, lastColumn: 8 + HAE_BENEFITS.length, minLabelWidth: 22 });
}
