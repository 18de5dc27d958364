/**
 * Property tests: whatever a user puts into the input cells of a template, the API's intake
 * (zip guard → workbook reader → intake checks → validation) ends in a refusal with a Swedish
 * reason or in findings — never in an unhandled error — and the typed values fit their cells.
 *
 * The workbook engineer's parse tests cover chosen cell shapes one by one; here every shape
 * exceljs can write (numbers including NaN, ±Infinity and -0, strings with control characters
 * and formula-looking text, booleans, dates, rich text, hyperlinks, error values, formulas with
 * and without cached results of every type) lands in random cells of every shipped template,
 * on top of a consistent fill.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { draftBodySchema } from '../../functions/submissions/read-draft';
import { checkDraft } from '../../functions/submissions/intake';
import { generateTemplateWorkbook } from '../../functions/template-workbook';
import { findForbund, registry, validateSubmission, type CellId } from '../../shared';
import { consistentFill, seededRng } from '../support/consistent-fill';
import { cellWrite, editWorkbook, inputCellAddresses, pickStyle } from '../support/fill-workbook';
import { templateCases, type TemplateCase } from '../support/template-cases';
import { expectWellFormed, judgeUpload, kansli } from './support/judge-upload';

/** One case per template (the intake is the same for every scope). */
const cases: TemplateCase[] = [
  ...new Map(templateCases().map((c) => [`${c.template.definition.id} ${c.forbund.id}`, c])).values(),
];
const blanks = new Map<TemplateCase, Buffer>();

beforeAll(async () => {
  for (const c of cases) blanks.set(c, await generateTemplateWorkbook(c));
});

const excelError = fc
  .constantFrom('#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!')
  .map((error) => ({ error }) as ExcelJS.CellErrorValue);
const date = fc.date({
  min: new Date(Date.UTC(1900, 0, 1)),
  max: new Date(Date.UTC(9999, 11, 31)),
  noInvalidDate: true,
});
const formulaLike = fc.constantFrom(
  '=1+1',
  '=HYPERLINK("http://example.invalid")',
  '+46 90 00 00',
  '-',
  '@SUM(A1)',
  '\t=2',
  '\r=3',
  '1 234',
  '12,5',
  '−3',
  '62 %',
  'Ja',
  'NaN',
  'Infinity',
  '1e308',
  '0x10',
  ' ',
  '',
);
const resultValue = fc.oneof(fc.double(), fc.string({ maxLength: 20 }), fc.boolean(), excelError, date);

/** Every kind of value exceljs writes into a cell. */
const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  formulaLike,
  fc.string({ minLength: 2001, maxLength: 2100 }),
  fc.boolean(),
  fc.constant(null),
  date,
  excelError,
  fc
    .array(fc.record({ text: fc.string({ maxLength: 10 }) }), { maxLength: 3 })
    .map((richText) => ({ richText }) as ExcelJS.CellRichTextValue),
  fc.record({
    text: fc.string({ maxLength: 10 }),
    hyperlink: fc.constant('https://example.invalid'),
  }) as fc.Arbitrary<ExcelJS.CellHyperlinkValue>,
  fc
    .record({
      formula: fc.constantFrom('A1', 'SUM(B7:C7)', '1/0', 'NOW()'),
      result: fc.option(resultValue, { nil: undefined }),
    })
    .map((f) => f as ExcelJS.CellFormulaValue),
);

interface Edit {
  caseIndex: number;
  seed: number;
  /** Cells (by index into the template's cells) overwritten with arbitrary values. */
  writes: [number, ExcelJS.CellValue][];
}

const edit: fc.Arbitrary<Edit> = fc.record({
  caseIndex: fc.nat(cases.length - 1),
  seed: fc.noShrink(fc.integer()),
  writes: fc.array(fc.tuple(fc.nat(200), cellValue), { maxLength: 8 }),
});

/** The blank template filled consistently, as a user would type it, then `writes` on top. */
async function fileFor(c: TemplateCase, e: Edit): Promise<{ buffer: Buffer; written: Map<CellId, ExcelJS.CellValue> }> {
  const rng = seededRng(e.seed);
  const fill = consistentFill(c.template, rng);
  const written = new Map<CellId, ExcelJS.CellValue>();
  for (const [index, value] of e.writes) written.set(c.template.cells[index % c.template.cells.length]!.id, value);
  const buffer = await editWorkbook(blanks.get(c)!, (workbook) => {
    const addresses = inputCellAddresses(workbook);
    for (const cell of c.template.cells) {
      const where = addresses.get(cell.id)!;
      const value = written.has(cell.id) ? written.get(cell.id)! : cellWrite(fill[cell.id]!, pickStyle(cell.spec, rng));
      where.sheet.getCell(where.address).value = value;
    }
  });
  return { buffer, written };
}

describe('any value in any input cell', () => {
  it('is refused with a reason or validated into findings; a consistent fill alone is clean', async () => {
    await fc.assert(
      fc.asyncProperty(edit, async (e) => {
        const c = cases[e.caseIndex]!;
        const { buffer, written } = await fileFor(c, e);
        const verdict = await judgeUpload(buffer, c.forbund.id);
        expectWellFormed(verdict);
        if (written.size === 0) expect(verdict).toMatchObject({ kind: 'validated', findings: [] });
        if (verdict.kind !== 'validated') return;
        // A finite number typed into a numeric cell is read as that number, or the cell has a finding.
        for (const [id, value] of written) {
          const cell = c.template.cellById.get(id)!;
          if (
            typeof value !== 'number' ||
            !Number.isFinite(value) ||
            cell.spec.kind === 'text' ||
            cell.spec.kind === 'choice'
          )
            continue;
          const flagged = verdict.findings.some((f) => f.cellId === id);
          expect(flagged || verdict.values[id] === value).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('any JSON body (the add-in path)', () => {
  const forbund = findForbund(registry, 'umearegionen')!;
  const jsonCases = cases.filter((c) => c.forbund.id === forbund.id);
  const jsonValue = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 30 }),
    formulaLike,
    fc.constant(null),
    fc.boolean(),
    fc.array(fc.nat(), { maxLength: 2 }),
    fc.object({ maxDepth: 1 }),
  );

  it('is a 400 from the schema, or findings that fit the template', () => {
    fc.assert(
      fc.property(
        fc.nat(jsonCases.length - 1),
        fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.nat(200)), jsonValue), { maxLength: 20 }),
        (i, entries) => {
          const c = jsonCases[i]!;
          // A number picks a real cell, so most values reach cells rather than "unknown-cell".
          const values = Object.fromEntries(
            entries.map(([key, v]) => [
              typeof key === 'number' ? c.template.cells[key % c.template.cells.length]!.id : key,
              v,
            ]),
          );
          const body = draftBodySchema.safeParse({
            templateId: c.template.definition.id,
            period: c.period.id,
            scope: c.scope.id,
            values,
          });
          if (!body.success) return;
          const checked = checkDraft(registry, forbund, kansli, body.data);
          expectWellFormed({
            kind: 'validated',
            template: checked.resolved,
            values: checked.values,
            findings: checked.validation.findings,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('validateSubmission itself takes anything at all', () => {
    fc.assert(
      // fc.anything() includes objects whose toString is not a function ({"toString": 0} is valid JSON).
      fc.property(fc.nat(cases.length - 1), fc.dictionary(fc.string({ maxLength: 40 }), fc.anything()), (i, raw) => {
        const c = cases[i]!;
        const keyed = Object.fromEntries(
          Object.entries(raw).map(([k, v], n) => [n % 2 ? k : c.template.cells[n % c.template.cells.length]!.id, v]),
        );
        const result = validateSubmission(c.template, keyed);
        expectWellFormed({ kind: 'validated', template: c.template, values: result.values, findings: result.findings });
      }),
      { numRuns: 300 },
    );
  });
});
