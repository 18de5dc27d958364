import { decodeScbText } from './text';
import { recognise, regionOf, roleOfVariableName, splitHeading } from './vocabulary';

describe("HE0000T02N2's variables and values, by code or by text", () => {
  it.each([
    ['region', 'region'],
    ['Region', 'region'],
    ['Region - region', 'region'],
    ['kön', 'kon'],
    ['Kon', 'kon'],
    ['åldersgrupp', 'alder'],
    ['Aldersgrupp - åldersgrupp', 'alder'],
    ['tabellinnehåll', 'contents'],
    ['ContentsCode', 'contents'],
    ['månad', 'tid'],
    ['Tid', 'tid'],
    ['år', undefined],
  ])('%j names %s', (name, role) => {
    expect(roleOfVariableName(name)).toBe(role);
  });

  it.each([
    ['kon', 'män och kvinnor totalt', 'totalt'],
    ['kon', '1+2', 'totalt'],
    ['kon', '1 - män', 'man'],
    ['kon', 'kvinnor', 'kvinnor'],
    ['alder', '20–64 år', '20-64'],
    ['alder', '20-64 år', '20-64'],
    ['alder', '20-65', '20-65'],
    ['alder', '16-24 år', undefined],
    ['contents', 'Sjuk- och aktivitetsersersättning', 'sjuk_aktivitetsersattning'],
    ['contents', 'Sjuk- och aktivitetsersättning', 'sjuk_aktivitetsersattning'],
    ['contents', 'Arbetslöshet', 'arbetsloshet'],
    ['contents', 'Folkmängd 20-64 år', 'folkmangd'],
    ['contents', 'Andel av befolkningen 20-64 år', 'andel'],
    ['contents', 'Bostadsbidrag', undefined],
    ['tid', '2023M06', '2023M06'],
    ['tid', '2023H1', undefined],
  ] as const)('%s %j is %j', (role, text, expected) => {
    expect(recognise[role](text)).toBe(expected);
  });

  it.each([
    ['2480 Umeå', { kind: 'kommun', code: '2480', name: 'Umeå' }],
    ['2480 - Umeå', { kind: 'kommun', code: '2480', name: 'Umeå' }],
    ['2480', { kind: 'kommun', code: '2480', name: undefined }],
    ['Umeå', { kind: 'kommun', code: undefined, name: 'Umeå' }],
    ['Riket', { kind: 'riket' }],
    ['00 - Riket', { kind: 'riket' }],
    ['00', { kind: 'riket' }],
    ['24 Västerbottens län', { kind: 'lan', code: '24', name: 'Västerbottens län' }],
    ['män', undefined],
  ])('region %j', (text, expected) => {
    expect(regionOf(text)).toEqual(expected);
  });

  it.each([
    ['Sjukpenning 2023M01', ['contents', 'tid'], { contents: 'Sjukpenning', tid: '2023M01' }],
    [
      'män och kvinnor totalt 20–64 år Folkmängd 20-64 år 2023M01',
      ['kon', 'alder', 'contents', 'tid'],
      { kon: 'män och kvinnor totalt', alder: '20–64 år', contents: 'Folkmängd 20-64 år', tid: '2023M01' },
    ],
    ['1 - män 20-64 - 20–64 år', ['kon', 'alder'], { kon: 'män', alder: '20-64' }],
    [
      'Umeå Sjukpenning 2023M01',
      ['region', 'contents', 'tid'],
      { region: 'Umeå', contents: 'Sjukpenning', tid: '2023M01' },
    ],
    ['0000018D 2023M01', ['contents', 'tid'], { contents: '0000018D', tid: '2023M01' }],
  ] as const)("splits PxWeb's heading %j", (text, roles, expected) => {
    expect(splitHeading(text, roles)).toEqual(expected);
  });
});

describe("a file's text", () => {
  const bytes = (...parts: (string | number[])[]) =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));
  it.each([
    ['UTF-8 with a byte-order mark', bytes([0xef, 0xbb, 0xbf], 'Umeå'), { ok: true, text: 'Umeå', encoding: 'utf-8' }],
    ['Windows-1252', bytes('Ume', [0xe5]), { ok: true, text: 'Umeå', encoding: 'windows-1252' }],
    [
      'both',
      bytes('Umeå Vänn', [0xe4], 's'),
      { ok: false, problem: 'mixed-encoding', utf8Sequences: 2, strayBytes: 1 },
    ],
  ])('%s', (_case, input, expected) => {
    expect(decodeScbText(input)).toEqual(expected);
  });
});
