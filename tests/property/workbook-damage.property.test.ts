/**
 * Property tests: a filled template damaged at random — its defined names, its bytes, the XML
 * inside the zip, its identity sheet — or given extra sheets is refused with a Swedish reason
 * or read and validated into findings, never an unhandled error (the same intake as the API).
 * And damage that leaves the template's own cells alone changes nothing.
 *
 * functions/template-workbook/parse.test.ts already covers chosen cases (names removed, a damaged
 * _samlad sheet, truncation, 40 seeded byte flips); these add random combinations, damage
 * below the zip layer (where the XML parser meets it), and sheets a user adds.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import {
  generateTemplateWorkbook,
  META_SHEET_NAME,
  PARSE_ERROR_CODES,
  parseTemplateWorkbook,
} from '../../functions/template-workbook';
import { findForbund, findTemplate, registry, requirePeriod, resolveTemplate, scopesOf } from '../../shared';
import { consistentFill, seededRng } from '../support/consistent-fill';
import { editWorkbook, fillWorkbook } from '../support/fill-workbook';
import { readXlsxParts } from '../support/xlsx-parts';
import { expectWellFormed, judgeUpload, type UploadVerdict } from './support/judge-upload';
import { writeZip } from './support/zip-writer';

const forbund = findForbund(registry, 'umearegionen')!;
const definition = findTemplate(registry, 'deltagare-avslut', 2023)!;
const template = resolveTemplate(definition, forbund, 2023);
const scope = scopesOf(definition, forbund).find((s) => s.id === 'vuxentorget')!;
const SHEET = definition.sheetName;

let filled: Buffer;
let parts: Map<string, string>;
let clean: Extract<UploadVerdict, { kind: 'validated' }>;

beforeAll(async () => {
  const blank = await generateTemplateWorkbook({ template, forbund, period: requirePeriod('2023T2'), scope });
  const rng = seededRng(2024);
  filled = (await fillWorkbook(blank, template, consistentFill(template, rng), rng)).buffer;
  parts = await readXlsxParts(filled);
  const verdict = await judgeUpload(filled);
  if (verdict.kind !== 'validated') throw new Error(`the undamaged file was refused: ${verdict.code}`);
  clean = verdict;
});

/** Refusals a damaged upload may get: not a readable xlsx, not this template, or cells gone. */
const REFUSALS = [
  'not-xlsx',
  'too-large',
  'legacy-or-encrypted',
  'not-samlad',
  'unsupported-format',
  'bad-metadata',
  'unknown-template',
  'missing-cells',
  'wrong-forbund',
  'invalid-period',
  'unknown-scope',
  'wrong-period-kind',
  'unknown-forbund',
];

function expectHandled(verdict: UploadVerdict): void {
  expectWellFormed(verdict);
  if (verdict.kind === 'refused') expect(REFUSALS).toContain(verdict.code);
}

it("a zip rebuilt from the filled file's parts reads exactly as the original (the XML tests rely on it)", async () => {
  expect(await judgeUpload(await writeZip(parts))).toEqual(clean);
});

describe('defined names', () => {
  type NameDamage =
    | { op: 'delete' | 'ref' | 'other-sheet' | 'two-ranges' | 'lower-case'; index: number }
    | { op: 'retarget'; index: number; column: string; row: number }
    | { op: 'forge'; id: string; column: string; row: number };

  const column = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'H', 'Z', 'XFD');
  const damage: fc.Arbitrary<NameDamage> = fc.oneof(
    fc.record({ op: fc.constantFrom('delete', 'ref', 'other-sheet', 'two-ranges', 'lower-case'), index: fc.nat(500) }),
    fc.record({ op: fc.constant('retarget'), index: fc.nat(500), column, row: fc.integer({ min: 1, max: 1_048_576 }) }),
    fc.record({
      op: fc.constant('forge'),
      id: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}\.[a-z][a-z0-9_]{0,8}\.[a-z][a-z0-9_]{0,8}$/),
      column,
      row: fc.integer({ min: 1, max: 200 }),
    }),
  ) as fc.Arbitrary<NameDamage>;

  function apply(workbook: ExcelJS.Workbook, damages: readonly NameDamage[]): void {
    const model = workbook.definedNames.model;
    const samNames = model.filter((n) => n.name.startsWith('SAM.'));
    for (const d of damages) {
      if (d.op === 'forge') {
        model.push({ name: `SAM.${d.id}`, ranges: [`'${SHEET}'!$${d.column}$${d.row}`] });
        continue;
      }
      const target = samNames[d.index % samNames.length]!;
      if (d.op === 'delete') model.splice(model.indexOf(target), 1);
      if (d.op === 'ref') target.ranges = ['#REF!'];
      if (d.op === 'other-sheet') target.ranges = [`'Finns inte'!$B$7`];
      if (d.op === 'two-ranges') target.ranges = [...target.ranges, `'${SHEET}'!$B$8`];
      if (d.op === 'lower-case') target.name = target.name.toLowerCase();
      if (d.op === 'retarget') target.ranges = [`'${SHEET}'!$${d.column}$${d.row}`];
    }
    workbook.definedNames.model = model;
  }

  it('any damage is refused (missing-cells names them) or validated; names it lacks change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 6 }), async (damages) => {
        const verdict = await judgeUpload(await editWorkbook(filled, (workbook) => apply(workbook, damages)));
        expectHandled(verdict);
        const harmless = damages.every(
          (d) => d.op === 'lower-case' || (d.op === 'forge' && !template.cellById.has(d.id)),
        );
        if (harmless) expect(verdict).toEqual(clean);
      }),
      { numRuns: 40 },
    );
  });
});

describe('bytes of the file', () => {
  const flips = fc.array(fc.record({ at: fc.nat(), byte: fc.nat(255) }), { minLength: 1, maxLength: 16 });
  /** Mostly none: a cut file is refused at once, and flips are what reach the readers. */
  const rarely = <T>(arb: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

  it('random byte flips, a cut and inserted bytes are refused or validated, by intake and by the parser', async () => {
    await fc.assert(
      fc.asyncProperty(
        flips,
        rarely(fc.nat()),
        rarely(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) })),
        async (changes, cut, insert) => {
          let damaged = Buffer.from(filled);
          for (const { at, byte } of changes) damaged[at % damaged.length] = byte;
          if (cut !== null) damaged = damaged.subarray(0, cut % damaged.length);
          if (insert !== null) {
            const at = insert.at % (damaged.length + 1);
            damaged = Buffer.concat([damaged.subarray(0, at), insert.bytes, damaged.subarray(at)]);
          }
          expectHandled(await judgeUpload(damaged));
          // The zip guard refuses most of these before exceljs; the parser must hold on its own too.
          const parsed = await parseTemplateWorkbook(damaged);
          if (!parsed.ok) expect(PARSE_ERROR_CODES).toContain(parsed.error.code);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('XML inside the zip', () => {
  const hostile = fc.constantFrom(
    '<',
    '>',
    '&',
    '&amp',
    '"',
    "'",
    ']]>',
    '<!--',
    '</c>',
    '<c r="B7"><v>1</v></c>',
    '<v>NaN</v>',
    '\u0000',
    '\uFFFE',
    '<?xml version="1.0"?>',
    // An entity expansion ("billion laughs") must not be expanded.
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c ' +
      '"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<definedName name="SAM.deltagare.antal.k">\'Deltagare och avslut\'!$Z$1</definedName>',
  );
  const xmlDamage = fc.record({
    part: fc.nat(),
    at: fc.nat(),
    length: fc.nat(40),
    insert: fc.oneof(hostile, fc.string({ maxLength: 20 }), fc.constant('')),
  });

  it('cut, inserted or hostile text in any part is refused or validated', async () => {
    const names = [...parts.keys()];
    await fc.assert(
      fc.asyncProperty(fc.array(xmlDamage, { minLength: 1, maxLength: 4 }), async (damages) => {
        const changed = new Map(parts);
        for (const d of damages) {
          const name = names[d.part % names.length]!;
          const xml = changed.get(name)!;
          const at = d.at % (xml.length + 1);
          changed.set(name, xml.slice(0, at) + d.insert + xml.slice(at + d.length));
        }
        expectHandled(await judgeUpload(await writeZip(changed)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the _samlad identity sheet', () => {
  it('any value in any of its cells is refused as not this template, or still reads the same file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            row: fc.integer({ min: 1, max: 14 }),
            column: fc.integer({ min: 1, max: 3 }),
            value: fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null)),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (writes) => {
          const damaged = await editWorkbook(filled, (workbook) => {
            const meta = workbook.getWorksheet(META_SHEET_NAME)!;
            for (const w of writes) meta.getCell(w.row, w.column).value = w.value;
          });
          const verdict = await judgeUpload(damaged);
          expectWellFormed(verdict);
          if (verdict.kind === 'validated') expect(verdict.values).toEqual(clean.values);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('sheets a user adds', () => {
  /** Excel's rules for sheet names: 1–31 characters, none of []:*?/\, not quoted at the ends. */
  const sheetName = fc
    .string({ minLength: 1, maxLength: 31 })
    .filter((n) => !/[[\]:*?/\\]/.test(n) && !n.startsWith("'") && !n.endsWith("'") && n.trim() === n && n.length > 0)
    .filter((n) => ![SHEET, META_SHEET_NAME].some((taken) => taken.toLowerCase() === n.toLowerCase()));
  const extraSheet = fc.record({
    name: sheetName,
    state: fc.constantFrom<ExcelJS.WorksheetState>('visible', 'hidden', 'veryHidden'),
    cells: fc.array(
      fc.record({
        row: fc.integer({ min: 1, max: 60 }),
        column: fc.integer({ min: 1, max: 12 }),
        value: fc.oneof(fc.string({ maxLength: 20 }), fc.double(), fc.constant('=SUM(A1:A3)')),
      }),
      { maxLength: 10 },
    ),
    /** A defined name of the template's form for a cell the template does not have. */
    forgedName: fc.boolean(),
  });

  it('change nothing the template holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(extraSheet, { minLength: 1, maxLength: 4, selector: (s) => s.name.toLowerCase() }),
        async (sheets) => {
          const changed = await editWorkbook(filled, (workbook) => {
            sheets.forEach((s, i) => {
              const sheet = workbook.addWorksheet(s.name, { state: s.state });
              for (const c of s.cells) sheet.getCell(c.row, c.column).value = c.value;
              if (s.forgedName)
                workbook.definedNames.add(`'${s.name.replace(/'/g, "''")}'!$B$7`, `SAM.extra.rad${i}.kol`);
            });
          });
          expect(await judgeUpload(changed)).toEqual(clean);
        },
      ),
      { numRuns: 30 },
    );
  });
});
