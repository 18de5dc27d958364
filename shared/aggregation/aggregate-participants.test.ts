import { periodSpan, requirePeriod, type DateSpan } from '../model/period';
import { registry } from '../config/registry';
import { resolveTemplate } from '../model/resolve';
import { findForbund, findTemplate } from '../model/selectors';
import { aggregateParticipants, aggregatesInto, type AggregationResult } from './aggregate-participants';
import { renderRejectedRow } from './messages-sv';
import { suggestMapping, type ParticipantTable } from './table-mapping';

const HEADERS = ['Kön', 'Födelseår', 'Startdatum', 'Avslutsdatum', 'Avslutsorsak', 'Aktualiserande part'];
type Row = [
  kon: string,
  fodd: number | string,
  start: string | number,
  end: string | number,
  orsak: string,
  part: string,
];

function table(rows: Row[], headers: string[] = HEADERS): ParticipantTable {
  return { headers, rows, firstRowNumber: 2 };
}

function run(rows: Row[], span: DateSpan, headers?: string[]): AggregationResult {
  const t = table(rows, headers);
  return aggregateParticipants(t, suggestMapping(t, []), { span });
}

/** T2 2023 reported for itself (May–August), so "the day before" the span is in the same year. */
const T2 = periodSpan(requirePeriod('2023T2'), false);

type Figures = { antal: number; nya: number; avslutade: number; kvar: number; akt: number };
const figures = (r: AggregationResult): Figures => ({
  antal: r.values['deltagare.antal.tot'] ?? -1,
  nya: r.values['deltagare.nya.tot'] ?? -1,
  avslutade: r.values['deltagare.avslutade.tot'] ?? -1,
  kvar: r.values['deltagare.kvar.tot'] ?? -1,
  akt: r.values['aktualiserade.aktualiserade.tot'] ?? -1,
});

describe('a participant at the edges of the span (2023-05-01 – 2023-08-31)', () => {
  const none = { antal: 0, nya: 0, avslutade: 0, kvar: 0, akt: 0 };
  it.each<[string, string, string, Figures]>([
    ['starts on the first day, still active', '2023-05-01', '', { antal: 1, nya: 1, avslutade: 0, kvar: 1, akt: 1 }],
    ['starts on the last day', '2023-08-31', '', { antal: 1, nya: 1, avslutade: 0, kvar: 1, akt: 1 }],
    ['starts the day after the span', '2023-09-01', '', none],
    [
      'started the day before the span, still active',
      '2023-04-30',
      '',
      { antal: 1, nya: 0, avslutade: 0, kvar: 1, akt: 0 },
    ],
    ['ended the day before the span', '2023-01-10', '2023-04-30', none],
    ['ends on the first day', '2023-01-10', '2023-05-01', { antal: 1, nya: 0, avslutade: 1, kvar: 0, akt: 0 }],
    [
      'ends on the last day (avslutad, not kvar)',
      '2023-01-10',
      '2023-08-31',
      { antal: 1, nya: 0, avslutade: 1, kvar: 0, akt: 0 },
    ],
    [
      'ends the day after the span (kvar)',
      '2023-01-10',
      '2023-09-01',
      { antal: 1, nya: 0, avslutade: 0, kvar: 1, akt: 0 },
    ],
    [
      'starts and ends on the first day',
      '2023-05-01',
      '2023-05-01',
      { antal: 1, nya: 1, avslutade: 1, kvar: 0, akt: 1 },
    ],
    [
      'starts and ends on the last day',
      '2023-08-31',
      '2023-08-31',
      { antal: 1, nya: 1, avslutade: 1, kvar: 0, akt: 1 },
    ],
    [
      'spans the whole period and beyond',
      '2022-12-01',
      '2024-01-31',
      { antal: 1, nya: 0, avslutade: 0, kvar: 1, akt: 0 },
    ],
  ])('%s', (_name, start, end, expected) => {
    const result = run([['Kvinna', 1990, start, end, 'Arbete', 'AF']], T2);
    expect(result.rejected).toEqual([]);
    expect(figures(result)).toEqual(expected);
    expect(result.used + result.outsidePeriod).toBe(1);
  });
});

describe('cumulative tertials start on 1 January', () => {
  it('counts a March start as new in T2 year-to-date, but not in T2 alone', () => {
    const rows: Row[] = [['K', 1990, '2023-03-15', '', '', 'FK']];
    expect(figures(run(rows, periodSpan(requirePeriod('2023T2'), true)))).toMatchObject({ antal: 1, nya: 1, akt: 1 });
    expect(figures(run(rows, periodSpan(requirePeriod('2023T2'), false)))).toMatchObject({ antal: 1, nya: 0, akt: 0 });
  });

  it('counts a participant who left in February as deltagare and avslutad in T3 (the year)', () => {
    const result = run(
      [['M', 1980, '2022-10-01', '2023-02-14', 'Studier', 'Soc']],
      periodSpan(requirePeriod('2023T3'), true),
    );
    expect(figures(result)).toEqual({ antal: 1, nya: 0, avslutade: 1, kvar: 0, akt: 0 });
    expect(result.values['deltagare.studier.m']).toBe(1);
  });

  it('handles 29 February in a leap year', () => {
    const result = run(
      [['K', 2000, '2024-02-29', '2024-02-29', 'Avbrott', 'Region']],
      periodSpan(requirePeriod('2024T1'), true),
    );
    expect(figures(result)).toEqual({ antal: 1, nya: 1, avslutade: 1, kvar: 0, akt: 1 });
  });
});

describe('dates as Excel gives them', () => {
  it.each<[string, string | number]>([
    ['an Excel serial number', 45078], // 2023-06-01
    ['compact text', '20230601'],
    ['day-first with slashes', '1/6/2023'],
    ['day-first with dots', '01.06.2023'],
    ['ISO with a time', '2023-06-01 00:00:00'],
  ])('%s', (_name, start) => {
    expect(figures(run([['K', 1990, start, '', '', 'AF']], T2))).toEqual({
      antal: 1,
      nya: 1,
      avslutade: 0,
      kvar: 1,
      akt: 1,
    });
  });
});

describe('what each closure reason and party counts as', () => {
  it('splits closures into positiv lösning, hälsoskäl and avbrott', () => {
    const rows: Row[] = [
      ['K', 1990, '2023-01-02', '2023-06-01', 'Arbete', 'AF'],
      ['K', 1990, '2023-01-02', '2023-06-01', 'Studier', 'AF'],
      ['M', 1990, '2023-01-02', '2023-06-01', 'Fortsatt insats via AF', 'AF'],
      ['M', 1990, '2023-01-02', '2023-06-01', 'Saknar arbetsförmåga', 'AF'],
      ['M', 1990, '2023-01-02', '2023-06-01', 'Hälsoskäl', 'AF'],
      ['K', 1990, '2023-01-02', '2023-06-01', 'Avbrott', 'AF'],
    ];
    const v = run(rows, T2).values;
    expect([v['deltagare.positiv.k'], v['deltagare.positiv.m'], v['deltagare.positiv.tot']]).toEqual([2, 2, 4]);
    expect([v['deltagare.halsoskal.tot'], v['deltagare.avbrott.tot'], v['deltagare.avslutade.tot']]).toEqual([1, 1, 6]);
    expect([
      v['deltagare.arbete.k'],
      v['deltagare.studier.k'],
      v['deltagare.vidare_af.m'],
      v['deltagare.saknar_arbetsformaga.m'],
    ]).toEqual([1, 1, 1, 1]);
  });

  it("puts referrals in the referring party's column and by gender", () => {
    const rows: Row[] = [
      ['K', 1990, '2023-05-02', '', '', 'Arbetsförmedlingen'],
      ['M', 1990, '2023-05-03', '', '', 'Försäkringskassan'],
      ['M', 1990, '2023-05-04', '', '', 'Socialtjänsten'],
      ['K', 1990, '2023-05-05', '', '', 'Övriga kommunala verksamheter'],
      ['K', 1990, '2023-05-06', '', '', 'Region Västerbotten'],
      ['M', 1990, '2023-05-07', '', '', 'Kriminalvården'],
    ];
    const v = run(rows, T2).values;
    for (const p of ['af', 'fk', 'soc', 'ovr_kommun', 'region', 'kriminalvarden'])
      expect(v[`aktualiserade.ja.${p}`]).toBe(1);
    expect([v['aktualiserade.aktualiserade.tot'], v['aktualiserade_kon.ja.k'], v['aktualiserade_kon.ja.m']]).toEqual([
      6, 3, 3,
    ]);
  });

  it('counts a Nej as aktualiserad and nej, never as deltagare; an Aktualiseringsdatum wins over Startdatum', () => {
    const headers = [...HEADERS, 'Beslut', 'Aktualiseringsdatum'];
    const t: ParticipantTable = {
      headers,
      firstRowNumber: 2,
      rows: [
        ['K', 1990, '', '', '', 'FK', 'Nej', '2023-06-01'],
        ['M', 1990, '2023-09-01', '', '', 'AF', 'Ja', '2023-08-15'],
      ],
    };
    const r = aggregateParticipants(t, suggestMapping(t, []), { span: T2 });
    expect(r.rejected).toEqual([]);
    expect(r.values['aktualiserade.nej.fk']).toBe(1);
    expect(r.values['aktualiserade.ja.af']).toBe(1);
    expect(r.values['aktualiserade.aktualiserade.tot']).toBe(2);
    expect(r.values['deltagare.antal.tot']).toBe(0);
  });
});

describe('rows that cannot be used are listed with their row numbers, never dropped', () => {
  it.each<[string, Row, string]>([
    ['no start date', ['K', 1990, '', '', '', 'AF'], 'Rad 2: Startdatum saknas.'],
    [
      'an end before the start',
      ['K', 1990, '2023-06-01', '2023-05-31', 'Arbete', 'AF'],
      'Rad 2: Avslutsdatum 2023-05-31 är före startdatum.',
    ],
    [
      'a gender the template cannot count',
      ['Annat', 1990, '2023-06-01', '', '', 'AF'],
      'Rad 2: Kön ”Annat” är inte kopplat till något val.',
    ],
    ['no gender', ['', 1990, '2023-06-01', '', '', 'AF'], 'Rad 2: Kön saknas.'],
    [
      'a date that is not one',
      ['K', 1990, '31 juni', '', '', 'AF'],
      'Rad 2: Startdatum ”31 juni” är inget datum (skriv t.ex. 2023-05-31).',
    ],
    [
      'a closure in the span without a reason',
      ['K', 1990, '2023-01-05', '2023-06-01', '', 'AF'],
      'Rad 2: Avslutsorsak saknas.',
    ],
    [
      'an unknown closure reason',
      ['K', 1990, '2023-01-05', '2023-06-01', 'Flyttat', 'AF'],
      'Rad 2: Avslutsorsak ”Flyttat” är inte kopplat till något val.',
    ],
    [
      'a referral in the span without a party',
      ['K', 1990, '2023-06-01', '', '', ''],
      'Rad 2: Aktualiserande part saknas.',
    ],
  ])('%s', (_name, row, message) => {
    const result = run([row], T2);
    expect(result.used).toBe(0);
    expect(result.rejected).toHaveLength(1);
    expect(renderRejectedRow(result.rejected[0]!)).toBe(message);
    expect(result.values['deltagare.antal.tot']).toBe(0);
  });

  it('lists every problem of a row at once', () => {
    const result = run([['X', 1990, '2023-06-02', '2023-06-01', 'Arbete', 'AF']], T2);
    expect(result.rejected[0]?.problems.map((p) => p.code).sort()).toEqual(['end-before-start', 'unknown-category']);
  });

  it('asks for a closure reason or a party only when the span needs it', () => {
    const later = run([['K', 1990, '2023-01-05', '2023-12-01', '', '']], T2);
    expect(later.rejected).toEqual([]);
    expect(figures(later)).toEqual({ antal: 1, nya: 0, avslutade: 0, kvar: 1, akt: 0 });
  });

  it('skips blank rows, counts other platforms apart, and every row ends up somewhere', () => {
    const headers = [...HEADERS, 'Plattform'];
    const t: ParticipantTable = {
      headers,
      firstRowNumber: 5,
      rows: [
        ['K', 1990, '2023-06-01', '', '', 'AF', 'Vuxentorget'],
        ['M', 1990, '2023-06-01', '', '', 'AF', 'Ungdomstorget'],
        ['', '', '', '', '', '', ''],
        ['M', 1990, '2023-06-01', '', '', 'AF', 'Månen'],
        ['M', 1990, '2020-06-01', '2020-07-01', 'Arbete', 'AF', 'Vuxentorget'],
      ],
    };
    const platforms = [
      { id: 'vuxentorget', name: 'Vuxentorget' },
      { id: 'ungdomstorget', name: 'Ungdomstorget' },
    ];
    const r = aggregateParticipants(t, suggestMapping(t, platforms), { span: T2, platform: 'vuxentorget' });
    expect({ used: r.used, other: r.otherPlatform, blank: r.blank, outside: r.outsidePeriod }).toEqual({
      used: 1,
      other: 1,
      blank: 1,
      outside: 1,
    });
    expect(r.rejected).toEqual([
      { rowNumber: 8, problems: [{ code: 'unknown-category', field: 'plattform', raw: 'Månen' }] },
    ]);
  });
});

describe('age at the span end', () => {
  it('groups deltagare by age from Födelseår, else Ålder, else unknown', () => {
    const headers = [...HEADERS, 'Ålder'];
    const t: ParticipantTable = {
      headers,
      firstRowNumber: 2,
      rows: [
        ['K', 2004, '2023-06-01', '', '', 'AF', ''], // 19 at 2023-08-31
        ['K', 2003, '2023-06-01', '', '', 'AF', ''], // 20
        ['M', '', '2023-06-01', '', '', 'AF', 55],
        ['M', 'okänt', '2023-06-01', '', '', 'AF', ''],
      ],
    };
    const r = aggregateParticipants(t, suggestMapping(t, []), { span: T2 });
    expect(r.ageGroups).toMatchObject({ '16_19': 1, '20_29': 1, '51_65': 1, okand: 1 });
  });
});

describe('aggregatesInto', () => {
  const forbund = findForbund(registry, 'umearegionen')!;
  const resolved = (id: string, year = 2023) => resolveTemplate(findTemplate(registry, id, year)!, forbund, year);

  it.each([
    ['deltagare-avslut', true],
    ['strategiska-indikatorer', false],
    ['impactindex-underlag', false],
  ])('%s takes the counts: %s', (id, expected) => {
    expect(aggregatesInto(resolved(id))).toBe(expected);
  });

  it('so does a template added as data with the same participant sections', () => {
    const copy = { ...findTemplate(registry, 'deltagare-avslut', 2023)!, id: 'motesplatser', title: 'Mötesplatser' };
    expect(aggregatesInto(resolveTemplate(copy, forbund, 2023))).toBe(true);
  });
});
