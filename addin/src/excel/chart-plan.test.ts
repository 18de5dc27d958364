import { locateImpactTable, locateOutcomeTable, planDiagramSheet, type SheetGrid } from './chart-plan';

const PLATFORMS = ['Ungdomstorget', 'Vuxentorget', 'Samordningsteamen i kranskommunerna', 'Arbetsmarknadstorgen'];

/** The Impactindex sheet as functions/consolidation writes it: scope names over merged year/last/Diff columns. */
const impact: SheetGrid = {
  sheet: 'Impactindex',
  top: 1,
  left: 1,
  values: [
    ['Impactindex per målområde och plattform'],
    ['Umeåregionen · 2023'],
    ['', '', 'Arbetsmarknadstorgen', '', '', 'Ungdomstorget', '', '', 'Vuxentorget'],
    ['Målområde', 'Poäng', '2023', '2022', 'Diff', '2023', '2022', 'Diff', '2023', '2022', 'Diff'],
    ['Totalt', 250, 68, 70, -2, 60, 65, -5, 78, 66, 12],
    ['Samhälls- & medborgarnytta', 100, 70, 72, -2, 61, 60, 1, 80, 70, 10],
    ['Jämlik samverkan', 50, 66, 60, 6, 'saknas', 55, '', 75, 62, 13],
    ['Målet är Impactindex 70. Index = …'],
    [],
    ['Indikatorer 2023'],
  ],
};

function platformSheet(name: string, positive: number): SheetGrid {
  return {
    sheet: name.slice(0, 31),
    top: 1,
    left: 1,
    values: [
      [`${name} – volym och resultat deltagare`],
      ['Umeåregionen · 2023'],
      ['', 'Kvinnor', 'Män', 'Totalt', '%', 'Totalt 2022', '% 2022'],
      ['Antal deltagare', 10, 12, 22, '', 20],
      ['Totalt antal avslutade', 4, 6, 10, 45.5, 8, 40],
      ['Avslutade till en för individen positiv lösning', 2, 4, 6, positive, 5, 62.5],
      ['varav till arbete', 1, 1, 2, 33.3],
      ['Avslutade av hälsoskäl', 1, 1, 2, 20],
      ['Avbrott', 1, 1, 2, 20],
      [],
      ['Andel', 'Kvinnor 2023', 'Män 2023'],
      ['Andel positiv lösning (av avslutade)', 50, 66.7],
    ],
  };
}

describe('locating the figures for the native charts', () => {
  it('finds Impactindex per goal area and platform under the merged scope headers, without the Totalt row', () => {
    const table = locateImpactTable([impact], PLATFORMS);
    expect(table?.rowLabels).toEqual(['Samhälls- & medborgarnytta', 'Jämlik samverkan']);
    expect(table?.columnLabels).toEqual(['Arbetsmarknadstorgen', 'Ungdomstorget', 'Vuxentorget']);
    // Row 6, this year's column of each scope (C, F, I); a missing value stays missing.
    expect(table?.cells[0]).toEqual([
      { sheet: 'Impactindex', row: 6, column: 3 },
      { sheet: 'Impactindex', row: 6, column: 6 },
      { sheet: 'Impactindex', row: 6, column: 9 },
    ]);
    expect(table?.cells[1]?.[1]).toBeUndefined();
  });

  it('finds outcome rates per platform in each Tabell 1 sheet, also when its name was cut to 31 characters', () => {
    const grids = [platformSheet('Ungdomstorget', 60), platformSheet('Samordningsteamen i kranskommunerna', 70)];
    const table = locateOutcomeTable(grids, PLATFORMS);
    expect(table?.rowLabels).toEqual(['Ungdomstorget', 'Samordningsteamen i kranskommunerna']);
    expect(table?.columnLabels).toEqual(['Positiv lösning', 'Hälsoskäl', 'Avbrott', 'Genomströmning']);
    const sheet = 'Samordningsteamen i kranskommunerna'.slice(0, 31);
    expect(table?.cells[1]).toEqual([
      { sheet, row: 6, column: 5 },
      { sheet, row: 8, column: 5 },
      { sheet, row: 9, column: 5 },
      { sheet, row: 5, column: 5 },
    ]);
  });

  it('falls back to the Sammanfattning (Område | Mått | värde) for what platform sheets lack', () => {
    const summary: SheetGrid = {
      sheet: 'Sammanfattning',
      top: 1,
      left: 1,
      values: [
        ['Område', 'Mått', '2023', '2022'],
        ['Vuxentorget', 'Andel positiv lösning', 61.5, 60],
        ['Vuxentorget', 'Genomströmning', 30, 28],
      ],
    };
    const table = locateOutcomeTable([summary], PLATFORMS);
    expect(table?.rowLabels).toEqual(['Vuxentorget']);
    expect(table?.columnLabels).toEqual(['Positiv lösning', 'Genomströmning']);
  });

  it('finds nothing in sheets that hold neither', () => {
    const other: SheetGrid = { sheet: 'Ekonomi', top: 1, left: 1, values: [['Intäkter', 1]] };
    expect(locateImpactTable([other], PLATFORMS)).toBeUndefined();
    expect(locateOutcomeTable([other], PLATFORMS)).toBeUndefined();
  });
});

describe('the Diagram sheet', () => {
  it('lays out each table with formulas linking to the report, and a chart beside it', () => {
    const impactTable = locateImpactTable([impact], PLATFORMS)!;
    const plan = planDiagramSheet([impactTable]);
    expect(plan.blocks[0]).toEqual({
      address: 'A1:D3',
      formulas: [
        ['Målområde', 'Arbetsmarknadstorgen', 'Ungdomstorget', 'Vuxentorget'],
        ['Samhälls- & medborgarnytta', "='Impactindex'!C6", "='Impactindex'!F6", "='Impactindex'!I6"],
        ['Jämlik samverkan', "='Impactindex'!C7", '', "='Impactindex'!I7"],
      ],
    });
    expect(plan.charts).toEqual([
      { title: 'Impactindex per målområde och plattform', source: 'A1:D3', top: 'F1', bottom: 'N19' },
    ]);
  });

  it('puts a second table below the first chart', () => {
    const plan = planDiagramSheet([
      locateImpactTable([impact], PLATFORMS)!,
      locateOutcomeTable([platformSheet('Ungdomstorget', 60)], PLATFORMS)!,
    ]);
    expect(plan.blocks[1]?.address).toBe('A22:E23');
    expect(plan.charts[1]?.top).toBe('G22');
  });
});
