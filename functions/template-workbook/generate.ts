import type ExcelJS from 'exceljs';
import { exceljs } from './exceljs';
import {
  PARTY_KIND_LABEL,
  columnLetter,
  definedNameForCell,
  describePeriod,
  layoutTemplate,
  sheetAddress,
  type CellSpec,
  type ForbundConfig,
  type Owner,
  type Period,
  type ResolvedRow,
  type ResolvedTemplate,
  type TemplateLayout,
} from '../../shared';
import { dataValidationFor, fitsInlineList, numberFormatFor } from './cell-format';
import { FORMAT_MARKER, META_SHEET_NAME, writeMetaRows, type WorkbookMeta } from './metadata';
import { columnWidths, heightFor, rowLabelText, wrappedLines } from './sizing';
import {
  HEADER_BORDER,
  HEADER_FONT,
  HELP_FONT,
  INPUT_BORDER,
  INPUT_FILL,
  NOT_APPLICABLE_FILL,
  SECTION_FILL,
  SECTION_FONT,
  SUBTITLE_FONT,
  TITLE_FONT,
} from './styles';

export interface TemplateWorkbookInput {
  template: ResolvedTemplate;
  forbund: ForbundConfig;
  period: Period;
  /** The platform, kommun or förbund the figures are for. */
  scope: { id: string; name: string };
  /** Written into the file; defaults to now. */
  generatedAt?: Date;
}

/** A call that cannot make a correct workbook: a bug in the caller, not user input. */
export class WorkbookInputError extends Error {
  override name = 'WorkbookInputError';
}

/**
 * Sheet protection guards the layout against slips (typing over a label, deleting a row);
 * it is not security: any password shipped to every user is public, and the parser finds cells
 * by defined name and checks every value anyway. So there is no password: a user who must
 * unprotect can, and nobody has to keep a secret.
 */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

/** Page width (in column-width units) that fits A4 portrait; wider sheets print landscape. */
const PORTRAIT_WIDTH = 100;

const OWNER_LABEL = { ...PARTY_KIND_LABEL, scb: 'SCB (kansliet för in)' } satisfies Record<Owner, string>;

function checkInput(input: TemplateWorkbookInput): void {
  const { template, forbund, period } = input;
  const def = template.definition;
  if (template.forbundId !== forbund.id)
    throw new WorkbookInputError(`Mallen är löst för ${template.forbundId}, inte ${forbund.id}`);
  if (period.year !== template.year)
    throw new WorkbookInputError(`Mallen är löst för ${template.year}, perioden ${period.id} gäller ${period.year}`);
  if (period.kind !== def.period.kind)
    throw new WorkbookInputError(`Mallen ${def.id} rapporteras per ${def.period.kind}, inte ${period.kind}`);
  if (def.sheetName.toLowerCase() === META_SHEET_NAME)
    throw new WorkbookInputError(`Bladnamnet ${META_SHEET_NAME} är reserverat för Samlad`);
}

/** Plain strings only: exceljs stores them as shared strings, so "=1+1" stays text. */
function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = String(text);
}

function rowNote(row: ResolvedRow): string | undefined {
  const parts = [
    row.help,
    row.owner?.length ? `Lämnas av: ${row.owner.map((o) => OWNER_LABEL[o]).join(', ')}.` : undefined,
  ];
  const text = parts.filter((p): p is string => Boolean(p)).join('\n');
  return text || undefined;
}

interface ChoiceLists {
  /** Absolute range on the meta sheet for choices too long or awkward for an inline list. */
  rangeFor(spec: CellSpec): string | undefined;
}

function choiceLists(meta: ExcelJS.Worksheet): ChoiceLists {
  const written = new Map<string, string>();
  let column = 4;
  return {
    rangeFor(spec) {
      const choices = spec.choices ?? [];
      if (spec.kind !== 'choice' || fitsInlineList(choices)) return undefined;
      const key = JSON.stringify(choices);
      let range = written.get(key);
      if (!range) {
        const letter = columnLetter(column);
        choices.forEach((choice, i) => setText(meta.getCell(i + 1, column), choice));
        range = sheetAddress(META_SHEET_NAME, `$${letter}$1:$${letter}$${choices.length}`);
        written.set(key, range);
        column += 1;
      }
      return range;
    },
  };
}

function writeHeading(
  sheet: ExcelJS.Worksheet,
  input: TemplateWorkbookInput,
  layout: TemplateLayout,
  widths: number[],
): void {
  const def = input.template.definition;
  const title = sheet.getCell(layout.titleRow, layout.labelColumn);
  setText(title, def.title);
  title.font = TITLE_FONT;
  sheet.getRow(layout.titleRow).height = 24;

  const subtitle = sheet.getCell(layout.subtitleRow, layout.labelColumn);
  setText(
    subtitle,
    [input.forbund.name, describePeriod(input.period, def.period.cumulative), input.scope.name].join(' · '),
  );
  subtitle.font = SUBTITLE_FONT;

  const help = sheet.getCell(layout.helpRow, layout.labelColumn);
  setText(help, def.help);
  help.font = HELP_FONT;
  help.alignment = { wrapText: true, vertical: 'top' };
  if (layout.lastColumn > layout.labelColumn)
    sheet.mergeCells(layout.helpRow, layout.labelColumn, layout.helpRow, layout.lastColumn);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  sheet.getRow(layout.helpRow).height = heightFor(wrappedLines(def.help, totalWidth)) + 4;
}

function writeSections(
  sheet: ExcelJS.Worksheet,
  template: ResolvedTemplate,
  layout: TemplateLayout,
  widths: number[],
  lists: ChoiceLists,
): void {
  const labelWidth = widths[0] ?? 30;
  template.sections.forEach((section, index) => {
    const sectionLayout = layout.sections[index];
    if (!sectionLayout) throw new WorkbookInputError(`Layouten saknar sektionen ${section.id}`);
    const lastColumn = layout.labelColumn + section.columns.length;

    const title = sheet.getCell(sectionLayout.titleRow, layout.labelColumn);
    setText(title, section.title);
    for (let c = layout.labelColumn; c <= lastColumn; c++) {
      const cell = sheet.getCell(sectionLayout.titleRow, c);
      cell.font = SECTION_FONT;
      cell.fill = SECTION_FILL;
    }
    sheet.getRow(sectionLayout.titleRow).height = 20;

    // The header row's label cell carries the section's help, where a user looks first.
    const headerLines: number[] = [1];
    if (section.help) {
      const helpCell = sheet.getCell(sectionLayout.headerRow, layout.labelColumn);
      setText(helpCell, section.help);
      helpCell.font = HELP_FONT;
      helpCell.alignment = { wrapText: true, vertical: 'bottom' };
      helpCell.border = HEADER_BORDER;
      headerLines.push(wrappedLines(section.help, labelWidth));
    }
    for (const column of section.columns) {
      const columnNumber = sectionLayout.columnNumbers.get(column.id);
      if (columnNumber === undefined) continue;
      const cell = sheet.getCell(sectionLayout.headerRow, columnNumber);
      setText(cell, column.label);
      cell.font = HEADER_FONT;
      cell.border = HEADER_BORDER;
      cell.alignment = { wrapText: true, horizontal: 'center', vertical: 'bottom' };
      if (column.help) cell.note = column.help;
      headerLines.push(wrappedLines(column.label, widths[columnNumber - 1] ?? 12));
    }
    sheet.getRow(sectionLayout.headerRow).height = Math.max(...headerLines.map(heightFor));

    for (const row of section.rows) {
      const rowNumber = sectionLayout.rowNumbers.get(row.id);
      if (rowNumber === undefined) continue;
      const label = sheet.getCell(rowNumber, layout.labelColumn);
      const text = rowLabelText(row.label, row.unit);
      setText(label, text);
      // Excel and LibreOffice apply an indent only to left-aligned cells.
      label.alignment = { horizontal: 'left', indent: row.indent, wrapText: true, vertical: 'middle' };
      const note = rowNote(row);
      if (note) label.note = note;
      const lines = wrappedLines(text, labelWidth - row.indent * 2);
      if (lines > 1) sheet.getRow(rowNumber).height = heightFor(lines);

      for (const column of section.columns) {
        const columnNumber = sectionLayout.columnNumbers.get(column.id);
        if (columnNumber === undefined) continue;
        const resolved = row.cells.find((c) => c.column === column.id);
        const cell = sheet.getCell(rowNumber, columnNumber);
        if (!resolved) {
          cell.fill = NOT_APPLICABLE_FILL;
          continue;
        }
        cell.protection = { locked: false };
        cell.fill = INPUT_FILL;
        cell.border = INPUT_BORDER;
        cell.numFmt = numberFormatFor(resolved.spec);
        if (resolved.spec.kind === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
        cell.dataValidation = dataValidationFor(resolved.spec, resolved, lists.rangeFor(resolved.spec));
      }
    }
  });
}

function nameInputCells(workbook: ExcelJS.Workbook, layout: TemplateLayout): void {
  for (const [id, position] of layout.positions) {
    const absolute = `$${columnLetter(position.column)}$${position.row}`;
    workbook.definedNames.add(sheetAddress(layout.sheetName, absolute), definedNameForCell(id));
  }
}

function setUpPage(sheet: ExcelJS.Worksheet, layout: TemplateLayout, widths: number[]): void {
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: totalWidth > PORTRAIT_WIDTH ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:${columnLetter(layout.lastColumn)}${layout.lastRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: '&L&8Samlad&R&8Sida &P av &N' };
}

function buildMeta(input: TemplateWorkbookInput, generatedAt: Date): WorkbookMeta {
  const def = input.template.definition;
  return {
    format: FORMAT_MARKER,
    templateId: def.id,
    templateVersion: def.version,
    templateTitle: def.title,
    forbund: input.forbund.id,
    forbundName: input.forbund.name,
    period: input.period.id,
    periodLabel: describePeriod(input.period, def.period.cumulative),
    scope: input.scope.id,
    scopeName: input.scope.name,
    generatedAt: generatedAt.toISOString(),
  };
}

/**
 * Builds the template workbook a party fills in: one visible, protected sheet laid out by
 * `layoutTemplate`, with yellow unlocked input cells (number format, data validation and a
 * Swedish prompt per cell kind), each reachable by the defined name `SAM.<cellId>`, and a very
 * hidden `_samlad` sheet saying which template, version, förbund, period and scope it is.
 *
 * @example
 * const xlsx = await generateTemplateWorkbook({ template, forbund, period: requirePeriod('2023T2'), scope });
 */
export async function generateTemplateWorkbook(input: TemplateWorkbookInput): Promise<Buffer> {
  checkInput(input);
  const generatedAt = input.generatedAt ?? new Date();
  const { template } = input;
  const layout = layoutTemplate(template);
  const widths = columnWidths(template, layout);

  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Samlad';
  workbook.lastModifiedBy = 'Samlad';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.title = template.definition.title;

  const firstInput = [...layout.positions.values()][0];
  const sheet = workbook.addWorksheet(layout.sheetName, {
    views: [
      {
        state: 'frozen',
        xSplit: layout.labelColumn,
        ySplit: layout.subtitleRow,
        activeCell: firstInput?.a1 ?? 'A1',
        showGridLines: false,
      },
    ],
  });
  const meta = workbook.addWorksheet(META_SHEET_NAME, { state: 'veryHidden' });
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  writeHeading(sheet, input, layout, widths);
  writeSections(sheet, template, layout, widths, choiceLists(meta));
  nameInputCells(workbook, layout);
  setUpPage(sheet, layout, widths);

  writeMetaRows(meta, buildMeta(input, generatedAt));
  meta.getColumn(1).width = 18;
  meta.getColumn(2).width = 40;

  await sheet.protect('', PROTECTION);
  await meta.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
