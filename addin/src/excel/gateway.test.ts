import { emptyMapping } from '../../../shared/aggregation/table-mapping';
import { definedNameForCell } from '../../../shared/model/layout';
import { CHART_INDEX_MARK } from '../../../shared/consolidation/figure-names';
import { a1 } from './addresses';
import { insertReport } from './insert-report';
import { insertTemplate } from './insert-template';
import { MAPPING_NAMESPACE, mappingToXml, saveMapping } from './mapping-store';
import { markFindings, MARK_FILL, NOTE_PREFIX } from './mark-findings';
import { selectCell } from './select-cell';
import { MockExcel, type MockSheet } from './testing/mock-excel';
import {
  capabilities,
  expectTotalMarkedAsFel,
  layout,
  SHEET,
  syntheticInputs,
  template,
  templateNames,
} from './testing/template-fixture';

describe('markFindings', () => {
  const inputs = [...layout.positions.values()].map((p) => ({ sheet: SHEET, address: p.a1 }));

  it('restores input fills, marks findings, replaces only its own notes, and keeps the sheet protected', async () => {
    const excel = new MockExcel({
      sheets: [{ name: SHEET, protected: true }],
      notes: [{ content: `${NOTE_PREFIX}old finding` }, { content: 'A note the user wrote' }],
    }).install();
    const d7 = layout.positions.get('deltagare.antal.tot')!.a1;
    const result = await markFindings(
      inputs,
      [{ sheet: SHEET, address: d7, severity: 'fel', text: 'Totalt ska vara Kvinnor + Män' }],
      capabilities,
    );
    expect(excel.syncs).toBe(2);
    expect(result).toEqual({ marked: 1, annotated: true });
    expectTotalMarkedAsFel(excel, 'Totalt ska vara Kvinnor + Män');
  });

  it('falls back to fills alone where Excel has neither notes nor comments', async () => {
    const excel = new MockExcel({ sheets: [{ name: SHEET }] }).install();
    const result = await markFindings(inputs.slice(0, 2), [{ ...inputs[0]!, severity: 'varning', text: 'x' }], {
      notes: false,
      comments: false,
    });
    expect(result.annotated).toBe(false);
    expect(excel.fills().get(`${SHEET}!${inputs[0]!.address}`)).toBe(MARK_FILL.varning);
    expect(excel.protections).toEqual([]);
  });

  it.each([10, 10_000])('costs two round trips for %i marked cells', async (n) => {
    const { sheet, names } = syntheticInputs(n);
    const cells = names.map((x) => ({ sheet: SHEET, address: x.formula.split('!')[1]!.replace(/\$/g, '') }));
    const excel = new MockExcel({ sheets: [sheet] }).install();
    await markFindings(
      cells,
      cells.map((c) => ({ ...c, severity: 'fel' as const, text: 'fel' })),
      capabilities,
    );
    expect(excel.syncs).toBe(2);
    expect(excel.notesAdded).toHaveLength(n);
  });
});

describe('insertTemplate', () => {
  const positions = new Map([...layout.positions].map(([id, p]) => [id, p.a1]));
  const templateSheet: MockSheet = { name: SHEET, id: 'sheet-new' };

  it('inserts the sheet, activates it, and needs no third trip when names came along', async () => {
    const excel = new MockExcel({
      sheets: [{ name: 'Blad1' }],
      insertable: { sheets: [templateSheet, { name: '_samlad' }], names: templateNames },
    }).install();
    const outcome = await insertTemplate({ base64: 'UEs=', sheetName: SHEET, positions, replace: false }, capabilities);
    expect(outcome).toEqual({ kind: 'inserted', sheetName: SHEET, namesAdded: 0 });
    expect(excel.syncs).toBe(2);
    expect(excel.inserted).toEqual([{ options: { positionType: 'End' } }]);
    expect(excel.activated).toEqual([SHEET]);
  });

  it('restores the names a host did not carry, in a third trip', async () => {
    const excel = new MockExcel({ sheets: [{ name: 'Blad1' }], insertable: { sheets: [templateSheet] } }).install();
    const outcome = await insertTemplate({ base64: 'UEs=', sheetName: SHEET, positions, replace: false }, capabilities);
    expect(excel.syncs).toBe(3);
    expect(outcome).toMatchObject({ namesAdded: template.cells.length });
    expect(excel.namesAdded[0]).toEqual({
      name: definedNameForCell(template.cells[0]!.id),
      sheet: SHEET,
      address: positions.get(template.cells[0]!.id),
    });
  });

  it('asks before replacing a sheet of the same name, and replaces it (and its names) when told', async () => {
    const existing = {
      sheets: [{ name: SHEET }, { name: '_samlad' }],
      names: templateNames,
      insertable: { sheets: [templateSheet], names: templateNames },
    };
    let excel = new MockExcel(existing).install();
    expect(await insertTemplate({ base64: 'UEs=', sheetName: SHEET, positions, replace: false }, capabilities)).toEqual(
      { kind: 'exists', sheetName: SHEET },
    );
    expect(excel.syncs).toBe(1);
    expect(excel.inserted).toEqual([]);
    excel = new MockExcel(existing).install();
    await insertTemplate({ base64: 'UEs=', sheetName: SHEET, positions, replace: true }, capabilities);
    expect(excel.sheetsDeleted).toEqual([SHEET]);
    expect(excel.namesDeleted).toHaveLength(template.cells.length);
    // A workbook that already has an identity sheet gets only the template sheet.
    expect(excel.inserted).toEqual([{ options: { positionType: 'End', sheetNamesToInsert: [SHEET] } }]);
  });

  it('refuses politely where Excel cannot insert sheets', async () => {
    await expect(
      insertTemplate({ base64: 'UEs=', sheetName: SHEET, positions, replace: false }, { insertSheets: false }),
    ).rejects.toMatchObject({ code: 'excel-unsupported' });
  });
});

describe('saveMapping', () => {
  it('replaces the old custom XML part with the mapping, in two round trips', async () => {
    const mapping = { ...emptyMapping(), columns: { kon: 'Kön' } };
    const excel = new MockExcel({ sheets: [], customXml: [{ namespace: MAPPING_NAMESPACE, xml: '<old/>' }] }).install();
    expect(await saveMapping(mapping, capabilities)).toBe(true);
    expect(excel.syncs).toBe(2);
    expect(excel.xmlDeleted).toEqual(['<old/>']);
    expect(excel.xmlAdded).toEqual([mappingToXml(mapping)]);
  });

  it('keeps nothing where Excel has no custom XML parts', async () => {
    const excel = new MockExcel({ sheets: [] }).install();
    expect(await saveMapping(emptyMapping(), { customXml: false })).toBe(false);
    expect(excel.syncs).toBe(0);
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell in one trip', async () => {
    const excel = new MockExcel({ sheets: [{ name: SHEET }] }).install();
    await selectCell({ sheet: SHEET, address: 'D7' });
    expect(excel.syncs).toBe(1);
    expect(excel.activated).toEqual([SHEET]);
    expect(excel.selected).toEqual([`${SHEET}!D7`]);
  });

  it("says in Swedish when Excel cannot find the sheet (Office's ItemNotFound)", async () => {
    new MockExcel({ sheets: [{ name: SHEET }] }).install();
    await expect(selectCell({ sheet: 'Borttaget blad', address: 'D7' })).rejects.toMatchObject({
      code: 'excel-ItemNotFound',
      messageSv: expect.stringContaining('Excel hittade inte bladet'),
    });
  });
});

describe('insertReport', () => {
  const summary: MockSheet = {
    name: 'Sammanfattning',
    id: 'sheet-summary',
    cells: { A1: 'Sammanfattning', C30: 61.5, D30: 66.1, C31: 71.4, D31: 77.5 },
  };
  const impactSheet: MockSheet = { name: 'Impactindex', id: 'sheet-impact', cells: { A1: 'Impactindex', C6: 66 } };
  const name = (category: string, series: string) => `SAMR.diagram.andel_positiv.${category}.${series}`;
  /** The report's chart index as functions/consolidation writes it (CHART_INDEX_COLUMNS). */
  const index: MockSheet = {
    name: 'Samlad diagram',
    id: 'sheet-index',
    cells: {
      A1: CHART_INDEX_MARK,
      ...Object.fromEntries(
        [
          ['arbetsmarknadstorgen', 'Arbetsmarknadstorgen', 'current', '2023', 'C30'],
          ['arbetsmarknadstorgen', 'Arbetsmarknadstorgen', 'lastYear', '2022', 'D30'],
          ['ungdomstorget', 'Ungdomstorget', 'current', '2023', 'C31'],
          ['ungdomstorget', 'Ungdomstorget', 'lastYear', '2022', 'D31'],
        ].flatMap(([key, label, series, seriesLabel, cell], i) => {
          const row = String(3 + i);
          const values = [
            'andel_positiv',
            'Andel positiv lösning (%)',
            key,
            label,
            series,
            seriesLabel,
            name(key!, series!),
            1,
            cell,
            '%',
          ];
          return values.map((v, c) => [`${String.fromCharCode(65 + c)}${row}`, v]);
        }),
      ),
    },
  };

  it('inserts the sheets, then a Diagram sheet linking to the figures the index names, in three trips', async () => {
    const excel = new MockExcel({
      sheets: [{ name: 'Blad1' }, { name: 'Diagram' }],
      // The host renamed the summary on the way in and dropped the names: the index's sheet positions find it.
      insertable: { sheets: [{ ...summary, name: 'Sammanfattning (2)' }, impactSheet, index] },
    }).install();
    const outcome = await insertReport({ base64: 'UEs=' }, capabilities);
    expect(excel.syncs).toBe(3);
    expect(outcome).toEqual({
      sheets: ['Sammanfattning (2)', 'Impactindex', 'Samlad diagram'],
      diagramSheet: 'Diagram 2',
      charts: 1,
    });
    expect(excel.sheetsAdded).toEqual(['Diagram 2']);
    expect(excel.writtenFormulas().get('Diagram 2!A1:C3')).toEqual([
      ['', '2023', '2022'],
      ['Arbetsmarknadstorgen', "='Sammanfattning (2)'!C30", "='Sammanfattning (2)'!D30"],
      ['Ungdomstorget', "='Sammanfattning (2)'!C31", "='Sammanfattning (2)'!D31"],
    ]);
    expect(excel.charts.map((c) => [c.type, c.source, c.title.text])).toEqual([
      ['ColumnClustered', "'Diagram 2'!A1:C3", 'Andel positiv lösning (%)'],
    ]);
    expect(excel.activated).toEqual(['Diagram 2']);
  });

  it('follows the defined names where the host brought them along', async () => {
    const excel = new MockExcel({
      sheets: [],
      insertable: {
        sheets: [summary, impactSheet, index],
        names: [{ name: name('ungdomstorget', 'current'), formula: "='Sammanfattning'!$E$40" }],
      },
    }).install();
    await insertReport({ base64: 'UEs=' }, capabilities);
    expect(excel.writtenFormulas().get('Diagram!A1:C3')?.[2]).toEqual([
      'Ungdomstorget',
      "='Sammanfattning'!E40",
      "='Sammanfattning'!D31",
    ]);
  });

  it('adds no Diagram sheet when the report has no figures to chart (two trips)', async () => {
    const excel = new MockExcel({
      sheets: [],
      insertable: { sheets: [{ name: 'Ekonomi', id: 'e', cells: { A1: 'Ekonomi' } }] },
    }).install();
    expect(await insertReport({ base64: 'UEs=' }, capabilities)).toEqual({
      sheets: ['Ekonomi'],
      charts: 0,
    });
    expect(excel.syncs).toBe(2);
    expect(excel.sheetsAdded).toEqual([]);
  });
});
