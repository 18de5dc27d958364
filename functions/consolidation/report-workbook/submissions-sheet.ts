import type ExcelJS from 'exceljs';
import type { Consolidation, SubmissionRecord } from '../../../shared/indices/consolidation-model';
import { reportLine, timeText } from './report-text';
import { finishSheet, paint, writeFootnote, writeHeaderRow, writeHeading, writeNumber, writeText } from './sheet-kit';

const STATE_LABEL = { inskickad: 'Inskickad', godkand: 'Godkänd', returnerad: 'Returnerad' } satisfies Record<
  SubmissionRecord['state'],
  string
>;

/**
 * Inlämningar: for every template, period and scope the report draws on, which submission
 * (party, version, state, time, SHA-256) it used — or that none was there. With the hashes a
 * reader can tell exactly which figures a report was built from.
 */
export function writeSubmissionsSheet(sheet: ExcelJS.Worksheet, c: Consolidation): void {
  const rows = c.completeness;
  const used = rows.filter((r) => r.used.length > 0).length;
  let row = writeHeading(sheet, 'Inlämningar', [
    reportLine(c),
    `${used} av ${rows.length} förväntade inrapporteringar finns i underlaget ` +
      `(${rows.reduce((a, r) => a + r.used.length, 0)} inlämningar).`,
  ]);
  const header = row;
  const published = c.meta.variant === 'published';
  writeHeaderRow(sheet, header, [
    'Mall',
    'Period',
    'Omfång',
    'Part',
    'Status',
    'Version',
    'Mallversion',
    'Inlämnad',
    'Senast ändrad',
    'SHA-256',
    ...(published ? [] : ['Kommentar']),
  ]);
  row += 1;
  for (const r of rows) {
    const entries = r.used.length > 0 ? r.used : [undefined];
    for (const u of entries) {
      writeText(sheet, row, 1, r.templateTitle);
      writeText(sheet, row, 2, r.period);
      writeText(sheet, row, 3, r.scopeName);
      if (!u) {
        paint(writeText(sheet, row, 5, 'Saknas'), false);
      } else {
        writeText(sheet, row, 4, u.partyName);
        paint(
          writeText(sheet, row, 5, STATE_LABEL[u.state]),
          u.state === 'godkand' ? true : u.state === 'returnerad' ? false : null,
        );
        writeNumber(sheet, row, 6, u.version, '#,##0');
        writeNumber(sheet, row, 7, u.templateVersion, '#,##0');
        writeText(sheet, row, 8, timeText(u.submittedAt));
        writeText(sheet, row, 9, timeText(u.updatedAt));
        writeText(sheet, row, 10, u.sha256, { name: 'Consolas', size: 9 });
        if (!published && u.comment) writeText(sheet, row, 11, u.comment);
      }
      row += 1;
    }
  }
  writeFootnote(
    sheet,
    row + 1,
    'SHA-256 är inlämningens innehållshash (mall, version, omfång och värden); samma siffror ger samma hash.',
  );
  finishSheet(sheet, {
    headerRow: header,
    labelColumns: 1,
    lastRow: row + 1,
    lastColumn: published ? 10 : 11,
    minLabelWidth: 30,
  });
}
