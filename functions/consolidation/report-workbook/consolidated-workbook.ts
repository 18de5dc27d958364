import { exceljs } from '../../template-workbook/exceljs';
import type { Consolidation } from '../../../shared/indices/consolidation-model';
import { writeAboutSheet, type WorkbookInfo } from './about-sheet';
import { writeEconomySheet } from './economy-sheet';
import { packWithFixedDate } from './fixed-zip';
import { writeHaeSheet } from './hae-sheet';
import { writeImpactSheet } from './impact-sheet';
import { writeIndicatorsSheet } from './indicators-sheet';
import { writePlatformSheet } from './platform-sheet';
import { sheetName } from './sheet-kit';
import { writeSubmissionsSheet } from './submissions-sheet';
import { writeSummarySheet } from './summary-sheet';
import { VARIANT_LABEL } from './report-text';

export type { WorkbookInfo } from './about-sheet';

/**
 * Writes the consolidated workbook: Sammanfattning, one sheet per platform group and platform,
 * Impactindex, Indikatorer per kommun, Helårsekvivalenter, Ekonomi, Inlämningar and Om
 * rapporten. Deterministic: the same consolidation (including its generatedAt) gives the same
 * bytes — document dates come from generatedAt and zip entries are dated to it.
 *
 * @example
 * const xlsx = await writeConsolidatedWorkbook(consolidate(input), { inputsHash, generator: 'Samlad 0.1.0' });
 */
export async function writeConsolidatedWorkbook(c: Consolidation, info: WorkbookInfo): Promise<Buffer> {
  const generatedAt = new Date(c.meta.generatedAt);
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Samlad';
  workbook.lastModifiedBy = 'Samlad';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.title = `Konsoliderad rapport ${c.meta.forbund.name} ${c.meta.period.id}`;
  workbook.subject = VARIANT_LABEL[c.meta.variant];
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  const taken = new Set<string>();
  const add = (name: string) => workbook.addWorksheet(sheetName(name, taken), { properties: { defaultRowHeight: 15 } });
  writeSummarySheet(workbook, add('Sammanfattning'), c);
  for (const scope of c.participants) writePlatformSheet(add(scope.name), c, scope);
  writeImpactSheet(add('Impactindex'), c);
  writeIndicatorsSheet(add('Indikatorer per kommun'), c);
  writeHaeSheet(workbook, add('Helårsekvivalenter'), c);
  writeEconomySheet(add('Ekonomi'), c);
  writeSubmissionsSheet(add('Inlämningar'), c);
  writeAboutSheet(add('Om rapporten'), c, info);

  // Stored, not deflated: packWithFixedDate deflates once, natively, while it re-dates the entries.
  const stored = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  return packWithFixedDate(stored, generatedAt);
}
