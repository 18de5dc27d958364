import ExcelJS from 'exceljs';
import {
  columnLetter,
  definedNameForCell,
  describePeriod,
  layoutTemplate,
  requirePeriod,
  type CellKind,
} from '../../shared';
import { edgeCase } from '../../tests/fixtures/workbooks/edge-template';
import { templateCases, type TemplateCase } from '../../tests/support/template-cases';
import { readXlsxParts } from '../../tests/support/xlsx-parts';
import { FORMAT_MARKER, META_SHEET_NAME, WorkbookInputError, generateTemplateWorkbook } from './index';

const GENERATED_AT = new Date('2023-05-02T08:00:00Z');

/** exceljs keeps sheet protection on the worksheet but leaves it out of its typings. */
type Protection = Partial<ExcelJS.WorksheetProtection> & { sheet?: boolean; hashValue?: string };
const protectionOf = (sheet: ExcelJS.Worksheet): Protection =>
  (sheet as unknown as { sheetProtection: Protection }).sheetProtection;

const validationTypeByKind = {
  count: 'whole',
  percent: 'decimal',
  decimal: 'decimal',
  amount: 'decimal',
  text: 'textLength',
  choice: 'list',
} satisfies Record<CellKind, ExcelJS.DataValidation['type']>;

const numFmtByKind = {
  count: '#,##0',
  percent: '0.0" %"',
  decimal: '#,##0.0##',
  amount: '#,##0',
  text: '@',
  choice: '@',
} satisfies Record<CellKind, string>;

async function generated(c: Pick<TemplateCase, 'template' | 'forbund' | 'period' | 'scope'>) {
  const buffer = await generateTemplateWorkbook({ ...c, generatedAt: GENERATED_AT });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return { buffer, workbook };
}

const cases = [
  ...templateCases(2023).map((c) => [c.name, c] as const),
  ['kantfall (synthetic edge cases)', edgeCase()] as const,
];

describe.each(cases)('generated workbook: %s', (_name, c) => {
  const layout = layoutTemplate(c.template);
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    ({ workbook } = await generated(c));
    sheet = workbook.getWorksheet(layout.sheetName)!;
  });

  it('has one visible sheet, titled, with förbund · period · scope below', () => {
    expect(workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual([layout.sheetName]);
    expect(sheet.getCell(layout.titleRow, 1).value).toBe(c.template.definition.title);
    expect(sheet.getCell(layout.subtitleRow, 1).value).toBe(
      `${c.forbund.name} · ${describePeriod(c.period, c.template.definition.period.cumulative)} · ${c.scope.name}`,
    );
    expect(sheet.getCell(layout.helpRow, 1).value).toBe(c.template.definition.help);
  });

  it('names every input cell SAM.<cellId>, pointing at its layout position', () => {
    const names = new Map(workbook.definedNames.model.map((n) => [n.name, n.ranges]));
    for (const cell of c.template.cells) {
      const pos = layout.positions.get(cell.id)!;
      const ranges = names.get(definedNameForCell(cell.id));
      expect(ranges).toHaveLength(1);
      expect(ranges?.[0]?.replace(/'/g, '')).toBe(`${layout.sheetName}!$${columnLetter(pos.column)}$${pos.row}`);
    }
    expect([...names.keys()].filter((n) => n.startsWith('SAM.'))).toHaveLength(c.template.cells.length);
  });

  it('unlocks input cells, with the kind’s validation, prompt and number format; locks the rest', () => {
    for (const cell of c.template.cells) {
      const xl = sheet.getCell(layout.positions.get(cell.id)!.a1);
      expect(xl.protection?.locked).toBe(false);
      expect(xl.numFmt).toBe(numFmtByKind[cell.spec.kind]);
      const dv = xl.dataValidation;
      expect(dv.type).toBe(validationTypeByKind[cell.spec.kind]);
      expect(dv.showInputMessage).toBe(true);
      expect(dv.prompt?.length).toBeGreaterThan(10);
      expect(dv.prompt!.length).toBeLessThanOrEqual(255);
      expect(dv.promptTitle!.length).toBeLessThanOrEqual(32);
      expect(dv.error!.length).toBeLessThanOrEqual(255);
    }
    const inputs = new Set([...layout.positions.values()].map((p) => p.a1));
    for (const section of layout.sections) {
      for (const column of [1, ...section.columnNumbers.values()]) {
        expect(sheet.getCell(section.headerRow, column).protection?.locked).not.toBe(false);
        expect(sheet.getCell(section.titleRow, column).protection?.locked).not.toBe(false);
      }
      for (const row of section.rowNumbers.values()) {
        expect(sheet.getCell(row, 1).protection?.locked).not.toBe(false);
        for (const column of section.columnNumbers.values()) {
          const cell = sheet.getCell(row, column);
          if (!inputs.has(cell.address)) expect(cell.protection?.locked).not.toBe(false);
        }
      }
    }
  });

  it('protects the sheet without a password, letting users resize columns and rows', () => {
    const protection = protectionOf(sheet);
    expect(protection).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect(protection.hashValue).toBeUndefined();
    expect(protection.selectLockedCells).not.toBe(false);
    expect(protection.selectUnlockedCells).not.toBe(false);
  });

  it('identifies itself in a very hidden, protected _samlad sheet', () => {
    const meta = workbook.getWorksheet(META_SHEET_NAME)!;
    expect(meta.state).toBe('veryHidden');
    expect(protectionOf(meta)).toMatchObject({ sheet: true });
    const pairs: Record<string, unknown> = {};
    meta.eachRow((row) => {
      pairs[String(row.getCell(1).value)] = row.getCell(2).value;
    });
    expect(pairs).toMatchObject({
      format: FORMAT_MARKER,
      templateId: c.template.definition.id,
      templateVersion: String(c.template.definition.version),
      forbund: c.forbund.id,
      period: c.period.id,
      scope: c.scope.id,
      generatedAt: GENERATED_AT.toISOString(),
    });
  });

  it('prints on A4, one page wide', () => {
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });
});

describe('text that looks like a formula', () => {
  it('is written as a string, never a formula, in every part of the file', async () => {
    const { buffer } = await generated(edgeCase());
    const parts = await readXlsxParts(buffer);
    const sheets = [...parts.entries()].filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBe(2);
    for (const [, xml] of sheets) expect(xml).not.toMatch(/<f[ >]/);
    const strings = parts.get('xl/sharedStrings.xml') ?? '';
    for (const text of [
      '=1+1',
      '=SUM(A1:A9)',
      '-Tal av alla slag',
      '=HYPERLINK(&quot;http://example.invalid&quot;,&quot;klicka&quot;)',
      '@SUM(1+1)',
    ]) {
      expect(strings).toContain(text);
    }
    // Notes hold row and column help as text too.
    const comments = [...parts.entries()]
      .filter(([name]) => name.startsWith('xl/comments'))
      .map(([, xml]) => xml)
      .join('');
    expect(comments).toContain('=A1 hjälptext');
    expect(comments).toContain('=2+2 i en anteckning');
  });
});

describe('choices that cannot be an inline list', () => {
  it('are listed on the _samlad sheet and referenced from the validation', async () => {
    const c = edgeCase();
    const { workbook } = await generated(c);
    const sheet = workbook.getWorksheet('Kantfall')!;
    const layout = layoutTemplate(c.template);
    const formulaOf = (id: string): unknown => sheet.getCell(layout.positions.get(id)!.a1).dataValidation.formulae[0];
    expect(formulaOf('val.kort.varde')).toBe('"Ja,Nej"');
    expect(formulaOf('val.komma.varde')).toBe('_samlad!$D$1:$D$3');
    expect(formulaOf('val.lang.varde')).toBe('_samlad!$E$1:$E$30');
    const meta = workbook.getWorksheet(META_SHEET_NAME)!;
    expect(meta.getCell('D3').value).toBe('Delvis "ungefär"');
    expect(meta.getCell('E30').value).toBe('Alternativ nummer 30');
  });
});

describe('refuses inputs that cannot make a correct workbook', () => {
  const c = edgeCase();
  it.each([
    ['another year', { period: requirePeriod('2025H1') }],
    ['another period kind', { period: requirePeriod('2024T1') }],
    [
      'a sheet named like the identity sheet',
      { template: { ...c.template, definition: { ...c.template.definition, sheetName: '_Samlad' } } },
    ],
  ])('%s', async (_name, change) => {
    await expect(generateTemplateWorkbook({ ...c, ...change })).rejects.toThrow(WorkbookInputError);
  });
});
