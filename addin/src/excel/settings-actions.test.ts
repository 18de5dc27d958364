import { SETTINGS_SHEETS, settingsNames } from '../../../shared/settings';
import { insertSettings } from './insert-settings';
import { readSettingsAreas } from './read-settings';
import { MockExcel, type MockSheet } from './testing/mock-excel';

const sheetNames = SETTINGS_SHEETS.map((s) => s.layout.sheetName);
const names = SETTINGS_SHEETS.flatMap((s) => settingsNames(s.layout));
const formula = (n: { sheet: string; address: string }) => `='${n.sheet.replace(/'/g, "''")}'!${n.address}`;
const capabilities = { insertSheets: true };

describe('insertSettings', () => {
  const inserted: MockSheet[] = sheetNames.map((name) => ({ name, cells: {} }));

  it('inserts every settings sheet and restores the names the host dropped, in three trips', async () => {
    const excel = new MockExcel({ sheets: [{ name: 'Blad1' }], insertable: { sheets: inserted } }).install();
    const outcome = await insertSettings({ base64: 'UEs=', sheetNames, names, replace: false }, capabilities);
    expect(excel.syncs).toBe(3);
    expect(outcome).toEqual({ kind: 'inserted', sheets: sheetNames, namesAdded: names.length });
    expect(excel.activated).toEqual(['Om inställningarna']);
    expect(excel.namesAdded).toEqual(expect.arrayContaining([{ name: 'INST.mal', sheet: 'Mål', address: 'A5:E45' }]));
  });

  it('needs no third trip when the names came along', async () => {
    const excel = new MockExcel({
      sheets: [{ name: 'Blad1' }],
      insertable: { sheets: inserted, names: names.map((n) => ({ name: n.name, formula: formula(n) })) },
    }).install();
    await insertSettings({ base64: 'UEs=', sheetNames, names, replace: false }, capabilities);
    expect(excel.syncs).toBe(2);
  });

  it('asks before replacing settings sheets in the workbook, and replaces them and their names when told', async () => {
    const state = {
      sheets: [{ name: 'Mål' }, { name: 'Blad1' }],
      names: [
        { name: 'INST.mal', formula: "='Mål'!$A$5:$E$45" },
        { name: 'Egen', formula: '=Blad1!$A$1' },
      ],
      insertable: { sheets: inserted },
    };
    new MockExcel(state).install();
    expect(await insertSettings({ base64: 'UEs=', sheetNames, names, replace: false }, capabilities)).toEqual({
      kind: 'exists',
      sheets: ['Mål'],
    });
    const excel = new MockExcel(state).install();
    await insertSettings({ base64: 'UEs=', sheetNames, names, replace: true }, capabilities);
    expect(excel.sheetsDeleted).toEqual(['Mål']);
    expect(excel.namesDeleted).toEqual(['INST.mal']);
  });

  it('refuses politely where Excel cannot insert sheets', async () => {
    await expect(
      insertSettings({ base64: 'UEs=', sheetNames, names, replace: false }, { insertSheets: false }),
    ).rejects.toMatchObject({ code: 'excel-unsupported' });
  });
});

describe('readSettingsAreas', () => {
  it.each([10, 10_000])('reads every INST area in two trips, with %i rows of indicators', async (rows) => {
    const cells: Record<string, unknown> = { A6: 'genomstromning', D6: 10, B5: 'x' };
    for (let r = 0; r < rows; r++) cells[`A${6 + r}`] = `indikator_${r}`;
    const big = { name: 'Indikatorer', address: `$A$5:$H$${5 + rows}` };
    const sheets: MockSheet[] = sheetNames.map((name) => ({ name, cells: name === 'Indikatorer' ? cells : {} }));
    const excel = new MockExcel({
      sheets,
      names: [
        ...names.filter((n) => n.name !== 'INST.indikatorer').map((n) => ({ name: n.name, formula: formula(n) })),
        { name: 'INST.indikatorer', formula: formula({ sheet: big.name, address: big.address }) },
        { name: 'Egen', formula: '=Indikatorer!$A$1' },
      ],
    }).install();
    const areas = await readSettingsAreas();
    expect(excel.syncs).toBe(2);
    expect(Object.keys(areas).sort()).toEqual(names.map((n) => n.name.slice(5).toLowerCase()).sort());
    expect(areas.indikatorer).toMatchObject({ sheet: 'Indikatorer', top: 5, left: 1 });
    expect(areas.indikatorer!.values).toHaveLength(rows + 1);
    expect(areas.indikatorer!.values[1]![0]).toBe('indikator_0');
    expect(areas.indikatorer!.values[1]![1]).toBeNull();
  });
});
