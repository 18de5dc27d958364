import JSZip from 'jszip';
import { packWithFixedDate } from './fixed-zip';

const DATE = new Date('2024-02-01T06:00:00.000Z');
const PARTS: Record<string, string> = {
  '[Content_Types].xml': '<Types>' + '<Default Extension="xml"/>'.repeat(50) + '</Types>',
  'xl/worksheets/sheet1.xml': '<worksheet>' + '<c r="A1"><v>1</v></c>'.repeat(200) + '</worksheet>',
  'xl/sharedStrings.xml': '<sst><si><t>Åsa Ärlig Ökar</t></si></sst>',
  // A name outside ASCII: its UTF-8 flag (bit 11) must survive the re-pack.
  'xl/media/Översikt.xml': '<o/>',
};

async function zipOf(compression: 'STORE' | 'DEFLATE', date: Date): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(PARTS)) zip.file(name, text, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression });
}

describe('packWithFixedDate', () => {
  it.each(['STORE', 'DEFLATE'] as const)(
    'keeps every part of a %s zip, in order, dated the given time',
    async (compression) => {
      const packed = packWithFixedDate(await zipOf(compression, new Date('2030-05-05T12:34:56Z')), DATE);
      const read = await JSZip.loadAsync(packed);
      const files = Object.values(read.files);
      // JSZip adds folder entries (xl/, xl/worksheets/); an xlsx package has none.
      expect(files.map((f) => f.name)).toEqual(Object.keys(PARTS));
      for (const file of files) {
        expect(await file.async('string')).toBe(PARTS[file.name]);
        expect(file.date.toISOString()).toBe(DATE.toISOString());
      }
    },
  );

  it('gives the same bytes whenever the input was zipped', async () => {
    const a = packWithFixedDate(await zipOf('STORE', new Date('2030-01-01T00:00:00Z')), DATE);
    const b = packWithFixedDate(await zipOf('STORE', new Date('2031-06-15T08:09:10Z')), DATE);
    expect(a.equals(b)).toBe(true);
  });

  it('deflates stored parts', async () => {
    const stored = await zipOf('STORE', DATE);
    expect(packWithFixedDate(stored, DATE).length).toBeLessThan(stored.length / 4);
  });

  it.each([
    ['not a zip', Buffer.from('plain text, no end of central directory record')],
    ['an empty buffer', Buffer.alloc(0)],
  ])('refuses %s', (_name, bytes) => {
    expect(() => packWithFixedDate(bytes, DATE)).toThrow(/not a zip/);
  });
});
