import { CHART_INDEX_MARK } from '../../../shared/consolidation/figure-names';
import { locateChartTables, planDiagramSheet, type SheetGrid } from './chart-plan';

/**
 * A chart index as the consolidated workbook carries it: chart, category and series, by name,
 * sheet position and cell.
 */
const index: SheetGrid = {
  sheet: 'Samlad diagram',
  top: 1,
  left: 1,
  values: [
    [CHART_INDEX_MARK],
    ['diagram', 'rubrik', 'kategori', 'kategorinamn', 'serie', 'serienamn', 'namn', 'blad', 'cell', 'enhet'],
    [
      'impact',
      'Impactindex per målområde',
      'samhallsnytta',
      'Samhälls- & medborgarnytta',
      'torgen',
      'Arbetsmarknadstorgen',
      'SAMR.diagram.impact.samhallsnytta.torgen',
      2,
      'C40',
      'index',
    ],
    [
      'impact',
      'Impactindex per målområde',
      'samhallsnytta',
      'Samhälls- & medborgarnytta',
      'ung',
      'Ungdomstorget',
      'SAMR.diagram.impact.samhallsnytta.ung',
      2,
      'D40',
      'index',
    ],
    [
      'impact',
      'Impactindex per målområde',
      'jamlik',
      'Jämlik samverkan',
      'torgen',
      'Arbetsmarknadstorgen',
      'SAMR.diagram.impact.jamlik.torgen',
      2,
      'C41',
      'index',
    ],
    [
      'positiv',
      'Andel positiv lösning (%)',
      'ung',
      'Ungdomstorget',
      'current',
      '2023',
      'SAMR.diagram.positiv.ung.current',
      1,
      'C30',
      '%',
    ],
    [
      'positiv',
      'Andel positiv lösning (%)',
      'ung',
      'Ungdomstorget',
      'lastYear',
      '2022',
      'SAMR.diagram.positiv.ung.lastyear',
      1,
      'D30',
      '%',
    ],
  ],
};
const sheets = ['Sammanfattning', 'Impactindex', 'Samlad diagram'];

describe('locating the figures for the native charts by name', () => {
  it('reads each chart of the index as categories × series, a missing figure left empty', () => {
    const [impact, positive] = locateChartTables([index], [], sheets);
    expect(impact).toEqual({
      title: 'Impactindex per målområde',
      corner: '',
      rowLabels: ['Samhälls- & medborgarnytta', 'Jämlik samverkan'],
      columnLabels: ['Arbetsmarknadstorgen', 'Ungdomstorget'],
      cells: [
        [
          { sheet: 'Impactindex', row: 40, column: 3 },
          { sheet: 'Impactindex', row: 40, column: 4 },
        ],
        [{ sheet: 'Impactindex', row: 41, column: 3 }, undefined],
      ],
    });
    expect(positive?.cells).toEqual([
      [
        { sheet: 'Sammanfattning', row: 30, column: 3 },
        { sheet: 'Sammanfattning', row: 30, column: 4 },
      ],
    ]);
  });

  it("prefers the workbook's defined names, which follow the sheets wherever the host put them", () => {
    const names = [{ name: 'SAMR.diagram.positiv.ung.current', formula: "='Sammanfattning (2)'!$C$31" }];
    const positive = locateChartTables([index], names, sheets)[1];
    expect(positive?.cells[0]?.[0]).toEqual({ sheet: 'Sammanfattning (2)', row: 31, column: 3 });
  });

  it('finds nothing without the index: labels are never read', () => {
    const summary: SheetGrid = {
      sheet: 'Sammanfattning',
      top: 1,
      left: 1,
      values: [
        ['Område', 'Mått', '2023'],
        ['Ungdomstorget', 'Andel positiv lösning', 71.4],
      ],
    };
    expect(locateChartTables([summary], [], ['Sammanfattning'])).toEqual([]);
  });
});

describe('the Diagram sheet', () => {
  it('lays out each table with formulas linking to the report, and a chart beside it', () => {
    const plan = planDiagramSheet(locateChartTables([index], [], sheets).slice(0, 1));
    expect(plan.blocks[0]).toEqual({
      address: 'A1:C3',
      formulas: [
        ['', 'Arbetsmarknadstorgen', 'Ungdomstorget'],
        ['Samhälls- & medborgarnytta', "='Impactindex'!C40", "='Impactindex'!D40"],
        ['Jämlik samverkan', "='Impactindex'!C41", ''],
      ],
    });
    expect(plan.charts).toEqual([{ title: 'Impactindex per målområde', source: 'A1:C3', top: 'E1', bottom: 'M19' }]);
  });

  it('puts a second table below the first chart', () => {
    const plan = planDiagramSheet(locateChartTables([index], [], sheets));
    expect(plan.blocks[1]?.address).toBe('A22:C23');
    expect(plan.charts[1]?.top).toBe('E22');
  });
});
