import { parseDateCell } from './dates';
import {
  categoryValues,
  suggestColumns,
  suggestMapping,
  tableMappingSchema,
  type ParticipantTable,
} from './table-mapping';

describe('headers are matched where they are recognisable', () => {
  it.each<[string, string[], Record<string, string>]>([
    [
      'the template words',
      ['Kön', 'Födelseår', 'Startdatum', 'Avslutsdatum', 'Avslutsorsak', 'Aktualiserande part', 'Plattform'],
      {
        kon: 'Kön',
        fodelsear: 'Födelseår',
        startdatum: 'Startdatum',
        avslutsdatum: 'Avslutsdatum',
        avslutsorsak: 'Avslutsorsak',
        aktualiserande_part: 'Aktualiserande part',
        plattform: 'Plattform',
      },
    ],
    [
      'other spellings and case',
      ['KÖN:', 'Ålder', 'Inskrivningsdatum', 'Utskrivningsdatum', 'Orsak till avslut', 'Remittent'],
      {
        kon: 'KÖN:',
        alder: 'Ålder',
        startdatum: 'Inskrivningsdatum',
        avslutsdatum: 'Utskrivningsdatum',
        avslutsorsak: 'Orsak till avslut',
        aktualiserande_part: 'Remittent',
      },
    ],
    [
      'a header that only contains a word',
      ['Deltagarens kön', 'Datum för avslut (åååå-mm-dd)', 'Avslutsorsak (välj)'],
      {
        kon: 'Deltagarens kön',
        avslutsdatum: 'Datum för avslut (åååå-mm-dd)',
        avslutsorsak: 'Avslutsorsak (välj)',
      },
    ],
    ['unrelated headers', ['Namn', 'Handläggare', 'Anteckning'], {}],
  ])('%s', (_name, headers, expected) => {
    expect(suggestColumns(headers)).toEqual(expected);
  });
});

describe('category values', () => {
  const table: ParticipantTable = {
    headers: ['Kön', 'Avslutsorsak', 'Aktualiserande part', 'Plattform', 'Startdatum'],
    firstRowNumber: 2,
    rows: [
      ['K', 'Arbete', 'AF', 'Vuxentorget', '2023-01-01'],
      ['Kvinna', 'studier', 'Försäkringskassan', 'vuxentorget', '2023-01-01'],
      ['kvinna ', 'Flyttat', 'soc', 'Ungdomstorget', '2023-01-01'],
      ['Man', 'Avhopp', 'Region Västerbotten', 'Vuxentorget', '2023-01-01'],
    ],
  };
  const platforms = [{ id: 'vuxentorget', name: 'Vuxentorget' }];

  it('maps recognisable words and leaves the rest for the user', () => {
    const mapping = suggestMapping(table, platforms);
    expect(mapping.values.kon).toEqual({ k: 'k', kvinna: 'k', man: 'm' });
    expect(mapping.values.avslutsorsak).toEqual({ arbete: 'arbete', studier: 'studier', avhopp: 'avbrott' });
    expect(mapping.values.aktualiserande_part).toEqual({
      af: 'af',
      försäkringskassan: 'fk',
      soc: 'soc',
      'region västerbotten': 'region',
    });
    expect(mapping.values.plattform).toEqual({ vuxentorget: 'vuxentorget' });
  });

  it('lists distinct values with their counts', () => {
    const values = categoryValues(table, suggestMapping(table, platforms)).filter((v) => v.field === 'kon');
    expect(values.map((v) => [v.key, v.count])).toEqual([
      ['k', 1],
      ['kvinna', 2],
      ['man', 1],
    ]);
  });

  it('a stored mapping reads back through its schema, and a damaged one is refused', () => {
    const mapping = suggestMapping(table, platforms);
    expect(tableMappingSchema.safeParse(JSON.parse(JSON.stringify(mapping))).success).toBe(true);
    expect(tableMappingSchema.safeParse({ ...mapping, values: { ...mapping.values, kon: { k: 'x' } } }).success).toBe(
      false,
    );
  });
});

describe('dates', () => {
  it.each<[unknown, string | null | 'invalid']>([
    [45078, '2023-06-01'],
    [60, 'invalid'], // Excel's 29 February 1900, a day that never was
    ['2023-02-29', 'invalid'],
    ['2024-02-29', '2024-02-29'],
    ['', null],
    [null, null],
    ['  ', null],
    [new Date(Date.UTC(2023, 5, 1)), '2023-06-01'],
    ['45078', '2023-06-01'],
    ['1/13/2023', 'invalid'],
    ['2023.06.25', '2023-06-25'],
    ['2023/06/25', '2023-06-25'],
    ['2023/6/5', '2023-06-05'],
    ['2023.06/25', 'invalid'],
    ['3 mars 2023', '2023-03-03'],
    ['3 Mars 2023', '2023-03-03'],
    ['25 juni 2023', '2023-06-25'],
    ['1 sept. 2023', '2023-09-01'],
    ['3 mar 2023', '2023-03-03'],
    ['31 februari 2023', 'invalid'],
    ['3 marsipan 2023', 'invalid'],
  ])('%p', (raw, expected) => {
    const parsed = parseDateCell(raw);
    expect(parsed.ok ? parsed.date : 'invalid').toBe(expected);
  });
});
