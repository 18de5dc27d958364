import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bilaga4 } from '../../tests/fixtures/seeds/seed-004-bilaga-4';
import { nodeInflateRaw } from '../../tests/support/inflate-raw';
import { registry } from '../config/registry';
import { scbHelarsekvivalenter as config } from '../config/scb-helarsekvivalenter';
import { resolveTemplate } from '../model/resolve';
import { findForbund, findTemplate } from '../model/selectors';
import { validateSubmission } from '../validation/validate';
import { importScb, type ScbImport } from './import';
import { previewScbPeriod } from './preview';
import { readScbFile, readScbText } from './read-file';

const dir = join(__dirname, '../../tests/fixtures/scb');
const FIXTURES = readdirSync(dir).filter((f) => /\.(csv|json|xlsx)$/.test(f));
const umearegionen = findForbund(registry, 'umearegionen')!;
const skelleftea = findForbund(registry, 'skelleftea-norsjo')!;
const templateFor = (period: string) => {
  const year = Number(period.slice(0, 4));
  const definition = findTemplate(registry, 'helarsekvivalenter', year);
  return definition && resolveTemplate(definition, umearegionen, year);
};
const csv = readFileSync(join(dir, 'he0000t02n2-umearegionen.csv'), 'utf8');
const utf8 = (text: string) => new TextEncoder().encode(text);

async function imported(name: string, bytes: Uint8Array, forbund = umearegionen) {
  const file = await readScbFile(name, bytes, nodeInflateRaw);
  return file.ok ? importScb(file, forbund, templateFor, config) : file;
}
async function ok(name: string, bytes: Uint8Array): Promise<ScbImport> {
  const result = await imported(name, bytes);
  if (!result.ok) throw new Error(result.message);
  return result;
}
const preview = (found: ScbImport, period: string) =>
  previewScbPeriod(found, umearegionen, templateFor(period)!, period, config);

/** The CSV fixture with each data row passed through `edit` (fields unquoted; null drops the row). */
function editRows(edit: (fields: string[]) => string[] | null): string {
  const [header, ...rows] = csv.split('\r\n');
  return [
    header,
    ...rows.flatMap((line) => {
      if (line === '') return [line];
      const edited = edit(line.split(',').map((f) => f.replace(/^"|"$/g, '')));
      return edited ? [edited.map((f, i) => (i < 4 ? `"${f}"` : f)).join(',')] : [];
    }),
  ].join('\r\n');
}
const month = (m: string) => 4 + (Number(m.slice(0, 4)) - 2022) * 12 + Number(m.slice(5)) - 1;
const isTotal = (f: string[], region: string, content: string) =>
  f[0] === region && f[1] === 'män och kvinnor totalt' && f[2] === '20–64 år' && f[3] === content;
const setMonth = (region: string, content: string, m: string, value: string) =>
  editRows((f) => (isTotal(f, region, content) ? f.map((v, i) => (i === month(m) ? value : v)) : f));

describe("every layout of SCB's table HE0000T02N2 a user can download", () => {
  const reference = (async () => {
    const found = await ok('he.csv', utf8(csv));
    return { '2022H1': preview(found, '2022H1').values, '2023H1': preview(found, '2023H1').values };
  })();

  it.each(FIXTURES)(
    '%s reads to the same template values for both first half-years, with nothing skipped',
    async (file) => {
      const found = await ok(file, readFileSync(join(dir, file)));
      expect(found).toMatchObject({
        periods: ['2023H1', '2022H1'],
        unsupportedPeriods: [],
        partialYears: [],
        problems: [],
      });
      expect(found.format).toBe(file.endsWith('.xlsx') ? 'xlsx' : file.endsWith('.json') ? 'json-stat2' : 'csv');
      for (const period of ['2022H1', '2023H1'] as const) {
        const p = preview(found, period);
        expect(p.missing).toEqual([]);
        expect(p.values).toEqual((await reference)[period]);
      }
    },
  );

  it("gives each cell of the template, accepted without a finding (summa and SCB's andel agree)", async () => {
    const values = (await reference)['2023H1'];
    const template = templateFor('2023H1')!;
    expect(Object.keys(values)).toEqual(template.cells.map((c) => c.id));
    expect(validateSubmission(template, values, { submitter: 'kansli' }).findings).toEqual([]);
  });

  it.each([
    ['umea', '2023H1', { sjukpenning: 1604, summa: 7293, befolkning_20_64: 78420, andel: 9.3 }],
    ['bjurholm', '2022H1', { summa: 159, befolkning_20_64: 1190, andel: 13.37 }],
    ['riket', '2023H1', { summa: 700566, befolkning_20_64: 5937000, andel: 11.82 }],
  ] as const)('%s %s: the mean of January–June (made-up figures)', async (row, period, expected) => {
    const values = (await reference)[period];
    for (const [column, value] of Object.entries(expected))
      expect(values[`helarsekvivalenter.${row}.${column}`]).toBe(value);
  });

  it.each(Object.keys(bilaga4))(
    'gives %s the share Bilaga 4 publishes, both years: summa / folkmängd × 100',
    async (kommun) => {
      for (const year of ['2022', '2023'] as const) {
        const values = (await reference)[`${year}H1`];
        const share =
          (values[`helarsekvivalenter.${kommun}.summa`]! / values[`helarsekvivalenter.${kommun}.befolkning_20_64`]!) *
          100;
        expect(Math.abs(share - bilaga4[kommun]![year]['indikatorer.helarsekvivalenter.varde']!)).toBeLessThan(0.05);
      }
    },
  );
});

describe('choosing and leaving out', () => {
  it('says what it chose and what it left out', async () => {
    expect((await ok('he.csv', utf8(csv))).choices).toEqual([
      'Kön: män och kvinnor totalt; män och kvinnor var för sig lämnas utanför.',
      'Åldersgrupp: 20–64 år; 20–65 år lämnas utanför.',
      'Regioner: förbundets 6 kommuner och riket.',
      'Månader: 2022M01–2023M12. Första halvåret är medelvärdet av januari–juni; övriga månader används inte.',
    ]);
  });

  it("takes a file without the kön variable as SCB's total for both sexes, and says so", async () => {
    const found = await ok('he.csv', readFileSync(join(dir, 'he0000t02n2-umearegionen-alla-i-forspalten.csv')));
    expect(found.choices[0]).toBe('Kön: män och kvinnor totalt.');
    const noKon = editRows((f) => (f[1] === 'män och kvinnor totalt' ? [f[0]!, ...f.slice(2)] : null)).replace(
      '"region","kön",',
      '"region",',
    );
    const eliminated = await ok('he.csv', utf8(noKon));
    expect(eliminated.choices[0]).toBe('Kön: män och kvinnor totalt (filen delar inte upp på kön).');
    expect(preview(eliminated, '2023H1').values).toEqual(preview(found, '2023H1').values);
  });

  it('names the kommuner outside the förbund it leaves out, and riket when the file lacks it', async () => {
    const withOthers = editRows((f) => (f[0] === 'Riket' ? null : f)).replace(/"Vindeln"/g, '"Sorsele"');
    const found = await ok('he.csv', utf8(withOthers));
    expect(found.choices[2]).toBe('Regioner: 5 av förbundets 6 kommuner; en annan kommun lämnas utanför.');
    expect(found.choices).toContain(
      'Riket finns inte i filen: rapportens jämförelse med riket blir tom för de här halvåren.',
    );
    expect(preview(found, '2023H1').missing.map((m) => [m.name, m.reasons])).toEqual([
      ['Vindelns kommun', ['finns inte i filen']],
      ['Riket', ['finns inte i filen']],
    ]);
  });

  it("takes the sum of the six benefits where the file lacks SCB's summa, and says so", async () => {
    const found = await ok('he.csv', utf8(editRows((f) => (f[3] === 'Summa helårsekvivalenter' ? null : f))));
    expect(found.choices).toContain(
      'Summa helårsekvivalenter finns inte i filen; summan av de sex förmånerna används.',
    );
    expect(preview(found, '2023H1').values['helarsekvivalenter.umea.summa']).toBe(7293);
  });
});

describe('months and first half-years', () => {
  it('makes a half-year with a month given as ".." missing, never a mean of five, and says which month', async () => {
    const found = await ok('he.csv', utf8(setMonth('Umeå', 'Sjukpenning', '2023M04', '..')));
    const p = preview(found, '2023H1');
    expect(p.values['helarsekvivalenter.umea.sjukpenning']).toBeNull();
    expect(p.values['helarsekvivalenter.umea.summa']).toBe(7293);
    expect(p.missing).toEqual([
      {
        rowId: 'umea',
        name: 'Umeå kommun',
        columns: ['sjukpenning'],
        reasons: ['Sjukpenning: SCB anger inget värde (”..”) för 2023M04'],
      },
    ]);
    expect(preview(found, '2022H1').missing).toEqual([]);
  });

  it('offers only whole first half-years, and names the months of a partial one', async () => {
    const cut = editRows((f) => f.slice(0, month('2023M04'))).replace(/,"2023M(0[4-9]|1[0-2])"/g, '');
    const found = await ok('he.csv', utf8(cut));
    expect(found.periods).toEqual(['2022H1']);
    expect(found.partialYears).toEqual([{ year: 2023, months: ['2023M01', '2023M02', '2023M03'] }]);
    expect(found.choices).toContain(
      'Ofullständigt första halvår (räknas inte): 2023 har bara 2023M01, 2023M02 och 2023M03.',
    );
  });

  it('refuses a file with no whole first half-year, saying which months it has', async () => {
    const onlySpring = editRows((f) => f.slice(0, month('2022M04'))).replace(
      /,"20\d\dM(0[4-9]|1[0-2])"|,"2023M0[1-3]"/g,
      '',
    );
    const result = await imported('he.csv', utf8(onlySpring));
    expect(result).toMatchObject({
      ok: false,
      message:
        'Filen har inte alla månader januari–juni för något år (2022 har bara 2022M01, 2022M02 och ' +
        '2022M03). Första halvåret räknas bara när alla månaderna finns.',
    });
  });

  it('sends neither of two different figures for one month', async () => {
    const line = csv
      .split('\r\n')
      .find((l) => l.startsWith('"Umeå","män och kvinnor totalt","20–64 år","Sjukpenning"'))!;
    const other = line
      .split(',')
      .map((v, i) => (i === month('2023M03') ? '1' : v))
      .join(',');
    const p = preview(await ok('he.csv', utf8(csv.replace(line, `${line}\r\n${other}`))), '2023H1');
    expect(p.values['helarsekvivalenter.umea.sjukpenning']).toBeNull();
    expect(p.missing[0]!.reasons).toEqual(['Sjukpenning: två olika värden för 2023M03']);
  });

  it("warns when SCB's andel differs from summa / folkmängd × 100 beyond rounding", async () => {
    const found = await ok('he.csv', utf8(csv));
    const values = { ...preview(found, '2023H1').values, 'helarsekvivalenter.umea.andel': 9.6 };
    const findings = validateSubmission(templateFor('2023H1')!, values, { submitter: 'kansli' }).findings;
    expect(findings).toEqual([
      expect.objectContaining({ code: 'ratio-mismatch', severity: 'varning', cellId: 'helarsekvivalenter.umea.andel' }),
    ]);
    // Within rounding (0.1 percentage points) is no finding.
    const close = { ...values, 'helarsekvivalenter.umea.andel': 9.38 };
    expect(validateSubmission(templateFor('2023H1')!, close, { submitter: 'kansli' }).findings).toEqual([]);
  });
});

describe('files that cannot be imported', () => {
  it.each([
    ['an empty file', 'he.csv', utf8(''), /^Filen är tom\.$/],
    ['an old .xls', 'he.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), /äldre formatet \.xls/],
    ['broken JSON', 'he.json', utf8('{"class": "dataset", "id": ['), /kan inte läsas som JSON/],
    ['JSON that is not json-stat2', 'he.json', utf8('{"class": "collection"}'), /inte ett json-stat2-dataset/],
    ['text that is no table', 'anteckning.csv', utf8('Hej!\nHär kommer siffrorna.'), /ingen tabell/],
    [
      'a file of another table',
      'inkomst.csv',
      utf8('"region","kön","år","Medelinkomst, tkr 2022"\n"Umeå","män och kvinnor totalt","2022",312.4\n'),
      /^Filen är inte SCB:s tabell över helårsekvivalenter \(HE0000T02N2 \/ TAB1386\)/,
    ],
    [
      'json-stat2 from another table',
      'he.json',
      utf8(
        JSON.stringify({
          ...JSON.parse(readFileSync(join(dir, 'he0000t02n2-umearegionen-api-v2.json'), 'utf8')),
          extension: { px: { tableid: 'TAB638' } },
        }),
      ),
      /^Filen kommer från SCB:s tabell TAB638 .*, inte från SCB:s tabell över helårsekvivalenter/,
    ],
    [
      'contents given only by code',
      'koder.csv',
      utf8('"Region","Kon","Aldersgrupp","0000018D 2023M01"\n"2480","1+2","20-64",1604\n'),
      /bara med koder \(0000018D\)/,
    ],
    [
      'a file without Folkmängd',
      'he.csv',
      utf8(editRows((f) => (f[3] === 'Folkmängd' ? null : f))),
      /^Filen saknar tabellinnehållet Folkmängd, som behövs för andelen av befolkningen\./,
    ],
    [
      'only men',
      'he.csv',
      utf8(editRows((f) => (f[1] === 'män' ? f : null))),
      /^Filen har bara kön män\. Samlad använder män och kvinnor totalt/,
    ],
    [
      'only women and men apart',
      'he.csv',
      utf8(editRows((f) => (f[1] === 'män och kvinnor totalt' ? null : f))),
      /^Filen har bara kön män och kvinnor\./,
    ],
    [
      'only 20–65 år',
      'he.csv',
      utf8(editRows((f) => (f[2] === '20–65 år' ? f : null))),
      /^Filen har bara åldersgruppen 20–65 år\. Samlad använder 20–64 år/,
    ],
    [
      'a CSV cut off inside a row',
      'he.csv',
      utf8(csv.slice(0, 5000)),
      /^Filen tar slut mitt i rad \d+ \(\d+ av 28 fält\): den verkar vara avbruten/,
    ],
    [
      'a CSV cut off inside quotes',
      'he.csv',
      utf8(csv.slice(0, csv.indexOf('"Sjukpenning"') + 5)),
      /mitt i ett citerat fält/,
    ],
    [
      'a CSV whose rows do not line up',
      'he.csv',
      utf8(csv.replace(/\r\n"Umeå",/, '\r\n"Umeå",1,')),
      /^Rad \d+ har 29 fält men rubrikraden har 28/,
    ],
    [
      'a file of mixed encodings',
      'he.csv',
      Uint8Array.from(Buffer.concat([Buffer.from(csv.slice(0, 2000), 'utf8'), Buffer.from(csv.slice(2000), 'latin1')])),
      /^Filen blandar teckenkodningar/,
    ],
  ])('refuses %s with a Swedish message', async (_case, name, bytes, message) => {
    const result = await imported(name, bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("refuses a file with none of the förbund's kommuner, naming them", async () => {
    const result = await imported('he.csv', utf8(csv), skelleftea);
    expect(result).toMatchObject({
      ok: false,
      message: 'Filen har inga uppgifter för förbundets kommuner (Skellefteå kommun och Norsjö kommun).',
    });
  });

  it('reads a Windows-1252 file as such', async () => {
    const latin1 = Uint8Array.from(Buffer.from(csv.replace(/^\uFEFF/, ''), 'latin1'));
    const read = readScbText('he.csv', latin1);
    expect(read.ok && read.read.observations.length).toBe(
      (readScbText('he.csv', utf8(csv)) as { read: { observations: unknown[] } }).read.observations.length,
    );
  });
});
