import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { nodeInflateRaw } from '../../tests/support/inflate-raw';
import { readScbXlsx } from './xlsx';
import type { InflateRaw } from './zip';

const fixture = readFileSync(join(__dirname, '../../tests/fixtures/scb/he0000t02n2-umearegionen.xlsx'));

/** A zip of the given parts (deflated unless stored); CRCs are left 0, which the reader does not need. */
function zipOf(parts: { name: string; data: Uint8Array; stored?: boolean; flags?: number }[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const body = part.stored ? Buffer.from(part.data) : deflateRawSync(part.data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(part.flags ?? 0, 6);
    header.writeUInt16LE(part.stored ? 0 : 8, 8);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(part.data.length, 22);
    header.writeUInt16LE(name.length, 26);
    local.push(header, name, body);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(part.flags ?? 0, 8);
    entry.writeUInt16LE(part.stored ? 0 : 8, 10);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(part.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Uint8Array.from(Buffer.concat([...local, directory, end]));
}

const text = (s: string) => new TextEncoder().encode(s);
const WORKBOOK = text(
  '<workbook xmlns:r="r"><sheets><sheet name="TAB1386" sheetId="1" r:id="rId1"/></sheets></workbook>',
);
const RELS = text(
  '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
);
const workbookWith = (sheet: Uint8Array) =>
  zipOf([
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: RELS },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ]);

/** The inflater, counting what it hands out. */
function counting(): { inflate: InflateRaw; bytes: () => number } {
  let total = 0;
  return {
    inflate: async (data, limit) => {
      const out = await nodeInflateRaw(data, limit);
      total += out.length;
      return out;
    },
    bytes: () => total,
  };
}

describe("reading SCB's xlsx without a spreadsheet library", () => {
  it("finds the title, the table's id and every figure of PxWeb's layout", async () => {
    const read = await readScbXlsx(Uint8Array.from(fixture), nodeInflateRaw);
    expect(read).toMatchObject({ ok: true, tableId: 'TAB1386', problems: [] });
    if (!read.ok) return;
    expect(read.title).toMatch(/^Antal helårsekvivalenter/);
    // 7 regions × 9 contents × 3 sexes × 2 age groups × 24 months.
    expect(read.observations).toHaveLength(9072);
    expect(read.observations[0]).toEqual({
      at: { region: 'Riket', contents: 'Sjukpenning' },
      heading: { kon: 'män', alder: '20–64 år', tid: '2022M01' },
      value: 60330,
    });
  });

  it('reads only the cells the sheet holds: a whole-sheet dimension, merge or validation costs nothing', async () => {
    const sheet = text(
      [
        '<worksheet><dimension ref="A1:XFD1048576"/><sheetData>',
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Antal helårsekvivalenter</t></is></c></row>',
        '<row r="3"><c r="C3" t="inlineStr"><is><t>2023M01</t></is></c></row>',
        '<row r="4"><c r="A4" t="inlineStr"><is><t>Umeå</t></is></c><c r="B4" ' +
          't="inlineStr"><is><t>Folkmängd</t></is></c><c r="C4"><v>78400</v></c></row>',
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        '<dataValidations count="1"><dataValidation sqref="A1:XFD1048576" type="whole"/></dataValidations></worksheet>',
      ].join(''),
    );
    const read = await readScbXlsx(workbookWith(sheet), nodeInflateRaw);
    expect(read.ok && read.observations.map((o) => [{ ...o.at, ...o.heading }, o.value])).toEqual([
      [{ region: 'Umeå', contents: 'Folkmängd', tid: '2023M01' }, 78400],
    ]);
  });

  it("stops inflating a zip bomb at a limit set by the file's own size, and refuses it", async () => {
    const bomb = workbookWith(new Uint8Array(64 * 1024 * 1024).fill(0x20));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const counter = counting();
    const read = await readScbXlsx(bomb, counter.inflate);
    expect(read).toMatchObject({
      ok: false,
      message: expect.stringMatching(/går inte att packa upp, eller blir större än/),
    });
    // What came out before the refusal: the small parts only, never the bomb's 64 MB.
    expect(counter.bytes()).toBeLessThan(1024);
  });

  it.each([
    ['a file cut off', () => Uint8Array.from(fixture.subarray(0, fixture.length / 2)), /ingen hel Excelfil/],
    [
      'a directory of more parts than any SCB file has',
      () => zipOf(Array.from({ length: 1001 }, (_, i) => ({ name: `x${i}.xml`, data: text('<x/>'), stored: true }))),
      /1001 delar/,
    ],
    ['an encrypted part', () => zipOf([{ name: 'xl/workbook.xml', data: WORKBOOK, flags: 1 }]), /krypterad/],
    [
      'a zip without a workbook',
      () => zipOf([{ name: 'word/document.xml', data: text('<w/>') }]),
      /arbetsboken saknas/,
    ],
    [
      'a sheet without figures',
      () =>
        workbookWith(
          text(
            '<worksheet><sheetData><row r="1"><c r="A1" ' +
              't="inlineStr"><is><t>Hej</t></is></c></row></sheetData></worksheet>',
          ),
        ),
      /har inga tal/,
    ],
  ])('refuses %s with a Swedish message', async (_case, make, message) => {
    const read = await readScbXlsx(make(), nodeInflateRaw);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });
});
