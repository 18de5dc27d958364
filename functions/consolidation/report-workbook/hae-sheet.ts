import type ExcelJS from 'exceljs';
import type { Consolidation, HaeComparison } from '../../../shared/indices/consolidation-model';
import { HAE_BENEFITS, HAE_LABEL, type HaeFigures } from '../../../shared/indices/helarsekvivalenter';
import { renderBarChart } from '../chart/bar-chart';
import { reportLine, SV_NUMBER } from './report-text';
import {
  addChart,
  finishSheet,
  FORMAT,
  writeFootnote,
  writeHeaderRow,
  writeHeading,
  writeMeasure,
  writeSectionTitle,
  writeText,
} from './sheet-kit';

const FORBUND_COLOR: readonly [number, number, number] = [31, 78, 121];
const RIKET_COLOR: readonly [number, number, number] = [166, 166, 166];
const BOLD = { name: 'Calibri', size: 11, bold: true } as const;

/**
 * Helårsekvivalenter (SCB, 20–64 år, first half-year): per kommun, for the förbund and for riket,
 * the count per benefit, SCB's summa as a share of the population against last year's, the share
 * per benefit, and the share first half-year by first half-year with a chart of the förbund
 * against riket (seed 001, Figur 2).
 */
export function writeHaeSheet(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, c: Consolidation): void {
  const hae = c.helarsekvivalenter;
  const { period, lastYearPeriod } = hae;
  const regions: { figures: HaeComparison; total: boolean }[] = [
    ...hae.kommuner.map((k) => ({ figures: k, total: false })),
    { figures: hae.forbund, total: true },
    { figures: hae.riket, total: true },
  ];
  const name = (f: HaeFigures, total: boolean) => ({ text: f.name, font: total ? BOLD : undefined });
  const lastColumn = 7 + HAE_BENEFITS.length;
  let row = writeHeading(sheet, 'Helårsekvivalenter per kommun', [
    reportLine(c),
    `SCB, 20–64 år, första halvåret (medelvärdet av januari–juni), ${period} jämfört med ${lastYearPeriod}.`,
  ]);
  const header = row;
  writeHeaderRow(sheet, header, [
    'Region',
    HAE_LABEL.folkmangd,
    ...HAE_BENEFITS.map((b) => HAE_LABEL[b]),
    HAE_LABEL.summa,
    'Andel av befolkningen',
    `Andel ${lastYearPeriod}`,
    'Diff %-enheter',
    HAE_LABEL.andel,
  ]);
  row += 1;
  for (const { figures: k, total } of regions) {
    const label = name(k.current, total);
    writeText(sheet, row, 1, label.text, label.font);
    writeMeasure(sheet, row, 2, k.current.population, FORMAT.count);
    HAE_BENEFITS.forEach((b, i) => writeMeasure(sheet, row, 3 + i, k.current.benefits[b].count, FORMAT.decimal));
    const next = 3 + HAE_BENEFITS.length;
    writeMeasure(sheet, row, next, k.current.total.count, FORMAT.decimal);
    writeMeasure(sheet, row, next + 1, k.current.total.share, FORMAT.percent);
    writeMeasure(sheet, row, next + 2, k.share.lastYear, FORMAT.percent);
    const good = k.share.assessment === 'good' ? true : k.share.assessment === 'bad' ? false : null;
    writeMeasure(sheet, row, next + 3, k.share.diff, FORMAT.points, { good });
    writeMeasure(sheet, row, next + 4, k.current.scbShare, FORMAT.percent);
    row += 1;
  }

  row += 1;
  writeHeaderRow(sheet, row, [
    'Andel av befolkningen 20–64 år',
    '',
    ...HAE_BENEFITS.map((b) => HAE_LABEL[b]),
    HAE_LABEL.summa,
  ]);
  row += 1;
  for (const { figures: k, total } of regions) {
    const label = name(k.current, total);
    writeText(sheet, row, 1, label.text, label.font);
    HAE_BENEFITS.forEach((b, i) => writeMeasure(sheet, row, 3 + i, k.current.benefits[b].share, FORMAT.percent));
    writeMeasure(sheet, row, 3 + HAE_BENEFITS.length, k.current.total.share, FORMAT.percent);
    row += 1;
  }

  const { periods, rows } = hae.series;
  row += 1;
  writeSectionTitle(sheet, row, 'Andel av befolkningen 20–64 år, första halvåret år för år', lastColumn);
  row += 1;
  writeHeaderRow(sheet, row, ['Region', ...periods]);
  row += 1;
  for (const r of rows) {
    writeText(sheet, row, 1, r.name, r.kind === 'kommun' ? undefined : BOLD);
    r.shares.forEach((share, i) => writeMeasure(sheet, row, 2 + i, share, FORMAT.percent));
    row += 1;
  }
  row += 1;
  writeFootnote(
    sheet,
    row,
    'Andel = Summa helårsekvivalenter (sjukpenning, sjuk- och aktivitetsersättning, ' +
      'arbetslöshetsersättning, arbetsmarknadsåtgärder, ekonomiskt bistånd och etableringsersättning) / ' +
      'folkmängden 20–64 år × 100. Förbundet = kommunernas summor. Grön Diff = andelen har minskat.',
  );
  row += 2;
  const forbund = rows.find((r) => r.kind === 'forbund');
  const riket = rows.find((r) => r.kind === 'riket');
  if (forbund && riket)
    addChart(
      workbook,
      sheet,
      renderBarChart({
        title: `Helårsekvivalenter som andel av befolkningen, ${forbund.name} och riket (%)`,
        categories: periods,
        series: [
          { name: forbund.name, color: FORBUND_COLOR, values: forbund.shares.map((s) => s.value) },
          { name: 'Riket', color: RIKET_COLOR, values: riket.shares.map((s) => s.value) },
        ],
        max: Math.max(20, ...[...forbund.shares, ...riket.shares].map((s) => Math.ceil((s.value ?? 0) / 5) * 5)),
        format: (v) => `${SV_NUMBER.format(v)} %`,
      }),
      row,
    );
  finishSheet(sheet, { headerRow: header, lastRow: row, lastColumn, minLabelWidth: 22 });
}
