import type ExcelJS from 'exceljs';
import { sheetAddress } from '../../shared/model/layout';
import type { TemplateDefinition } from '../../shared/model/template-schema';
import {
  FIELD_COLUMN,
  HELP_ROW,
  settingsAreas,
  settingsNames,
  SETTINGS_SHEETS,
  sheetPositions,
  SUBTITLE_ROW,
  TABLE_LEFT,
  TITLE_ROW,
  documentYear,
  type SettingsColumn,
  type SettingsDocument,
  type SettingsSheetLayout,
} from '../../shared/settings';
import { exceljs } from '../template-workbook/exceljs';
import {
  HEADER_BORDER,
  HEADER_FONT,
  HELP_FONT,
  INPUT_BORDER,
  INPUT_FILL,
  NOT_APPLICABLE_FILL,
  SUBTITLE_FONT,
  TITLE_FONT,
} from '../template-workbook/styles';

export interface SettingsWorkbookInput {
  document: SettingsDocument;
  templates: readonly TemplateDefinition[];
  /** The version the workbook shows (null: the year has none of its own yet). */
  version: number | null;
  /** The förbund's name for the subtitle (a new förbund has none yet). */
  forbundName: string;
  generatedAt: Date;
}

type Spec = Pick<SettingsColumn, 'kind' | 'choices' | 'min' | 'max' | 'integer' | 'required'> & { label: string };

/** Excel's own checks while typing, in Swedish; the upload's reader is what decides. */
function validationFor(spec: Spec): ExcelJS.DataValidation | undefined {
  const prompt = (text: string) => ({ showInputMessage: true, promptTitle: spec.label.slice(0, 32), prompt: text });
  const refuse = (text: string) => ({
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: 'Samlad',
    error: text,
  });
  switch (spec.kind) {
    case 'number': {
      const min = spec.min ?? -1e12;
      const max = spec.max ?? 1e12;
      const range = `${spec.integer ? 'ett heltal' : 'ett tal'} mellan ${min} och ${max}`;
      return {
        type: spec.integer ? 'whole' : 'decimal',
        operator: 'between',
        formulae: [min, max],
        allowBlank: true,
        ...prompt(`Skriv ${range}.`),
        ...refuse(`Skriv ${range}.`),
      };
    }
    case 'yesno':
      return {
        type: 'list',
        formulae: ['"Ja,Nej"'],
        allowBlank: true,
        ...prompt('Välj Ja eller Nej.'),
        ...refuse('Välj Ja eller Nej.'),
      };
    case 'choice': {
      const labels = (spec.choices ?? []).map((c) => c.label).join(',');
      return {
        type: 'list',
        formulae: [`"${labels}"`],
        allowBlank: true,
        ...prompt('Välj i listan.'),
        ...refuse('Välj ett av värdena i listan.'),
      };
    }
    case 'date':
      return {
        type: 'textLength',
        operator: 'equal',
        formulae: [10],
        allowBlank: true,
        ...prompt('Skriv datumet ÅÅÅÅ-MM-DD.'),
        ...refuse('Skriv datumet ÅÅÅÅ-MM-DD, t.ex. 2025-05-15.'),
      };
    case 'ids':
      return {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [2000],
        allowBlank: true,
        ...prompt('Id:n från bladet Parter och kommuner, åtskilda med komma.'),
      };
    default:
      return undefined;
  }
}

function styleCell(cell: ExcelJS.Cell, spec: Spec, input: boolean): void {
  if (input) {
    cell.fill = INPUT_FILL;
    cell.border = INPUT_BORDER;
    const validation = validationFor(spec);
    if (validation) cell.dataValidation = validation;
  } else {
    cell.fill = NOT_APPLICABLE_FILL;
  }
  // Text stays text: a kommunkod keeps its leading zero, a date is not turned into a number.
  if (spec.kind === 'text' || spec.kind === 'date' || spec.kind === 'ids') cell.numFmt = '@';
  if (spec.kind === 'text' || spec.kind === 'ids' || spec.kind === 'info')
    cell.alignment = { wrapText: true, vertical: 'top' };
}

function writeHeading(sheet: ExcelJS.Worksheet, layout: SettingsSheetLayout, subtitle: string, width: number): void {
  sheet.getCell(TITLE_ROW, 1).value = layout.title;
  sheet.getCell(TITLE_ROW, 1).font = TITLE_FONT;
  sheet.getRow(TITLE_ROW).height = 24;
  sheet.getCell(SUBTITLE_ROW, 1).value = subtitle;
  sheet.getCell(SUBTITLE_ROW, 1).font = SUBTITLE_FONT;
  const help = sheet.getCell(HELP_ROW, 1);
  help.value = layout.help;
  help.font = HELP_FONT;
  help.alignment = { wrapText: true, vertical: 'top' };
  if (width > 1) sheet.mergeCells(HELP_ROW, 1, HELP_ROW, width);
  sheet.getRow(HELP_ROW).height = 15 * Math.max(2, Math.ceil(layout.help.length / 110));
}

function writeSheet(
  workbook: ExcelJS.Workbook,
  layout: SettingsSheetLayout,
  areas: ReturnType<typeof settingsAreas>,
  subtitle: string,
): void {
  for (const n of settingsNames(layout)) workbook.definedNames.add(sheetAddress(n.sheet, n.address), n.name);
  const table = layout.table;
  const width = Math.max(table?.columns.length ?? 2, 2);
  const positions = sheetPositions(layout);
  const sheet = workbook.addWorksheet(layout.sheetName, {
    views: [{ state: 'frozen', ySplit: positions.headerRow ?? 0, showGridLines: false }],
  });
  (table?.columns ?? []).forEach((c, i) => (sheet.getColumn(TABLE_LEFT + i).width = c.width));
  if (!table) {
    sheet.getColumn(1).width = 28;
    sheet.getColumn(2).width = 60;
  } else if (layout.fields.length > 0) sheet.getColumn(1).width = Math.max(sheet.getColumn(1).width ?? 10, 24);
  writeHeading(sheet, layout, subtitle, width);

  for (const field of layout.fields) {
    const row = positions.fieldRows.get(field.id) ?? 0;
    const label = sheet.getCell(row, 1);
    label.value = field.label;
    label.font = HEADER_FONT;
    if (field.help) label.note = field.help;
    const cell = sheet.getCell(row, FIELD_COLUMN);
    const raw = areas.get(field.id)?.cells[0]?.[0];
    cell.value = raw?.kind === 'value' ? raw.raw : null;
    styleCell(cell, field, !field.locked);
  }

  if (!table || positions.headerRow === undefined) return;
  const area = areas.get(table.id);
  const top = positions.headerRow;
  area?.cells.forEach((cells, r) =>
    cells.forEach((raw, c) => {
      const cell = sheet.getCell(top + r, TABLE_LEFT + c);
      cell.value = raw.kind === 'value' ? raw.raw : null;
      const column = table.columns[c];
      if (!column) return;
      if (r === 0) {
        cell.font = HEADER_FONT;
        cell.border = HEADER_BORDER;
        cell.alignment = { wrapText: true, vertical: 'bottom' };
        if (column.help) cell.note = column.help;
      } else styleCell(cell, { ...column, label: column.header }, column.kind !== 'info' && !column.locked);
    }),
  );
  const end = sheet.getCell(positions.endRow ?? top + table.capacity + 1, 1);
  end.value = '▲ Tabellen slutar här. Behövs fler rader: infoga dem ovanför den här raden, inom tabellen.';
  end.font = HELP_FONT;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
}

/**
 * The *Inställningar* workbook for a förbund's year: one sheet per part of the settings (the
 * layout in shared/settings), yellow input cells with Excel's checks, every field and table
 * reachable by its `INST.*` defined name, and the cover sheet saying which förbund, year and
 * version the file was made from. The cells hold exactly `settingsAreas`, so an untouched file
 * reads back as the version it shows.
 */
export async function generateSettingsWorkbook(input: SettingsWorkbookInput): Promise<Buffer> {
  const year = documentYear(input.document);
  const context = { templates: input.templates, year };
  const areas = settingsAreas(input.document, context, input.version);
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Samlad';
  workbook.lastModifiedBy = 'Samlad';
  workbook.created = input.generatedAt;
  workbook.modified = input.generatedAt;
  workbook.title = `Inställningar ${input.forbundName} ${year}`;
  const subtitle = [
    input.forbundName || input.document.id,
    String(year),
    input.version ? `version ${input.version}` : 'ny',
  ].join(' · ');
  for (const sheet of SETTINGS_SHEETS) writeSheet(workbook, sheet.layout, areas, subtitle);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
