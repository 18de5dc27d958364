/**
 * The pane's actions that read and write in one Excel.run, so their round trips are counted
 * whole (issue 7: at most three per action at 10, 1,000 and 10,000 cells or rows).
 */
import { emptyMapping } from '../../../shared/aggregation/table-mapping';
import { PaneError } from '../api/api-error';
import { a1 } from './addresses';
import { checkInputCells } from './check-inputs';
import { MARK_FILL, NOTE_PREFIX, type CellFinding } from './mark-findings';
import { MAPPING_NAMESPACE, mappingToXml, saveMapping } from './mapping-store';
import type { InputRead } from './read-inputs';
import { readOwnTable } from './read-own-table';
import { showValuesInTemplate } from './show-in-template';
import { EXCEL_PAYLOAD_LIMIT, MockExcel, type MockSheet } from './testing/mock-excel';
import {
  capabilities,
  expectTotalMarkedAsFel,
  layout,
  SHEET,
  syntheticInputs,
  template,
  templateNames,
} from './testing/template-fixture';

describe('checkInputCells (Kontrollera)', () => {
  const ids = template.cells.map((c) => c.id);
  /** A check that finds one fel on the total, whatever it reads. */
  const totalIsWrong = (): CellFinding[] => [
    { cellId: 'deltagare.antal.tot', severity: 'fel', text: 'Totalt ska vara Kvinnor + Män' },
  ];

  it('reads every input cell by its name, checks the values and marks the findings, in three trips', async () => {
    const cells: Record<string, unknown> = {};
    for (const [id, p] of layout.positions)
      cells[p.a1] = id === 'deltagare.antal.k' ? 12 : id === 'deltagare.antal.m' ? '1 234' : '';
    const excel = new MockExcel({
      sheets: [{ name: SHEET, cells, protected: true }],
      names: [...templateNames, { name: 'Utskriftsområde', formula: `='${SHEET}'!$A$1:$D$40` }],
      notes: [{ content: `${NOTE_PREFIX}old finding` }, { content: 'A note the user wrote' }],
    }).install();
    let seen: InputRead | undefined;
    const outcome = await checkInputCells(ids, (read) => ((seen = read), totalIsWrong()), capabilities);
    expect(excel.syncs).toBe(3);
    expect(outcome.read).toBe(seen);
    expect(outcome).toMatchObject({ marked: 1, annotated: true });
    expect(seen?.missing).toEqual([]);
    expect(seen?.cells).toHaveLength(template.cells.length);
    const byId = new Map(seen?.cells.map((c) => [c.cellId, c]));
    expect(byId.get('deltagare.antal.k')).toEqual({
      cellId: 'deltagare.antal.k',
      sheet: SHEET,
      address: layout.positions.get('deltagare.antal.k')?.a1,
      value: 12,
    });
    expect(byId.get('deltagare.antal.m')?.value).toBe('1 234');
    // One bulk read of the block holding the inputs, not one range per cell.
    expect(excel.ranges.filter((r) => r.address.includes(':'))).toHaveLength(1);

    expectTotalMarkedAsFel(excel, 'Totalt ska vara Kvinnor + Män');
  });

  it('tells the check which template cells have no name, and skips findings on cells it did not read', async () => {
    const missing = template.cells[0]!.id;
    const excel = new MockExcel({ sheets: [{ name: SHEET }], names: templateNames.slice(1) }).install();
    let seen: InputRead | undefined;
    const outcome = await checkInputCells(
      ids,
      (read) => ((seen = read), [{ cellId: missing, severity: 'fel', text: 'x' }]),
      capabilities,
    );
    expect(seen?.missing).toEqual([missing]);
    expect(outcome.marked).toBe(0);
    expect(excel.notesAdded).toEqual([]);
    expect(excel.syncs).toBe(3);
  });

  it('writes nothing when the check throws, and passes its error on', async () => {
    const excel = new MockExcel({
      sheets: [{ name: SHEET, protected: true }],
      names: [],
      notes: [{ content: `${NOTE_PREFIX}old finding` }],
    }).install();
    const refuse = (read: InputRead): CellFinding[] => {
      if (read.cells.length === 0)
        throw new PaneError('no-template', 'Mallen finns inte i arbetsboken. Välj Infoga mall först.');
      return [];
    };
    await expect(checkInputCells(ids, refuse, capabilities)).rejects.toMatchObject({ code: 'no-template' });
    expect(excel.syncs).toBe(2);
    expect(excel.notesDeleted).toEqual([]);
    expect(excel.protections).toEqual([]);
  });

  it('passes a failing check on as itself, not as an Excel failure', async () => {
    new MockExcel({ sheets: [{ name: SHEET }], names: templateNames }).install();
    const bug = new TypeError('validation bug');
    const failing = (): CellFinding[] => {
      throw bug;
    };
    await expect(checkInputCells(ids, failing, capabilities)).rejects.toBe(bug);
  });

  it.each([
    ['notes', { notes: true, comments: true }, true],
    ['comments where Excel lacks notes', { notes: false, comments: true }, true],
    ['fills alone where Excel has neither', { notes: false, comments: false }, false],
  ])('marks with %s', async (_, annotate, annotated) => {
    const excel = new MockExcel({ sheets: [{ name: SHEET }], names: templateNames }).install();
    const outcome = await checkInputCells(
      ids,
      () => [{ cellId: 'deltagare.antal.k', severity: 'varning', text: 'x' }],
      annotate,
    );
    expect(outcome.annotated).toBe(annotated);
    expect(excel.notesAdded).toHaveLength(annotated ? 1 : 0);
    expect(excel.fills().get(`${SHEET}!${layout.positions.get('deltagare.antal.k')!.a1}`)).toBe(MARK_FILL.varning);
    expect(excel.protections).toEqual([]);
    expect(excel.syncs).toBe(3);
  });

  it.each([10, 1_000, 10_000])('costs three round trips for %i cells, each read and marked', async (n) => {
    const { sheet, names, ids: synthetic } = syntheticInputs(n);
    const excel = new MockExcel({ sheets: [sheet], names }).install();
    const outcome = await checkInputCells(
      synthetic,
      (read) =>
        read.cells.map((c) => ({ cellId: c.cellId, severity: 'fel' as const, text: `värde ${String(c.value)}` })),
      capabilities,
    );
    expect(excel.syncs).toBe(3);
    expect(outcome.read.cells).toHaveLength(n);
    expect(outcome.read.cells[n - 1]?.value).toBe(n - 1);
    expect(outcome.marked).toBe(n);
    expect(excel.notesAdded).toHaveLength(n);
    expect(excel.notesAdded[n - 1]?.content).toBe(`${NOTE_PREFIX}värde ${n - 1}`);
  });
});

describe('showValuesInTemplate (Visa i mallen)', () => {
  const positions = new Map([...layout.positions].map(([id, p]) => [id, p.a1]));
  const values = Object.fromEntries(template.cells.map((c, i) => [c.id, i]));
  const insert = { base64: 'UEs=', sheetName: SHEET, positions, replace: false };

  it('writes into the sheet the workbook already has, without inserting, in two round trips', async () => {
    const excel = new MockExcel({
      sheets: [{ name: SHEET, protected: true }, { name: '_samlad' }],
      names: templateNames,
      insertable: { sheets: [{ name: SHEET }] },
    }).install();
    const outcome = await showValuesInTemplate(insert, { ...values, 'x.y.z': 1 }, capabilities);
    expect(excel.syncs).toBe(2);
    expect(outcome).toEqual({ inserted: false, namesAdded: 0, written: template.cells.length, missing: ['x.y.z'] });
    expect(excel.inserted).toEqual([]);
    expect(excel.sheetsDeleted).toEqual([]);
    const written = excel.writtenValues();
    expect(written.size).toBe(template.cells.length);
    expect(written.get(`${SHEET}!${positions.get(template.cells[3]!.id)}`)).toEqual([[3]]);
  });

  it.each([
    ['carried', templateNames, 0],
    ['restored', undefined, template.cells.length],
  ])(
    'inserts the sheet and writes every value when the names are %s, in three round trips',
    async (_, carried, namesAdded) => {
      const excel = new MockExcel({
        sheets: [{ name: 'Blad1' }],
        insertable: {
          sheets: [{ name: SHEET, id: 'sheet-new' }, { name: '_samlad' }],
          ...(carried ? { names: carried } : {}),
        },
      }).install();
      const outcome = await showValuesInTemplate(insert, { ...values, 'deltagare.antal.k': null }, capabilities);
      expect(excel.syncs).toBe(3);
      expect(outcome).toEqual({ inserted: true, namesAdded, written: template.cells.length, missing: [] });
      expect(excel.inserted).toEqual([{ options: { positionType: 'End' } }]);
      expect(excel.activated).toEqual([SHEET]);
      expect(excel.namesAdded).toHaveLength(namesAdded);
      expect(excel.namesAdded.slice(0, 1)).toEqual(
        namesAdded > 0 ? [{ name: templateNames[0]!.name, sheet: SHEET, address: [...positions.values()][0] }] : [],
      );
      const written = excel.writtenValues();
      expect(written.get(`${SHEET}!${positions.get(template.cells[3]!.id)}`)).toEqual([[3]]);
      expect(written.get(`${SHEET}!${positions.get('deltagare.antal.k')}`)).toEqual([['']]);
    },
  );

  it('refuses politely where Excel cannot insert sheets, before touching the workbook', async () => {
    const excel = new MockExcel({ sheets: [{ name: SHEET }], names: templateNames }).install();
    await expect(showValuesInTemplate(insert, values, { insertSheets: false })).rejects.toMatchObject({
      code: 'excel-unsupported',
    });
    expect(excel.syncs).toBe(0);
  });

  describe.each([10, 1_000, 10_000])('with %i values', (n) => {
    const { sheet, names, ids, positions: synthetic } = syntheticInputs(n);
    const ones = Object.fromEntries(ids.map((id) => [id, 1]));
    const syntheticInsert = { base64: 'UEs=', sheetName: SHEET, positions: synthetic, replace: false };

    it.each([
      ['the sheet exists', 2, { sheets: [sheet], names }, 0],
      ['names carried', 3, { sheets: [], insertable: { sheets: [sheet], names } }, 0],
      ['names restored', 3, { sheets: [], insertable: { sheets: [sheet] } }, n],
    ])('%s: %i round trips', async (_, syncs, state, namesAdded) => {
      const excel = new MockExcel(state).install();
      const outcome = await showValuesInTemplate(syntheticInsert, ones, capabilities);
      expect(excel.syncs).toBe(syncs);
      expect(outcome).toMatchObject({ namesAdded, written: n, missing: [] });
      expect(excel.writtenValues().size).toBe(n);
    });
  });
});

describe('readOwnTable (Läs tabellen)', () => {
  const HEADERS = ['Kön', 'Födelseår', 'Startdatum', 'Avslutsdatum', 'Avslutsorsak', 'Aktualiserande part'];
  function participantSheet(rows: number): MockSheet {
    const cells: Record<string, unknown> = {};
    HEADERS.forEach((h, c) => (cells[a1(3, 2 + c)] = h));
    for (let r = 0; r < rows; r++) {
      cells[a1(4 + r, 2)] = r % 2 === 0 ? 'K' : 'M';
      cells[a1(4 + r, 3)] = 1980 + (r % 30);
      cells[a1(4 + r, 4)] = 45000 + r;
    }
    return { name: 'Deltagare 2023', cells };
  }
  const stored = {
    ...emptyMapping(),
    columns: { kon: 'Kön & <typ>' },
    values: { ...emptyMapping().values, kon: { k: 'k' as const } },
  };
  const storedPart = { namespace: MAPPING_NAMESPACE, xml: mappingToXml(stored) };

  describe.each([10, 1_000, 10_000])('with %i rows', (n) => {
    const sheet = participantSheet(n);
    const address = `B3:G${3 + n}`;
    it.each([
      ['an Excel table, a stored mapping', 2, true, true],
      ['an Excel table, no mapping', 2, true, false],
      ['a plain block, a stored mapping', 2, false, true],
      ['a plain block, no mapping', 1, false, false],
    ])('%s: %i round trips', async (_, syncs, inTable, withMapping) => {
      const excel = new MockExcel({
        sheets: [sheet],
        selection: {
          sheet: sheet.name,
          region: address,
          ...(inTable ? { table: { name: 'Deltagare', address } } : {}),
        },
        ...(withMapping ? { customXml: [storedPart] } : {}),
      }).install();
      const { table, mapping } = await readOwnTable(capabilities);
      expect(excel.syncs).toBe(syncs);
      expect(mapping).toEqual(withMapping ? stored : undefined);
      expect(table).toMatchObject({
        sheet: 'Deltagare 2023',
        address,
        source: inTable ? 'table' : 'region',
        firstRowNumber: 4,
      });
      expect(table.tableName).toBe(inTable ? 'Deltagare' : undefined);
      expect(table.headers).toEqual(HEADERS);
      expect(table.rows).toHaveLength(n);
      expect(table.rows[n - 1]?.[2]).toBe(45000 + n - 1);
    });
  });

  it('reads back the mapping saveMapping stored, and ignores a damaged one', async () => {
    const sheet = participantSheet(10);
    const selection = { sheet: sheet.name, region: 'B3:G13' };
    let excel = new MockExcel({ sheets: [] }).install();
    await saveMapping(stored, capabilities);
    excel = new MockExcel({
      sheets: [sheet],
      selection,
      customXml: [{ namespace: MAPPING_NAMESPACE, xml: excel.xmlAdded[0]! }],
    }).install();
    expect((await readOwnTable(capabilities)).mapping).toEqual(stored);
    new MockExcel({
      sheets: [sheet],
      selection,
      customXml: [
        { namespace: MAPPING_NAMESPACE, xml: mappingToXml(emptyMapping()).replace('"version":1', '"version":9') },
      ],
    }).install();
    expect((await readOwnTable(capabilities)).mapping).toBeUndefined();
  });

  it('reads no mapping where Excel has no custom XML parts', async () => {
    const sheet = participantSheet(10);
    const excel = new MockExcel({
      sheets: [sheet],
      selection: { sheet: sheet.name, region: 'B3:G13' },
      customXml: [storedPart],
    }).install();
    expect((await readOwnTable({ ...capabilities, customXml: false })).mapping).toBeUndefined();
    expect(excel.syncs).toBe(1);
  });

  it('asks for a table when the selection holds only a header', async () => {
    const sheet = participantSheet(0);
    new MockExcel({ sheets: [sheet], selection: { sheet: sheet.name, region: 'B3:G3' } }).install();
    await expect(readOwnTable(capabilities)).rejects.toMatchObject({ code: 'no-table' });
  });
});

describe('large own tables under Excel on the web’s 5 MB limit', () => {
  /** A participant table of `rows` rows × `columns` columns at B3, as a coordinator keeps it. */
  function wideSheet(
    rows: number,
    columns: number,
    cell = (r: number, c: number): unknown => (c === 0 ? 'Kvinna' : 45000 + r),
  ) {
    const cells: Record<string, unknown> = {};
    for (let c = 0; c < columns; c++) cells[a1(3, 2 + c)] = `Kolumn ${c + 1}`;
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) cells[a1(4 + r, 2 + c)] = cell(r, c);
    return { name: 'Deltagare', cells };
  }
  const selectAll = (rows: number, columns: number) => ({
    sheet: 'Deltagare',
    region: `B3:${a1(3 + rows, 1 + columns)}`,
  });

  it('refuses, as Excel does, one read of 100,000 rows × 10 columns in a single round trip', async () => {
    const rows = 100_000;
    const excel = new MockExcel({ sheets: [wideSheet(rows, 10)] }).install();
    const whole = Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Deltagare').getRange(`B3:K${3 + rows}`);
      range.load('values');
      await context.sync();
    });
    await expect(whole).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(excel.largestPayload).toBeGreaterThan(EXCEL_PAYLOAD_LIMIT);
  });

  it('reads 100,000 rows × 10 columns in chunks: round trips ≤ 2 + chunks, each under the limit', async () => {
    const rows = 100_000;
    const excel = new MockExcel({ sheets: [wideSheet(rows, 10)], selection: selectAll(rows, 10) }).install();
    const { table } = await readOwnTable({ ...capabilities, customXml: false });
    expect(table.rows).toHaveLength(rows);
    expect(table.rows[rows - 1]).toEqual(['Kvinna', ...Array(9).fill(45000 + rows - 1)]);
    expect(excel.largestPayload).toBeLessThanOrEqual(EXCEL_PAYLOAD_LIMIT);
    // The head (10,000 rows) in the first round trip, the other 90,000 in chunks of the budget's size.
    const chunks = excel.syncs - 1;
    expect(chunks).toBeGreaterThanOrEqual(1);
    expect(excel.syncs).toBeLessThanOrEqual(2 + chunks);
  });

  it('reads a table wider than the head whole, in chunks', async () => {
    const excel = new MockExcel({ sheets: [wideSheet(300, 20)], selection: selectAll(300, 20) }).install();
    const { table } = await readOwnTable({ ...capabilities, customXml: false });
    expect(table.headers).toHaveLength(20);
    expect(table.rows).toHaveLength(300);
    expect(table.rows[299]?.[19]).toBe(45299);
    expect(excel.syncs).toBe(2);
  });

  it('reads again with a small head when Excel refuses the first read (very long cells)', async () => {
    const note = 'x'.repeat(400);
    const rows = 12_000;
    const sheet = wideSheet(rows, 4, (r, c) => (c === 3 ? note : r));
    const excel = new MockExcel({ sheets: [sheet], selection: selectAll(rows, 4) }).install();
    const { table } = await readOwnTable({ ...capabilities, customXml: false });
    expect(table.rows).toHaveLength(rows);
    expect(table.rows[rows - 1]?.[3]).toBe(note);
    expect(excel.largestPayload).toBeLessThanOrEqual(EXCEL_PAYLOAD_LIMIT);
  });
});
