import JSZip from 'jszip';
import { FixedDateZip } from './fixed-zip';

const DATE = new Date('2024-02-01T06:00:00.000Z');
const PARTS: Record<string, string> = {
  '[Content_Types].xml': '<Types>' + '<Default Extension="xml"/>'.repeat(50) + '</Types>',
  'xl/worksheets/sheet1.xml': '<worksheet>' + '<c r="A1"><v>1</v></c>'.repeat(200) + '</worksheet>',
  'xl/sharedStrings.xml': '<sst><si><t>Åsa Ärlig Ökar</t></si></sst>',
  // A name outside ASCII: it must be read back as written (bit 11, UTF-8).
  'xl/media/Översikt.xml': '<o/>',
};

function zipOf(parts: Record<string, string>, date = DATE): Buffer {
  const zip = new FixedDateZip(date);
  for (const [name, text] of Object.entries(parts)) zip.add(name, Buffer.from(text, 'utf8'));
  return zip.finish();
}

describe('FixedDateZip', () => {
  it('keeps every part, in order, dated the given time, readable by another zip reader', async () => {
    const read = await JSZip.loadAsync(zipOf(PARTS));
    const files = Object.values(read.files);
    expect(files.map((f) => f.name)).toEqual(Object.keys(PARTS));
    for (const file of files) {
      expect(await file.async('string')).toBe(PARTS[file.name]);
      expect(file.date.toISOString()).toBe(DATE.toISOString());
    }
  });

  it('gives the same bytes for the same parts', () => {
    expect(zipOf(PARTS).equals(zipOf(PARTS))).toBe(true);
  });

  it('deflates parts that shrink and stores those that do not', async () => {
    const raw = Object.values(PARTS).reduce((a, t) => a + Buffer.byteLength(t), 0);
    expect(zipOf(PARTS).length).toBeLessThan(raw / 4);
    const tiny = await JSZip.loadAsync(zipOf({ 'a.xml': 'x' }));
    expect(await tiny.file('a.xml')!.async('string')).toBe('x');
  });

  it('refuses a part named twice, and dates a zip cannot hold', () => {
    const zip = new FixedDateZip(DATE);
    zip.add('a.xml', Buffer.from('<a/>'));
    expect(() => zip.add('a.xml', Buffer.from('<b/>'))).toThrow(/a\.xml/);
    expect(() => new FixedDateZip(new Date('1979-12-31T00:00:00Z'))).toThrow(/1980/);
  });
});
