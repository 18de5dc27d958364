import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registry } from '../config/registry';
import { findForbund, findTemplate } from '../model/selectors';
import { HAE_COLUMNS, type HaeColumn } from './helarsekvivalenter';
import { formatScbValue, importScbFile, previewScbPeriod, type ScbImport } from './scb-import';
import { parseScbCsv } from './scb-csv';
import { scbToTemplateValues } from './scb-table';

const fixtures = join(__dirname, '../../tests/fixtures/scb');
const csvBytes = readFileSync(join(fixtures, 'he0000t02n2-umearegionen-h1.csv'));
const jsonBytes = readFileSync(join(fixtures, 'he0000t02n2-umearegionen-h1.json'));
const csv = csvBytes.toString('utf8');
const umearegionen = findForbund(registry, 'umearegionen')!;
const skelleftea = findForbund(registry, 'skelleftea-norsjo')!;
const covered = (period: string): boolean =>
  findTemplate(registry, 'helarsekvivalenter', Number(period.slice(0, 4))) !== undefined;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** The fixture with one of SCB's figures replaced by "..", as SCB prints a value it does not publish. */
const BJURHOLM_ATGARDER = '"2403 Bjurholm","Arbetsmarknadsåtgärder",20.0,19.8,';
const withDots = csv.replace(BJURHOLM_ATGARDER, '"2403 Bjurholm","Arbetsmarknadsåtgärder",20.0,"..",');

function imported(name: string, bytes: Uint8Array, covers = covered): ScbImport {
  const result = importScbFile(name, bytes, umearegionen, covers);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('reading an SCB file for import', () => {
  it.each([
    ['the CSV fixture', 'he.csv', csvBytes, 'csv'],
    ['the json-stat2 fixture', 'he.json', jsonBytes, 'json-stat2'],
    ['the json-stat2 fixture saved as .txt (told apart by content)', 'he.txt', jsonBytes, 'json-stat2'],
    ['the CSV fixture re-saved as Windows-1252', 'he.csv', Buffer.from(csv.replace(/^\uFEFF/, ''), 'latin1'), 'csv'],
  ] as const)('finds both first half-years, newest first, in %s', (_case, name, bytes, format) => {
    const found = imported(name, bytes);
    expect(found).toMatchObject({ format, periods: ['2023H1', '2022H1'], unsupportedPeriods: [] });
    expect(found.table.problems).toEqual([]);
  });

  it('offers only the half-years a template version covers, and names the others', () => {
    expect(imported('he.csv', csvBytes, (p) => p !== '2022H1')).toMatchObject({
      periods: ['2023H1'],
      unsupportedPeriods: ['2022H1'],
    });
  });

  it.each([
    ['an empty file', 'he.csv', utf8(''), umearegionen, /^Filen är tom\.$/, []],
    ['a file of blank lines', 'he.csv', utf8('\r\n\r\n'), umearegionen, /^Filen är tom\.$/, []],
    [
      'an Excel file',
      'he.csv',
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      umearegionen,
      /Excelfil.*CSV eller json-stat2/,
      [],
    ],
    ['broken JSON', 'he.json', utf8('{"class": "dataset", "id": ['), umearegionen, /kan inte läsas som JSON/, []],
    [
      'JSON that is not json-stat2',
      'he.json',
      utf8('{"class": "collection"}'),
      umearegionen,
      /inga helårsekvivalenter för första halvåret/,
      [expect.stringMatching(/inte ett json-stat2-dataset/)],
    ],
    [
      'CSV without a half-year column',
      'he.csv',
      utf8('region;förmån;2023M01\n2480 Umeå;Sjukpenning;12'),
      umearegionen,
      /inga helårsekvivalenter för första halvåret/,
      ['Ingen kolumn i rubrikraden anger ett halvår (t.ex. 2023H1).'],
    ],
    [
      'text that is no table at all',
      'anteckning.csv',
      utf8('Hej!\nHär kommer siffrorna.'),
      umearegionen,
      /inga helårsekvivalenter/,
      expect.arrayContaining([
        'Rad 2: ”Här kommer siffrorna.” är ingen kommun (fyrsiffrig kommunkod); raden hoppas över.',
      ]),
    ],
    [
      "another förbund's kommuner only",
      'he.csv',
      csvBytes,
      skelleftea,
      /^Filen har inga uppgifter för förbundets kommuner \(Skellefteå kommun, Norsjö kommun\)\.$/,
      [],
    ],
  ] as const)('refuses %s with a Swedish message', (_case, name, bytes, forbund, message, problems) => {
    const result = importScbFile(name, bytes, forbund, covered);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
    expect(result.problems).toEqual(problems);
  });

  it('refuses a file whose half-years no template version covers', () => {
    const result = importScbFile('he.csv', csvBytes, umearegionen, () => false);
    expect(result).toMatchObject({
      ok: false,
      message: 'Filen har bara halvår som Samlads mall för helårsekvivalenter inte gäller för: 2023H1, 2022H1.',
    });
  });
});

describe('the preview of one half-year', () => {
  it.each([
    ['csv', '2023H1', 'umea', 'sjukpenning', 1969.1],
    ['csv', '2023H1', 'umea', 'befolkning_20_64', 78420],
    ['csv', '2023H1', 'bjurholm', 'arbetsmarknadsatgarder', 19.8],
    ['csv', '2022H1', 'nordmaling', 'ekonomiskt_bistand', 53.3],
    ['csv', '2022H1', 'robertsfors', 'befolkning_20_64', 3380],
    ['json', '2023H1', 'umea', 'sjukpenning', 1969.1],
    ['json', '2022H1', 'vindeln', 'sjuk_aktivitetsersattning', 134.7],
    ['json', '2022H1', 'vannas', 'befolkning_20_64', 4620],
  ] as const)('%s %s: %s %s is %p', (format, period, kommun, column, expected) => {
    const found = imported(`he.${format}`, format === 'csv' ? csvBytes : jsonBytes);
    const row = previewScbPeriod(found.table, umearegionen, period).rows.find((r) => r.kommunId === kommun);
    expect(row?.values[column]).toBe(expected);
  });

  it('lists every kommun of the förbund in its order, sending exactly the template values the demo sends', () => {
    const preview = previewScbPeriod(imported('he.csv', csvBytes).table, umearegionen, '2023H1');
    expect(preview.rows.map((r) => r.name)).toEqual(
      umearegionen.parties.filter((p) => p.kind === 'kommun').map((p) => p.name),
    );
    expect(preview.values).toEqual(scbToTemplateValues(parseScbCsv(csv), umearegionen, '2023H1').values);
    expect(preview.problems).toEqual([]);
    expect(preview.missing).toEqual([]);
  });

  it('keeps SCB\'s ".." missing (null, shown as saknas), never 0', () => {
    expect(withDots).not.toBe(csv);
    const preview = previewScbPeriod(imported('he.csv', utf8(withDots)).table, umearegionen, '2023H1');
    const bjurholm = preview.rows.find((r) => r.kommunId === 'bjurholm')!;
    expect(bjurholm.values.arbetsmarknadsatgarder).toBeNull();
    expect(preview.values['helarsekvivalenter.bjurholm.arbetsmarknadsatgarder']).toBeNull();
    expect(formatScbValue(bjurholm.values.arbetsmarknadsatgarder, 'arbetsmarknadsatgarder')).toBe('saknas');
    expect(preview.missing).toEqual([
      { kommunId: 'bjurholm', name: 'Bjurholms kommun', columns: ['arbetsmarknadsatgarder'] },
    ]);
    // The other half-year of the same row is untouched.
    expect(
      previewScbPeriod(imported('he.csv', utf8(withDots)).table, umearegionen, '2022H1').rows.find(
        (r) => r.kommunId === 'bjurholm',
      )!.values.arbetsmarknadsatgarder,
    ).toBe(20);
  });

  it('shows a kommun the file lacks as missing throughout, and names it among the problems', () => {
    const withoutVannas = csv
      .split('\r\n')
      .filter((line) => !line.startsWith('"2460 Vännäs"'))
      .join('\r\n');
    const preview = previewScbPeriod(imported('he.csv', utf8(withoutVannas)).table, umearegionen, '2023H1');
    expect(Object.values(preview.rows.find((r) => r.kommunId === 'vannas')!.values)).toEqual(Array(7).fill(null));
    expect(preview.problems).toEqual(['SCB-filen saknar Vännäs kommun (2460) för 2023H1.']);
    expect(preview.missing).toEqual([{ kommunId: 'vannas', name: 'Vännäs kommun', columns: [...HAE_COLUMNS] }]);
  });

  it('passes on the rows the parser skipped, naming them', () => {
    const extra = `${csv}"2480 Umeå","Bostadsbidrag",1.0,2.0,"..",".."\r\n"Riket","Sjukpenning m.m.",1,2,"..",".."\r\n`;
    expect(previewScbPeriod(imported('he.csv', utf8(extra)).table, umearegionen, '2023H1').problems).toEqual([
      'Rad 44: okänd förmån ”Bostadsbidrag”; raderna med den hoppas över.',
      'En rad för län eller hela riket hoppas över; bara kommunernas rader används.',
    ]);
  });
});

describe('a preview cell', () => {
  it.each([
    [null, 'sjukpenning', 'saknas'],
    [null, 'befolkning_20_64', 'saknas'],
    [0, 'etableringsersattning', '0,0'],
    [1969.1, 'sjukpenning', '1\u00a0969,1'],
    [51, 'ekonomiskt_bistand', '51,0'],
    [78420, 'befolkning_20_64', '78\u00a0420'],
  ] as const)('%p in %s reads %p', (value, column, text) => {
    expect(formatScbValue(value, column as HaeColumn)).toBe(text);
  });
});
