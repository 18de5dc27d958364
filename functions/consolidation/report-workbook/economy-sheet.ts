import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../../shared/indices/consolidation-model';
import { known } from '../../../shared/indices/measure';
import { CONTRIBUTION_KEYS } from '../../../shared/config/finance';
import { HEADER_FONT } from '../../template-workbook/styles';
import { reportLine, timeText } from './report-text';
import {
  finishSheet,
  FORMAT,
  setStyle,
  writeFootnote,
  writeHeaderRow,
  writeHeading,
  writeMeasure,
  writeSectionTitle,
  writeText,
} from './sheet-kit';

const BOLD = HEADER_FONT;

/**
 * Ekonomi (seed 004, Bilaga 3; seed 001, budget): utfall per budget line and group against the
 * budget pro-rated to the period, the member contributions split by the Finsam keys, and
 * equity at 31 December against the trappan.
 */
export function writeEconomySheet(sheet: ExcelJS.Worksheet, c: Consolidation): void {
  const { outcome, contributions, equity } = c.economy;
  const share = outcome?.share ?? 1;
  let row = writeHeading(sheet, 'Ekonomi', [
    reportLine(c),
    `Belopp i tkr. Budgeten periodiserad: ${Math.round(share * 12)}/12 av helårsbudgeten.`,
  ]);
  const header = row;
  const published = c.meta.variant === 'published';
  writeHeaderRow(sheet, header, [
    'Budgetpost',
    'Utfall',
    'Budget för perioden',
    'Budget helår',
    'Avvikelse utfall − budget',
    ...(published ? [] : ['Kommentar']),
  ]);
  row += 1;
  if (!outcome) {
    writeText(sheet, row, 1, c.economy.missing ?? 'Budget saknas.');
    row += 1;
  } else {
    for (const group of outcome.groups) {
      writeSectionTitle(sheet, row, group.label, published ? 5 : 6);
      row += 1;
      for (const line of outcome.lines.filter((l) => l.group === group.group)) {
        setStyle(writeText(sheet, row, 1, line.label), { alignment: { indent: 1 } });
        writeMeasure(sheet, row, 2, line.utfall, FORMAT.tkr);
        writeMeasure(sheet, row, 3, known(line.budget), FORMAT.tkr);
        writeMeasure(sheet, row, 4, known(line.budgetYear), FORMAT.tkr);
        writeMeasure(sheet, row, 5, line.avvikelse, FORMAT.signedTkr, {
          good: line.avvikelse.value === null ? null : line.avvikelse.value >= 0,
        });
        if (!published && line.comment) writeText(sheet, row, 6, line.comment);
        row += 1;
      }
      writeText(sheet, row, 1, `Summa ${group.label.toLowerCase()}`, BOLD);
      setStyle(writeMeasure(sheet, row, 2, group.utfall, FORMAT.tkr), { font: BOLD });
      setStyle(writeMeasure(sheet, row, 3, known(group.budget), FORMAT.tkr), { font: BOLD });
      setStyle(writeMeasure(sheet, row, 4, known(group.budgetYear), FORMAT.tkr), { font: BOLD });
      writeMeasure(sheet, row, 5, group.avvikelse, FORMAT.signedTkr, {
        good: group.avvikelse.value === null ? null : group.avvikelse.value >= 0,
      });
      const rounding = group.roundingDifference.value;
      if (!published && rounding !== null && Math.abs(rounding) > 1e-9) {
        writeText(
          sheet,
          row,
          6,
          `Inrapporterad summa ${group.reportedSumma.value?.toLocaleString('sv-SE')} (avrundning ` +
            `${rounding > 0 ? '+' : ''}${rounding.toLocaleString('sv-SE')})`,
        );
      }
      row += 2;
    }
    for (const [label, total] of [
      ['Totala kostnader', outcome.costs],
      ['Verksamhetens resultat', outcome.result],
    ] as const) {
      writeText(sheet, row, 1, label, BOLD);
      setStyle(writeMeasure(sheet, row, 2, total.utfall, FORMAT.tkr), { font: BOLD });
      setStyle(writeMeasure(sheet, row, 3, known(total.budget), FORMAT.tkr), { font: BOLD });
      setStyle(writeMeasure(sheet, row, 4, known(total.budgetYear), FORMAT.tkr), { font: BOLD });
      writeMeasure(sheet, row, 5, total.avvikelse, FORMAT.signedTkr, {
        good: total.avvikelse.value === null ? null : total.avvikelse.value >= 0,
      });
      row += 1;
    }
  }
  row += 1;

  writeSectionTitle(sheet, row, `Medlemsavgifter ${c.meta.period.year}`, 5);
  row += 1;
  if (!contributions) {
    writeText(sheet, row, 1, c.economy.contributionsMissing ?? 'Saknas.');
    row += 1;
  } else {
    writeHeaderRow(sheet, row, ['Medlem', 'Andel', 'Beräknad avgift', 'Budget', 'Skillnad']);
    row += 1;
    const { split, budgeted, names } = contributions;
    const member = (label: string, sharePercent: number, amount: number, budget: number | undefined, indent = 0) => {
      setStyle(writeText(sheet, row, 1, label), { alignment: { indent } });
      writeMeasure(sheet, row, 2, known(sharePercent), FORMAT.percent);
      writeMeasure(sheet, row, 3, known(amount), FORMAT.tkr);
      if (budget !== undefined) {
        writeMeasure(sheet, row, 4, known(budget), FORMAT.tkr);
        writeMeasure(sheet, row, 5, known(amount - budget), FORMAT.signedTkr);
      }
      row += 1;
    };
    member('Staten via Försäkringskassan', CONTRIBUTION_KEYS.state, split.state, budgeted.fk);
    member('Region', CONTRIBUTION_KEYS.region, split.region, budgeted.region);
    member('Kommunerna', CONTRIBUTION_KEYS.kommuner, split.kommuner, undefined);
    for (const k of split.perKommun)
      member(
        `${names[k.kommun] ?? k.kommun} (${k.share.toLocaleString('sv-SE')} % av kommunernas del)`,
        (CONTRIBUTION_KEYS.kommuner * k.share) / 100,
        k.amount,
        budgeted[k.kommun],
        1,
      );
    writeFootnote(
      sheet,
      row,
      'Avrundning till hela tkr med största-rest-metoden, så att delarna blir summan ' +
        '(staten/regionen/kommunerna, sedan kommunerna efter befolkningsandel).',
    );
    row += 1;
  }
  row += 1;

  writeSectionTitle(sheet, row, 'Eget kapital mot trappan', 5);
  row += 1;
  const year = c.meta.period.year;
  const pairs: [string, Parameters<typeof writeMeasure>[3]][] = [
    [`Eget kapital 31 december ${year}`, equity.equity],
    [`Eget kapital 31 december ${year - 1}`, c.economy.equityLastYear],
    [`Verksamhetens intäkter ${year} (trappans underlag)`, equity.basis],
    [`Rekommenderad högsta nivå enligt trappan${equity.illustrative ? ' (illustrativt steg)' : ''}`, equity.limit],
  ];
  for (const [label, measure] of pairs) {
    writeText(sheet, row, 1, label);
    writeMeasure(sheet, row, 2, measure, FORMAT.tkr);
    row += 1;
  }
  writeText(sheet, row, 1, 'Över (+) eller under (−) rekommenderad nivå', BOLD);
  writeMeasure(sheet, row, 2, equity.margin, FORMAT.signedTkr, { good: equity.withinLimit });
  row += 1;
  writeFootnote(sheet, row, `Skapad ${timeText(c.meta.generatedAt)}. Trappan: se Om rapporten.`);
  finishSheet(sheet, { headerRow: header, lastRow: row, lastColumn: published ? 5 : 6, minLabelWidth: 46 });
}
