import ExcelJS from 'exceljs';
import {
  findForbund,
  findTemplate,
  registry,
  requirePeriod,
  resolveTemplate,
  scopesOf,
  validateSubmission,
  type CellId,
} from '../../shared';
import { edgeCase, edgeRegistry } from '../../tests/fixtures/workbooks/edge-template';
import { editWorkbook, inputCellAddresses } from '../../tests/support/fill-workbook';
import { seededRng } from '../../tests/support/consistent-fill';
import {
  META_SHEET_NAME,
  generateTemplateWorkbook,
  parseTemplateWorkbook,
  renderCellIssue,
  type ParseResult,
} from './index';

const forbund = findForbund(registry, 'umearegionen')!;
const definition = findTemplate(registry, 'deltagare-avslut', 2023)!;
const template = resolveTemplate(definition, forbund, 2023);
const scope = scopesOf(definition, forbund).find((s) => s.id === 'vuxentorget')!;
const period = requirePeriod('2023T2');
const expected = {
  templateId: 'deltagare-avslut',
  version: 1,
  forbund: 'umearegionen',
  period: '2023T2',
  scope: 'vuxentorget',
};

let blank: Buffer;
beforeAll(async () => {
  blank = await generateTemplateWorkbook({ template, forbund, period, scope });
});

/** Writes exceljs cell values into named input cells, as a user's spreadsheet program would store them. */
function withCells(xlsx: Buffer, values: Record<CellId, ExcelJS.CellValue>): Promise<Buffer> {
  return editWorkbook(xlsx, (workbook) => {
    const addresses = inputCellAddresses(workbook);
    for (const [id, value] of Object.entries(values)) {
      const where = addresses.get(id)!;
      where.sheet.getCell(where.address).value = value;
    }
  });
}

function ok(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${result.error.code}: ${result.error.message}`);
  return result;
}

function refused(result: ParseResult): Extract<ParseResult, { ok: false }>['error'] {
  if (result.ok) throw new Error('parsed a file that should be refused');
  return result.error;
}

describe('parseTemplateWorkbook reads what users type', () => {
  it.each<[string, ExcelJS.CellValue, number | string | null]>([
    ['a number', 17, 17],
    ['"1 234" (number stored as text)', '1 234', 1234],
    ['"1\u00a0234" (no-break space)', '1\u00a0234', 1234],
    ['" 42 " (stray spaces)', ' 42 ', 42],
    ['a formula by its cached result', { formula: 'B8+B9', result: 12 } as ExcelJS.CellFormulaValue, 12],
    [
      'a formula whose cached result is 0 (exceljs drops it from cell.value)',
      { formula: 'B8-B8', result: 0 } as ExcelJS.CellFormulaValue,
      0,
    ],
    ['rich text', { richText: [{ text: '1' }, { text: '2', font: { bold: true } }] }, 12],
    ['a hyperlink, by its text', { text: '7', hyperlink: 'https://example.invalid' }, 7],
    ['an empty string as missing', '', null],
    ['only spaces as missing', '   ', null],
  ])('%s', async (_name, written, value) => {
    const parsed = ok(await parseTemplateWorkbook(await withCells(blank, { 'deltagare.antal.k': written }), expected));
    expect(parsed.cellIssues).toEqual([]);
    expect(validateSubmission(parsed.template, parsed.raw).values['deltagare.antal.k']).toBe(value);
  });

  it('leaves a date in a count cell for validation to refuse, quoted as a date', async () => {
    // Typing "1/2" makes Excel store a serial number and switch the cell to a date format.
    const dated = await editWorkbook(blank, (workbook) => {
      const where = inputCellAddresses(workbook).get('deltagare.antal.k')!;
      const cell = where.sheet.getCell(where.address);
      cell.numFmt = 'yyyy-mm-dd';
      cell.value = new Date(Date.UTC(2023, 1, 1));
    });
    const parsed = ok(await parseTemplateWorkbook(dated, expected));
    expect(parsed.raw['deltagare.antal.k']).toBe('2023-02-01');
    const finding = validateSubmission(parsed.template, parsed.raw).findings.find(
      (f) => f.cellId === 'deltagare.antal.k',
    );
    expect(finding).toMatchObject({ code: 'not-a-number', params: { raw: '2023-02-01' } });
  });

  it('reports a formula without a cached result, and reads the cell as missing', async () => {
    const parsed = ok(
      await parseTemplateWorkbook(
        await withCells(blank, { 'deltagare.antal.tot': { formula: 'B7+C7' } as ExcelJS.CellFormulaValue }),
        expected,
      ),
    );
    expect(parsed.raw['deltagare.antal.tot']).toBeNull();
    expect(parsed.cellIssues).toEqual([
      {
        code: 'formula-without-result',
        cellId: 'deltagare.antal.tot',
        cell: "'Deltagare och avslut'!D7",
        params: { formula: 'B7+C7' },
      },
    ]);
    expect(renderCellIssue(parsed.cellIssues[0]!)).toBe(
      "Cellen 'Deltagare och avslut'!D7 innehåller formeln =B7+C7 men inget beräknat värde. Öppna " +
        'filen i Excel och spara den igen, eller skriv in talet i stället för formeln.',
    );
  });

  it.each<[string, ExcelJS.CellValue]>([
    ['typed', { error: '#DIV/0!' } as ExcelJS.CellErrorValue],
    ['as a formula result', { formula: 'B7/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue],
  ])('reports an error value %s, and validation refuses it', async (_name, written) => {
    const parsed = ok(await parseTemplateWorkbook(await withCells(blank, { 'deltagare.antal.k': written }), expected));
    expect(parsed.cellIssues).toMatchObject([
      { code: 'error-value', cellId: 'deltagare.antal.k', params: { error: '#DIV/0!' } },
    ]);
    expect(renderCellIssue(parsed.cellIssues[0]!)).toContain('felvärdet #DIV/0!');
    expect(
      validateSubmission(parsed.template, parsed.raw).findings.find((f) => f.cellId === 'deltagare.antal.k'),
    ).toMatchObject({ code: 'not-a-number' });
  });

  it('reads every kind the Swedish way in the synthetic edge template', async () => {
    const c = edgeCase();
    const xlsx = await generateTemplateWorkbook(c);
    const filled = await withCells(xlsx, {
      'tal.antal.a': ' 5 ',
      'tal.andel.a': '12,5',
      'tal.snitt.a': '3,25',
      'tal.belopp.a': '−1 250',
      'tal.belopp.b': '-300,5',
      'val.komma.varde': 'ja, helt',
      'val.text.varde': '=inte en formel',
    });
    const parsed = ok(await parseTemplateWorkbook(filled, undefined, { registry: edgeRegistry }));
    const { values } = validateSubmission(parsed.template, parsed.raw);
    expect(values).toMatchObject({
      'tal.antal.a': 5,
      'tal.andel.a': 12.5,
      'tal.snitt.a': 3.25,
      'tal.belopp.a': -1250,
      'tal.belopp.b': -300.5,
      'val.komma.varde': 'Ja, helt',
      'val.text.varde': '=inte en formel',
      'tal.fritt.a': null,
    });
  });

  it('finds cells by name, not position: rows inserted above move nothing', async () => {
    const filled = await withCells(blank, { 'deltagare.antal.k': 9, 'aktualiserade.nej.soc': 4 });
    const moved = await editWorkbook(filled, (workbook) => {
      const sheet = workbook.getWorksheet('Deltagare och avslut')!;
      sheet.spliceRows(4, 0, ['infogad rad'], ['en till']);
    });
    const names = new ExcelJS.Workbook();
    await names.xlsx.load(moved as unknown as ExcelJS.Buffer);
    expect(names.definedNames.getRanges('SAM.deltagare.antal.k').ranges).toEqual(["'Deltagare och avslut'!$B$9"]);
    const parsed = ok(await parseTemplateWorkbook(moved, expected));
    expect(parsed.raw).toMatchObject({ 'deltagare.antal.k': 9, 'aktualiserade.nej.soc': 4, 'deltagare.antal.m': null });
  });
});

describe('parseTemplateWorkbook refuses files that are not this template', () => {
  it.each([
    [
      'another period',
      { period: '2023T1' },
      'wrong-period',
      'Filen är mallen ”Deltagare och avslut per plattform” för perioden Tertial 2 2023 (jan–aug), ' +
        'men du skickar in för Tertial 1 2023 (jan–apr).',
    ],
    [
      'another scope',
      { scope: 'ungdomstorget' },
      'wrong-scope',
      'Filen är mallen ”Deltagare och avslut per plattform” för Vuxentorget, men du skickar in för Ungdomstorget.',
    ],
    [
      'another förbund',
      { forbund: 'skelleftea-norsjo' },
      'wrong-forbund',
      'Filen är mallen ”Deltagare och avslut per plattform” för Samordningsförbundet Umeåregionen, ' +
        'men du skickar in för Samordningsförbundet Skellefteå-Norsjö.',
    ],
    [
      'another version',
      { version: 2 },
      'wrong-version',
      'Filen är version 1 av mallen ”Deltagare och avslut per plattform”, men version 2 gäller. ' +
        'Ladda ner en ny mall från Samlad och för över uppgifterna.',
    ],
    [
      'another template',
      { templateId: 'arbsam' },
      'wrong-template',
      new RegExp(
        '^Filen är mallen ”Deltagare och avslut per plattform”, men du skickar in mallen ”.+”\\. ' +
          'Välj rätt mall eller rätt fil\\.$',
      ),
    ],
  ])('%s', async (_name, change, code, message) => {
    const error = refused(await parseTemplateWorkbook(blank, { ...expected, ...change }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('names the cells whose defined names are gone (rows deleted in Excel turn names into #REF!)', async () => {
    const damaged = await editWorkbook(blank, (workbook) => {
      workbook.definedNames.model = workbook.definedNames.model.filter(
        (n) => !n.name.startsWith('SAM.deltagare.kvar.'),
      );
    });
    const error = refused(await parseTemplateWorkbook(damaged, expected));
    expect(error.code).toBe('missing-cells');
    expect(error.missingCells).toEqual(['deltagare.kvar.k', 'deltagare.kvar.m', 'deltagare.kvar.tot']);
    expect(error.message).toContain(
      'Filen saknar 3 av mallens inmatningsceller (Antal kvar i verksamheten – Kvinnor; Antal kvar ' +
        'i verksamheten – Män; Antal kvar i verksamheten – Totalt)',
    );
  });

  it('refuses a workbook without the _samlad sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Blad1').getCell('A1').value = 'Antal deltagare';
    const plain = Buffer.from(await workbook.xlsx.writeBuffer());
    const error = refused(await parseTemplateWorkbook(plain, expected));
    expect(error).toMatchObject({ code: 'not-samlad' });
    expect(error.message).toMatch(/^Filen är inte en Samlad-mall/);
  });

  it.each<[string, (meta: ExcelJS.Worksheet) => void, string]>([
    ['no format marker', (meta) => meta.spliceRows(1, 1), 'not-samlad'],
    ['a newer format', (meta) => (meta.getCell('B1').value = 'samlad-template/2'), 'unsupported-format'],
    ['a version that is not a number', (meta) => (meta.getCell('B3').value = 'ett'), 'bad-metadata'],
    ['a template Samlad does not know', (meta) => (meta.getCell('B2').value = 'okand-mall'), 'unknown-template'],
  ])('refuses a _samlad sheet with %s', async (_name, change, code) => {
    const damaged = await editWorkbook(blank, (workbook) => change(workbook.getWorksheet(META_SHEET_NAME)!));
    expect(refused(await parseTemplateWorkbook(damaged)).code).toBe(code);
  });
});

describe('parseTemplateWorkbook never throws on what is uploaded', () => {
  it.each<[string, () => Uint8Array, string]>([
    ['an empty buffer', () => new Uint8Array(0), 'not-xlsx'],
    ['plain text', () => Buffer.from('Antal deltagare;12;13\n'), 'not-xlsx'],
    [
      'a legacy .xls or encrypted file (OLE2)',
      () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'legacy-or-encrypted',
    ],
    ['a zip header and nothing more', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'not-xlsx'],
  ])('refuses %s', async (_name, make, code) => {
    expect(refused(await parseTemplateWorkbook(make(), expected)).code).toBe(code);
  });

  it('refuses a file above the size limit before unzipping it', async () => {
    const error = refused(await parseTemplateWorkbook(blank, expected, { maxBytes: 1000 }));
    expect(error.code).toBe('too-large');
  });

  it('refuses truncated uploads at every tenth of the file', async () => {
    for (let tenth = 1; tenth < 10; tenth++) {
      const cut = blank.subarray(0, Math.floor((blank.length * tenth) / 10));
      expect(refused(await parseTemplateWorkbook(cut, expected)).code).toBe('not-xlsx');
    }
  });

  it('survives random corruption: parses or refuses, never throws', async () => {
    const rng = seededRng(42);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const damaged = Buffer.from(blank);
      const flips = 1 + Math.floor(rng() * 8);
      for (let f = 0; f < flips; f++) damaged[Math.floor(rng() * damaged.length)] = Math.floor(rng() * 256);
      const result = await parseTemplateWorkbook(damaged, expected);
      const key = result.ok ? 'ok' : result.error.code;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    expect(
      [...outcomes.keys()].every((k) =>
        // A flip in the zip's directory can make a part declare more than the inflate budget.
        ['ok', 'not-xlsx', 'unpacks-too-large', 'not-samlad', 'bad-metadata', 'missing-cells'].includes(k),
      ),
    ).toBe(true);
  });
});
