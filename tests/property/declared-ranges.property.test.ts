/**
 * Property test for issue 15's attack: ranges a workbook declares — merges, data validations,
 * conditional formats, filters, hyperlinks, column spans and defined names, each over whole
 * rows, whole columns or the whole sheet — added at random to a filled template of every
 * shipped template, on its template sheet, its hidden identity sheet or a sheet of the party's
 * own. The upload reads exactly as without them, through the API's intake (the reader in its
 * worker), and at the cost of its bytes: before the streaming reader, one whole-sheet merge or
 * validation cost exceljs seconds to gigabytes, so this test could not finish.
 */
import fc from 'fast-check';
import { generateTemplateWorkbook, META_SHEET_NAME } from '../../functions/template-workbook';
import { consistentFill, seededRng } from '../support/consistent-fill';
import { fillWorkbook } from '../support/fill-workbook';
import { templateCases, type TemplateCase } from '../support/template-cases';
import {
  addDefinedName,
  addSheet,
  addToWorksheet,
  editParts,
  editSheet,
  worksheetXml,
  type WorksheetElement,
} from '../support/xlsx-xml';
import { judgeUpload, type UploadVerdict } from './support/judge-upload';

const OWN_SHEET = 'Egen tabell';
const cases: TemplateCase[] = [
  ...new Map(templateCases().map((c) => [`${c.template.definition.id} ${c.forbund.id}`, c])).values(),
];
const filled = new Map<TemplateCase, { buffer: Buffer; clean: UploadVerdict }>();

beforeAll(async () => {
  for (const c of cases) {
    const rng = seededRng(15);
    const blank = await generateTemplateWorkbook(c);
    const { buffer } = await fillWorkbook(blank, c.template, consistentFill(c.template, rng), rng);
    // The party's own sheet exists in every file, so adding it is not what the property varies.
    const withOwn = await editParts(buffer, (parts) =>
      addSheet(parts, OWN_SHEET, worksheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Namn</t></is></c></row>')),
    );
    const clean = await judgeUpload(withOwn, c.forbund.id);
    if (clean.kind !== 'validated') throw new Error(`${c.name}: the clean file was refused (${clean.code})`);
    filled.set(c, { buffer: withOwn, clean });
  }
}, 120_000);

const column = fc.integer({ min: 1, max: 16_384 }).map((n) => {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
});
/** Whole rows, whole columns, the whole sheet, or from a cell to the sheet's far corner. */
const area = fc.oneof(
  fc.integer({ min: 1, max: 1_048_576 }).map((r) => `A${r}:XFD${r}`),
  column.map((c) => `${c}1:${c}1048576`),
  fc.constant('A1:XFD1048576'),
  fc.tuple(column, fc.integer({ min: 1, max: 1_048_576 })).map(([c, r]) => `${c}${r}:XFD1048576`),
);
const sqref = fc.array(area, { minLength: 1, maxLength: 3 }).map((areas) => areas.join(' '));

type Declaration =
  { kind: 'sheet'; element: WorksheetElement; xml: string } | { kind: 'name'; name: string; ref: string };

const onSheet = (element: WorksheetElement, xml: fc.Arbitrary<string>): fc.Arbitrary<Declaration> =>
  xml.map((x) => ({ kind: 'sheet', element, xml: x }));

const declaration: fc.Arbitrary<Declaration> = fc.oneof(
  onSheet(
    'mergeCells',
    area.map((a) => `<mergeCell ref="${a}"/>`),
  ),
  onSheet(
    'dataValidations',
    sqref.map(
      (s) =>
        '<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" ' +
        `sqref="${s}"><formula1>0</formula1></dataValidation>`,
    ),
  ),
  onSheet(
    'conditionalFormatting',
    sqref.map(
      (s) =>
        `<conditionalFormatting sqref="${s}"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan">` +
        '<formula>0</formula></cfRule></conditionalFormatting>',
    ),
  ),
  onSheet(
    'autoFilter',
    area.map((a) => `<autoFilter ref="${a}"/>`),
  ),
  onSheet(
    'hyperlinks',
    area.map((a) => `<hyperlink ref="${a}" location="'${OWN_SHEET}'!A1" display="Till tabellen"/>`),
  ),
  onSheet(
    'cols',
    fc
      .tuple(fc.integer({ min: 1, max: 16_384 }), fc.oneof(fc.constant(16_384), fc.constant(2_147_483_647)))
      .map(([min, max]) => `<col min="${min}" max="${max}" width="12" customWidth="1"/>`),
  ),
  fc.record({
    kind: fc.constant('name' as const),
    name: fc.constantFrom('Mitt_omrade', '_xlnm._FilterDatabase', 'Utskrift'),
    ref: area,
  }),
);

const target = fc.constantFrom('template', META_SHEET_NAME, OWN_SHEET);

it('whole-row, whole-column and whole-sheet ranges anywhere change nothing a submission reads', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.nat(cases.length - 1),
      fc.array(fc.tuple(target, declaration), { minLength: 1, maxLength: 6 }),
      async (index, declarations) => {
        const c = cases[index]!;
        const { buffer, clean } = filled.get(c)!;
        const sheetName = (t: string) => (t === 'template' ? c.template.definition.sheetName : t);
        const changed = await editParts(buffer, (parts) => {
          for (const [t, d] of declarations) {
            if (d.kind === 'name')
              addDefinedName(parts, d.name, `'${sheetName(t)}'!${d.ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`);
            else editSheet(parts, sheetName(t), (xml) => addToWorksheet(xml, d.element, d.xml));
          }
        });
        expect(await judgeUpload(changed, c.forbund.id)).toEqual(clean);
      },
    ),
    { numRuns: 60 },
  );
});
