import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../../shared/indices/consolidation-model';
import { HEADER_FONT } from '../../template-workbook/styles';
import { BASIS_LABEL, timeText, VARIANT_LABEL } from './report-text';
import { finishSheet, setStyle, writeHeading, writeSectionTitle, writeText } from './sheet-kit';

export interface WorkbookInfo {
  /** A hash of everything the report was built from, shown in Om rapporten. */
  inputsHash: string;
  /** "Samlad 0.1.0" */
  generator: string;
  /** Which settings version the report was built with, and the configuration's hash. */
  settings?: { text: string; sha256: string };
}

/** Om rapporten: what it is, when and from what it was made, and how its figures are computed. */
export function writeAboutSheet(sheet: ExcelJS.Worksheet, c: Consolidation, info: WorkbookInfo): void {
  let row = writeHeading(sheet, 'Om rapporten', [`Samlad – konsoliderad rapport för ${c.meta.forbund.name}`]);
  const facts: [string, string][] = [
    ['Förbund', `${c.meta.forbund.name} (${c.meta.forbund.id})`],
    ['Period', `${c.meta.periodLabel} (${c.meta.period.id}); jämförelse med ${c.meta.lastYearPeriod}`],
    ['Version', VARIANT_LABEL[c.meta.variant]],
    ['Underlag', BASIS_LABEL[c.meta.basis]],
    ['Skapad', timeText(c.meta.generatedAt)],
    ['Skapad av', info.generator],
    ['Underlagets hash', info.inputsHash],
    ...(info.settings
      ? ([
          ['Inställningar', info.settings.text],
          ['Inställningarnas hash', info.settings.sha256],
        ] as [string, string][])
      : []),
  ];
  for (const [key, value] of facts) {
    writeText(sheet, row, 1, key, HEADER_FONT);
    writeText(sheet, row, 2, value, undefined, false);
    row += 1;
  }
  row += 1;
  writeSectionTitle(sheet, row, 'Mallar', 2);
  row += 1;
  for (const t of c.meta.templates) {
    writeText(sheet, row, 1, t.title);
    writeText(sheet, row, 2, `${t.id}, version ${t.version}`, undefined, false);
    row += 1;
  }
  row += 1;
  const used = c.completeness.flatMap((r) => r.used);
  writeSectionTitle(sheet, row, `Inlämningar som rapporten bygger på (${used.length})`, 2);
  row += 1;
  for (const u of used) {
    writeText(sheet, row, 1, u.id);
    writeText(sheet, row, 2, u.sha256, { name: 'Consolas', size: 9 }, false);
    row += 1;
  }
  row += 1;
  writeSectionTitle(sheet, row, 'Metod', 2);
  row += 1;
  for (const note of c.notes) {
    // Styled before merging: the merged cell takes the style its first cell has then.
    setStyle(writeText(sheet, row, 1, note, undefined, false), { alignment: { wrapText: true, vertical: 'top' } });
    sheet.mergeCells(row, 1, row, 2);
    sheet.getRow(row).height = 15 * Math.max(1, Math.ceil(note.length / 110));
    row += 1;
  }
  if (c.meta.suppression) {
    writeText(sheet, row, 1, c.meta.suppression.footnote, undefined, false);
    row += 1;
  }
  finishSheet(sheet, { headerRow: 1, lastRow: row, lastColumn: 2, minLabelWidth: 42 });
  sheet.getColumn(2).width = 80;
}
