import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bilaga4 } from '../../tests/fixtures/seeds/seed-004-bilaga-4';
import { registry } from '../config/registry';
import { resolveTemplate } from '../model/resolve';
import { findForbund, findTemplate } from '../model/selectors';
import { validateSubmission } from '../validation/validate';
import { measuresOf } from './cell-measures';
import { helarsekvivalenterShares } from './helarsekvivalenter';
import { parseScbCsv } from './scb-csv';
import { parseScbJsonStat2 } from './scb-json-stat2';
import { scbToTemplateValues } from './scb-table';

const fixtures = join(__dirname, '../../tests/fixtures/scb');
const csv = readFileSync(join(fixtures, 'he0000t02n2-umearegionen-h1.csv'), 'utf8');
const json: unknown = JSON.parse(readFileSync(join(fixtures, 'he0000t02n2-umearegionen-h1.json'), 'utf8'));
const forbund = findForbund(registry, 'umearegionen')!;
const template = resolveTemplate(findTemplate(registry, 'helarsekvivalenter', 2023)!, forbund, 2023);

describe('SCB helårsekvivalenter files (HE0000T02N2 shape)', () => {
  it.each(['2022H1', '2023H1'])(
    'CSV and json-stat2 give the same template values for %s, without problems',
    (period) => {
      const fromCsv = scbToTemplateValues(parseScbCsv(csv), forbund, period);
      const fromJson = scbToTemplateValues(parseScbJsonStat2(json), forbund, period);
      expect(fromCsv.problems).toEqual([]);
      expect(fromJson.problems).toEqual([]);
      expect(fromJson.values).toEqual(fromCsv.values);
      expect(fromCsv.values['helarsekvivalenter.umea.befolkning_20_64']).toBe(period === '2022H1' ? 77850 : 78420);
    },
  );

  it('lands in exactly the cells of the hand-filled template, which accepts them', () => {
    const { values } = scbToTemplateValues(parseScbCsv(csv), forbund, '2023H1');
    expect(Object.keys(values).sort()).toEqual(template.cells.map((c) => c.id).sort());
    expect(validateSubmission(template, values, { submitter: 'kansli' }).findings).toEqual([]);
  });

  it.each(Object.keys(bilaga4))("reproduces Bilaga 4's helårsekvivalenter share for %s, both years", (kommun) => {
    const party = forbund.parties.find((p) => p.id === kommun)!;
    for (const period of ['2022H1', '2023H1'] as const) {
      const values = scbToTemplateValues(parseScbJsonStat2(json), forbund, period).values;
      const share = helarsekvivalenterShares(measuresOf(template, values, period), party).total.share.value as number;
      const published =
        bilaga4[kommun]![period.slice(0, 4) as '2022' | '2023']['indikatorer.helarsekvivalenter.varde']!;
      expect(Math.abs(share - published)).toBeLessThan(0.05);
    }
  });

  it('reads semicolon CSV with decimal commas, SCB\'s ".." as missing, and reports what it skips', () => {
    const text = [
      '"region";"förmån";"Helårsekvivalenter 2023H1"',
      '"2480 Umeå";"Sjukpenning m.m.";"1 969,1"',
      '"2480 Umeå";"Ekonomiskt bistånd";".."',
      '"Riket";"Sjukpenning";"1"',
      '"2480 Umeå";"Bostadsbidrag";"3"',
    ].join('\n');
    const table = parseScbCsv(text);
    expect(table.observations).toEqual([
      { kommunkod: '2480', period: '2023H1', column: 'sjukpenning', value: 1969.1 },
      { kommunkod: '2480', period: '2023H1', column: 'ekonomiskt_bistand', value: null },
    ]);
    expect(table.problems).toEqual([
      'Rad 5: okänd förmån ”Bostadsbidrag”; raderna med den hoppas över.',
      'En rad för län eller hela riket hoppas över; bara kommunernas rader används.',
    ]);
    const { values, problems } = scbToTemplateValues(table, forbund, '2023H1');
    expect(values['helarsekvivalenter.umea.ekonomiskt_bistand']).toBeNull();
    expect(values['helarsekvivalenter.vannas.sjukpenning']).toBeNull();
    expect(problems).toContain('SCB-filen saknar Vännäs kommun (2460) för 2023H1.');
  });

  it('refuses what is not a json-stat2 dataset', () => {
    expect(parseScbJsonStat2({ class: 'collection' }).problems[0]).toMatch(/inte ett json-stat2-dataset/);
  });

  const dataset = json as { size: number[]; value: unknown[]; id: string[] };
  it.each([
    [
      'declares more values than any such table has',
      { ...dataset, size: dataset.size.map((n, i) => (dataset.id[i] === 'Tid' ? 200_000_000 : n)) },
      /anger 16\s800\s000\s000 värden/,
    ],
    [
      'declares a size its categories do not fill',
      {
        ...dataset,
        size: dataset.size.map((n, i) => (dataset.id[i] === 'Tid' ? n + 1 : n)),
        value: [...dataset.value, ...dataset.value],
      },
      /har \d+ värden men anger|dimensionen Tid har 2 kategorier men anger 3/,
    ],
    [
      'holds fewer values than it declares',
      { ...dataset, value: dataset.value.slice(1) },
      /har \d+ värden men anger \d+/,
    ],
  ])('refuses a json-stat2 file that %s, at once and with nothing read', (_name, file, message) => {
    const table = parseScbJsonStat2(file);
    expect(table.observations).toEqual([]);
    expect(table.problems.join(' ')).toMatch(message);
  });

  it('sends neither of two different figures for one cell, and says so', () => {
    const doubled = csv.replace(
      '"2480 Umeå","Sjukpenning m.m.",1996.9,1969.1',
      '"2480 Umeå","Sjukpenning m.m.",1996.9,1969.1\n"2480 Umeå","Sjukpenning m.m.",1996.9,1970.0',
    );
    const { values, problems } = scbToTemplateValues(parseScbCsv(doubled), forbund, '2023H1');
    expect(values['helarsekvivalenter.umea.sjukpenning']).toBeNull();
    expect(values['helarsekvivalenter.umea.sjuk_aktivitetsersattning']).toBe(2990.2);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /olika värden för sjukpenning i Umeå kommun 2023H1: 1\s969,1 och 1\s970\. Inget av dem används/,
      ),
    );
  });

  it("counts a national file's län and country rows in one line, and names an unknown förmån once", () => {
    const national = csv.replace(
      /\n/,
      '\n"00 Riket","Sjukpenning m.m.",1,2,"..",".."\n"24 Västerbottens län","Sjukpenning m.m.",1,2,"..",".."\n"2480 Umeå","Bostadsbidrag",1,2,"..",".."\n"2401 Nordmaling","Bostadsbidrag",1,2,"..",".."\n',
    );
    const table = parseScbCsv(national);
    expect(table.problems).toEqual([
      'Rad 4: okänd förmån ”Bostadsbidrag”; raderna med den hoppas över.',
      '2 rader för län eller hela riket hoppas över; bara kommunernas rader används.',
    ]);
    expect(table.observations).toEqual(parseScbCsv(csv).observations);
  });

  it('takes a share of the population for what it is, not for the population', () => {
    expect(
      parseScbCsv(csv.replace(/Befolkning 20-64 år/g, 'Andel av befolkningen 20-64 år')).observations.filter(
        (o) => o.column === 'befolkning_20_64',
      ),
    ).toEqual([]);
  });
});
