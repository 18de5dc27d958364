import { writeZip } from '../../tests/property/support/zip-writer';
import { rejectionOf } from '../../tests/support/rejection';
import { parseAreaReference } from './address';
import { DEFAULT_XLSX_LIMITS } from './limits';
import { readXlsx, cellOf, type XlsxQuery } from './read-xlsx';
import { XlsxRefusal } from './refusal';
import { isDateFormatCode } from './styles-part';
import { createUntrustedXlsxReader } from './untrusted-reader';

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Book {
  sheets?: { name: string; rows: string; state?: string }[];
  names?: string;
  strings?: string;
  styles?: string;
  workbookPr?: string;
}

/** A minimal xlsx from its XML: sheets, defined names, shared strings and styles as given. */
function xlsx(book: Book): Promise<Buffer> {
  const sheets = book.sheets ?? [{ name: 'Blad1', rows: '' }];
  const parts = new Map<string, string>();
  parts.set(
    'xl/workbook.xml',
    `<workbook ${NS}>${book.workbookPr ?? ''}<sheets>${sheets
      .map(
        (s, i) =>
          `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
      )
      .join('')}</sheets>${book.names ? `<definedNames>${book.names}</definedNames>` : ''}</workbook>`,
  );
  const rels = sheets.map(
    (_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  if (book.strings !== undefined) {
    rels.push(`<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts.set('xl/sharedStrings.xml', `<sst ${NS}>${book.strings}</sst>`);
  }
  if (book.styles !== undefined) {
    rels.push(`<Relationship Id="rT" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
    parts.set('xl/styles.xml', `<styleSheet ${NS}>${book.styles}</styleSheet>`);
  }
  parts.set(
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `${rels.join('')}</Relationships>`,
  );
  sheets.forEach((s, i) =>
    parts.set(`xl/worksheets/sheet${i + 1}.xml`, `<worksheet ${NS}><sheetData>${s.rows}</sheetData></worksheet>`),
  );
  return writeZip(parts);
}

const everything: XlsxQuery = { names: /.*/, wholeSheets: ['Blad1'] };

describe('parseAreaReference', () => {
  it.each([
    ["'Deltagare och avslut'!$B$7", { sheet: 'Deltagare och avslut', top: 7, left: 2, bottom: 7, right: 2 }],
    ['Blad1!B7', { sheet: 'Blad1', top: 7, left: 2, bottom: 7, right: 2 }],
    ["'Kvinnors ''tal'''!$C$9:$A$1", { sheet: "Kvinnors 'tal'", top: 1, left: 1, bottom: 9, right: 3 }],
    ['Blad1!$A$1:$XFD$1048576', { sheet: 'Blad1', top: 1, left: 1, bottom: 1_048_576, right: 16_384 }],
    ['=Blad1!$A$2', { sheet: 'Blad1', top: 2, left: 1, bottom: 2, right: 1 }],
  ])('%s', (formula, area) => expect(parseAreaReference(formula)).toEqual(area));

  it.each([
    '#REF!',
    "'Blad1'!#REF!",
    'Blad1!$A$1,Blad1!$B$2',
    'Blad1!$A:$A',
    '[1]Blad1!$A$1',
    'SUM(Blad1!A1)',
    'Blad1!$XFE$1',
    'Blad1!A1048577',
    '42',
  ])('not one area on a sheet: %s', (formula) => expect(parseAreaReference(formula)).toBeUndefined());
});

describe('isDateFormatCode', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['d/m', true],
    ['[$-41D]mmmm yyyy', true],
    ['h:mm', true],
    ['0', false],
    ['General', false],
    ['# ##0 "kr"', false],
    ['0,0%', false],
    ['[Red]#,##0', false],
    ['_-* #,##0\\ "kr"_-;\\-* #,##0\\ "kr"_-', false],
    ['0 "dagar"', false],
  ])('%s → %s', (code, isDate) => expect(isDateFormatCode(code)).toBe(isDate));
});

describe('readXlsx reads cells as a spreadsheet user means them', () => {
  it('every kind of value, shared strings and their rich text without phonetic runs', async () => {
    const content = await readXlsx(
      await xlsx({
        strings:
          '<si><t>Kvinnor</t></si>' +
          '<si><r><t>1</t></r><r><rPr><b/></rPr><t xml:space="preserve">2 </t></r><rPh><t>X</t></rPh></si>',
        sheets: [
          {
            name: 'Blad1',
            rows:
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
              '<c r="C1"><v>17.5</v></c><c r="D1" t="b"><v>1</v></c></row>' +
              '<row r="2"><c r="A2" t="e"><v>#DIV/0!</v></c>' +
              '<c r="B2" t="inlineStr"><is><t>fri &amp; text</t></is></c>' +
              '<c r="C2" t="str"><f>A1&amp;"!"</f><v>Kvinnor!</v></c><c r="D2"><f>B1+1</f></c></row>' +
              '<row r="3"><c r="A3" s="1"/><c r="B3"><f>1/0</f><v>#DIV/0!</v></c>' +
              '<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3"><v></v></c></row>',
          },
        ],
      }),
      everything,
    );
    const at = (address: string) => cellOf(content, 'Blad1', address);
    expect(at('A1')).toEqual({ kind: 'value', raw: 'Kvinnor' });
    expect(at('B1')).toEqual({ kind: 'value', raw: '12 ' });
    expect(at('C1')).toEqual({ kind: 'value', raw: 17.5 });
    expect(at('D1')).toEqual({ kind: 'value', raw: true });
    expect(at('A2')).toEqual({ kind: 'error-value', error: '#DIV/0!' });
    expect(at('B2')).toEqual({ kind: 'value', raw: 'fri & text' });
    expect(at('C2')).toEqual({ kind: 'value', raw: 'Kvinnor!' });
    expect(at('D2')).toEqual({ kind: 'formula-without-result', formula: 'B1+1' });
    expect(at('A3')).toEqual({ kind: 'value', raw: null });
    expect(at('C3')).toEqual({ kind: 'error-value', error: '#DIV/0!' });
    expect(at('D3')).toEqual({ kind: 'value', raw: null });
    expect(at('Z99')).toEqual({ kind: 'value', raw: null });
  });

  it('numbers in a date format as YYYY-MM-DD, in the 1900 and the 1904 system', async () => {
    const book = async (workbookPr = '') =>
      xlsx({
        workbookPr,
        styles:
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
          '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
          '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>',
        sheets: [
          {
            name: 'Blad1',
            rows:
              '<row r="1"><c r="A1" s="1"><v>44958</v></c><c r="B1" s="2"><v>44958</v></c>' +
              '<c r="C1" s="0"><v>44958</v></c></row>',
          },
        ],
      });
    const plain = await readXlsx(await book(), everything);
    expect(['A1', 'B1', 'C1'].map((a) => cellOf(plain, 'Blad1', a))).toEqual([
      { kind: 'value', raw: '2023-02-01' },
      { kind: 'value', raw: '2023-02-01' },
      { kind: 'value', raw: 44958 },
    ]);
    const old = await readXlsx(await book('<workbookPr date1904="1"/>'), everything);
    expect(cellOf(old, 'Blad1', 'A1')).toEqual({ kind: 'value', raw: '2027-02-02' });
  });

  it('cells without an address follow the one before; a shared formula names its master', async () => {
    const content = await readXlsx(
      await xlsx({
        sheets: [
          {
            name: 'Blad1',
            rows:
              '<row><c><v>1</v></c><c><v>2</v></c></row>' +
              '<row><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f></c></row>' +
              '<row r="3"><c r="B3"><f t="shared" si="0"/></c></row>',
          },
        ],
      }),
      everything,
    );
    expect(cellOf(content, 'Blad1', 'A1')).toEqual({ kind: 'value', raw: 1 });
    expect(cellOf(content, 'Blad1', 'B1')).toEqual({ kind: 'value', raw: 2 });
    expect(cellOf(content, 'Blad1', 'B3')).toEqual({ kind: 'formula-without-result', formula: 'A2*2' });
  });
});

describe('readXlsx resolves defined names by arithmetic', () => {
  const sheets = [
    { name: 'Mall', rows: '<row r="7"><c r="B7"><v>9</v></c></row>' },
    { name: "Kvinnors 'tal'", rows: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>' },
  ];
  const names =
    '<definedName name="SAM.a">\'Mall\'!$B$7</definedName>' +
    "<definedName name=\"SAM.b\">'Kvinnors ''tal'''!$A$1:$B$1</definedName>" +
    '<definedName name="SAM.c">#REF!</definedName>' +
    '<definedName name="SAM.d">Mall!$A$1,Mall!$B$2</definedName>' +
    '<definedName name="SAM.e">\'Finns inte\'!$A$1</definedName>' +
    '<definedName name="SAM.f">Mall!$A$1:$XFD$1048576</definedName>' +
    '<definedName name="SAM.g" localSheetId="1">Mall!$B$7</definedName>' +
    '<definedName name="Annat">Mall!$A$1</definedName>';

  it('targets one area on a sheet of the workbook within the size limit; nothing else', async () => {
    const content = await readXlsx(await xlsx({ sheets, names }), { names: /^SAM\./, wholeSheets: [] });
    expect(content.names.map((n) => [n.name, n.target ?? null, n.scope ?? null])).toEqual([
      ['SAM.a', { sheet: 'Mall', addresses: ['B7'] }, null],
      ['SAM.b', { sheet: "Kvinnors 'tal'", addresses: ['A1', 'B1'] }, null],
      ['SAM.c', null, null],
      ['SAM.d', null, null],
      ['SAM.e', null, null],
      ['SAM.f', null, null],
      ['SAM.g', { sheet: 'Mall', addresses: ['B7'] }, "Kvinnors 'tal'"],
    ]);
    expect(cellOf(content, 'Mall', 'B7')).toEqual({ kind: 'value', raw: 9 });
    expect(cellOf(content, "Kvinnors 'tal'", 'B1')).toEqual({ kind: 'value', raw: 2 });
    // Only asked-for cells are kept.
    expect([...content.cells.get('Mall')!.keys()]).toEqual(['B7']);
  });

  it('reads a hidden sheet whole, by its name in any case', async () => {
    const content = await readXlsx(
      await xlsx({
        sheets: [
          {
            name: '_Samlad',
            state: 'veryHidden',
            rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>format</t></is></c></row>',
          },
        ],
      }),
      { names: /^$/, wholeSheets: ['_samlad'] },
    );
    expect(content.sheets).toEqual([{ name: '_Samlad', state: 'veryHidden' }]);
    expect(cellOf(content, '_Samlad', 'A1')).toEqual({ kind: 'value', raw: 'format' });
  });
});

describe('readXlsx refuses what it will not read', () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');

  it.each<[string, () => Buffer | Promise<Buffer>, string, Partial<typeof DEFAULT_XLSX_LIMITS>?]>([
    ['not a zip', () => Buffer.from('PK\u0003\u0004 nej'), 'not-xlsx'],
    ['a zip without a workbook', () => writeZip(new Map([['a.txt', 'hej']])), 'not-xlsx'],
    [
      'a sheet the workbook names but the zip lacks',
      () => {
        const parts = new Map([
          [
            'xl/workbook.xml',
            `<workbook ${NS}><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
          ],
        ]);
        return writeZip(parts);
      },
      'not-xlsx',
    ],
    [
      'an undefined entity (what an entity expansion needs)',
      () =>
        xlsx({
          sheets: [{ name: 'Blad1', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>' }],
        }),
      'not-xlsx',
    ],
    [
      'more cells in a whole sheet than it keeps',
      () => xlsx({ sheets: [{ name: 'Blad1', rows: rows(11) }] }),
      'too-complex',
      { cellsPerWholeSheet: 10 },
    ],
    [
      'more defined names than it reads',
      () =>
        xlsx({ names: '<definedName name="a">Blad1!$A$1</definedName><definedName name="b">Blad1!$A$1</definedName>' }),
      'too-complex',
      { definedNames: 1 },
    ],
    [
      'names covering more cells together than it keeps',
      () =>
        xlsx({
          names:
            '<definedName name="a">Blad1!$A$1:$A$8</definedName><definedName name="b">Blad1!$B$1:$B$8</definedName>',
        }),
      'too-complex',
      { namedCells: 10 },
    ],
    ['more entries than it opens', () => xlsx({}), 'too-large', { entries: 2 }],
    [
      'more inflated bytes than its budget',
      () => xlsx({ sheets: [{ name: 'Blad1', rows: rows(50) }] }),
      'too-large',
      { inflatedBytes: 1000 },
    ],
  ])('%s', async (_name, make, code, limits = {}) => {
    expect(
      (await rejectionOf(readXlsx(await make(), everything, { ...DEFAULT_XLSX_LIMITS, ...limits }), XlsxRefusal)).code,
    ).toBe(code);
  });
});

describe('the worker-backed reader', () => {
  const book = () =>
    xlsx({
      sheets: [{ name: 'Blad1', rows: '<row r="1"><c r="A1"><v>5</v></c></row>' }],
      names: '<definedName name="x">Blad1!$A$1</definedName>',
    });

  it('reads in its worker what readXlsx reads here', async () => {
    const reader = createUntrustedXlsxReader({ workers: 1 });
    try {
      const file = await book();
      expect(await reader.read(file, everything)).toEqual(await readXlsx(file, everything));
      expect((await rejectionOf(reader.read(Buffer.from('nej'), everything), XlsxRefusal)).code).toBe('not-xlsx');
    } finally {
      await reader.close();
    }
  });

  it('answers a workbook that overruns its time budget as too complex', async () => {
    const reader = createUntrustedXlsxReader({ workers: 1, timeoutMs: 1 });
    try {
      expect((await rejectionOf(reader.read(await book(), everything), XlsxRefusal)).code).toBe('too-complex');
    } finally {
      await reader.close();
    }
  });
});
