import { registry } from '../config/registry';
import { findForbund } from '../model/selectors';
import { forbundSchema } from '../model/forbund-schema';
import type { RawCell } from './cells';
import {
  diffSettings,
  documentYear,
  proposalFromDocument,
  proposalFromWorkbook,
  renderSettingsFinding,
  settingsAreas,
  SETTINGS_SHEETS,
  yearDocuments,
  type RawArea,
  type SettingsDocument,
  type SettingsFinding,
} from '.';

const context = { templates: registry.templates };
const umearegionen = findForbund(registry, 'umearegionen')!;
const doc2023 = yearDocuments(umearegionen).find((d) => documentYear(d) === 2023)!;
const doc2024 = yearDocuments(umearegionen).find((d) => documentYear(d) === 2024)!;
const expected = (document: SettingsDocument) => ({
  forbund: document.id,
  year: documentYear(document),
  forbundName: (id: string) => findForbund(registry, id)?.name ?? id,
});

type Areas = Map<string, RawArea>;

function areasOf(document: SettingsDocument, basedOn: number | null = 1): Areas {
  return new Map(settingsAreas(document, { ...context, year: documentYear(document) }, basedOn));
}

function columnOf(table: string, key: string): number {
  const layout = SETTINGS_SHEETS.find((s) => s.layout.table?.id === table)!.layout.table!;
  return layout.columns.findIndex((c) => c.key === key);
}

/** Sets a table cell (row 1 = first data row) or, with `key` undefined, a field. */
function setCell(
  areas: Areas,
  id: string,
  row: number,
  key: string | undefined,
  raw: RawCell['kind'] extends never ? never : RawCell,
) {
  const area = areas.get(id)!;
  const cells = area.cells.map((r) => [...r]);
  const column = key === undefined ? 0 : columnOf(id, key);
  cells[row]![column] = raw;
  areas.set(id, { ...area, cells });
}

const v = (raw: number | string | boolean | null): RawCell => ({ kind: 'value', raw });

/** The data row of a table whose key column holds `id`. */
function rowWhere(areas: Areas, table: string, key: string, id: string): number {
  const column = columnOf(table, key);
  const row = areas.get(table)!.cells.findIndex((r) => {
    const cell = r[column];
    return cell?.kind === 'value' && cell.raw === id;
  });
  if (row < 1) throw new Error(`no row ${id} in ${table}`);
  return row;
}

function read(areas: Areas, base: SettingsDocument) {
  return proposalFromWorkbook(areas, expected(base), () => base, context);
}

const errors = (findings: readonly SettingsFinding[]) => findings.filter((f) => f.severity === 'fel');

describe('the settings workbook, read back', () => {
  it.each(registry.forbund.flatMap((f) => yearDocuments(f).map((d) => [f.id, documentYear(d), d] as const)))(
    '%s %d: an untouched workbook reads back as the document it was made from',
    (_id, _year, document) => {
      const result = read(areasOf(document, 3), document);
      if (result.kind !== 'read') throw new Error(JSON.stringify(result.findings));
      expect(errors(result.findings)).toEqual([]);
      expect(result.basedOn).toBe(3);
      expect(result.document).toEqual(forbundSchema.parse(document));
      expect(diffSettings(document, result.document, { ...context, year: documentYear(document) })).toEqual([]);
    },
  );

  it('a changed target is a change in Mål and an explicit target of the year', () => {
    const areas = areasOf(doc2024);
    setCell(areas, 'mal', rowWhere(areas, 'mal', 'key', 'deltagare-avslut.andel_positiv'), 'value', v(75));
    const result = read(areas, doc2024);
    if (result.kind !== 'read') throw new Error('refused');
    expect(errors(result.findings)).toEqual([]);
    expect(result.document.years['2024']?.targets).toEqual({
      'deltagare-avslut.andel_positiv': { comparator: 'gte', value: 75 },
    });
    expect(diffSettings(doc2024, result.document, { ...context, year: 2024 })).toEqual([
      {
        sheet: 'Mål',
        row: 'deltagare-avslut.andel_positiv (Andel positiv lösning)',
        change: 'changed',
        column: 'Mål',
        before: '70',
        after: '75',
      },
    ]);
  });

  it('rows added and removed are listed by their id', () => {
    const areas = areasOf(doc2024);
    const platforms = areas.get('plattformar')!;
    const free = platforms.cells.findIndex((r, i) => i > 0 && r.every((c) => c.kind === 'value' && c.raw === null));
    setCell(areas, 'plattformar', free, 'id', v('kraft'));
    setCell(areas, 'plattformar', free, 'name', v('Kraft'));
    setCell(areas, 'plattformar', free, 'reportedBy', v('umea'));
    const result = read(areas, doc2024);
    if (result.kind !== 'read') throw new Error('refused');
    expect(errors(result.findings)).toEqual([]);
    const changes = diffSettings(doc2024, result.document, { ...context, year: 2024 });
    expect(changes).toEqual([{ sheet: 'Plattformar', row: 'kraft (Kraft)', change: 'added' }]);
    expect(diffSettings(result.document, doc2024, { ...context, year: 2024 })).toEqual([
      { sheet: 'Plattformar', row: 'kraft (Kraft)', change: 'removed' },
    ]);
  });
});

describe('findings name the sheet and the cell', () => {
  const indicatorRow = (areas: Areas, id: string) => rowWhere(areas, 'indikatorer', 'id', id);
  // The Indikatorer table's data starts on row 6: a row is 6 + the indicator's place in the budget.
  const indicators = doc2023.years['2023']!.socialBudget!.indicators;
  const rowOf = (id: string) => 6 + indicators.findIndex((i) => i.id === id);
  const area = indicators.flatMap((i, n) => (i.area === 'samordning' ? [6 + n] : []));
  const weightCells = `Indikatorer!D${Math.min(...area)}:D${Math.max(...area)}`;

  it.each<[string, (areas: Areas) => void, Partial<SettingsFinding>[]]>([
    [
      'a weight that is text',
      (a) => setCell(a, 'indikatorer', indicatorRow(a, 'genomstromning'), 'weight', v('tio')),
      [{ code: 'not-a-number', cell: `Indikatorer!D${rowOf('genomstromning')}` }],
    ],
    [
      "an area's weights off by more than 5 %",
      (a) => setCell(a, 'indikatorer', indicatorRow(a, 'genomstromning'), 'weight', v(1)),
      [{ code: 'weights-off', cell: weightCells }],
    ],
    [
      'an unknown formula',
      (a) => setCell(a, 'indikatorer', indicatorRow(a, 'genomstromning'), 'source', v('andel_lycka')),
      [{ code: 'unknown-formula', cell: `Indikatorer!H${rowOf('genomstromning')}` }],
    ],
    [
      'a kommun without kommunkod',
      (a) => setCell(a, 'parter', rowWhere(a, 'parter', 'id', 'vindeln'), 'kommunkod', v(null)),
      [{ code: 'kommun-without-kommunkod', cell: "'Parter och kommuner'!D11" }],
    ],
    [
      'duplicate ids',
      (a) => setCell(a, 'budget', rowWhere(a, 'budget', 'id', 'arvoden_revisorer'), 'id', v('arvoden_styrelsen')),
      [{ code: 'duplicate-id', cell: 'Budget!A9' }],
    ],
    [
      'a platform reported by an unknown party',
      (a) =>
        setCell(a, 'plattformar', rowWhere(a, 'plattformar', 'id', 'vuxentorget'), 'reportedBy', v('umea, lycksele')),
      [{ code: 'unknown-party', cell: 'Plattformar!D7' }],
    ],
  ])('%s', (_name, edit, wanted) => {
    const areas = areasOf(doc2023);
    edit(areas);
    const result = read(areas, doc2023);
    if (result.kind !== 'read') throw new Error('refused');
    expect(errors(result.findings)).toEqual(wanted.map((w) => expect.objectContaining(w)));
    for (const f of result.findings) expect(renderSettingsFinding(f)).not.toMatch(/undefined/);
  });

  it("kommuner's shares must add up to 100 %: the finding names the shares", () => {
    const areas = areasOf(doc2024);
    setCell(areas, 'parter', rowWhere(areas, 'parter', 'id', 'umea'), 'share', v(80));
    const result = read(areas, doc2024);
    if (result.kind !== 'read') throw new Error('refused');
    expect(errors(result.findings)).toEqual([
      expect.objectContaining({
        code: 'shares-total',
        cell: "'Parter och kommuner'!F6:F15",
        params: expect.objectContaining({ total: '96,3' }),
      }),
    ]);
    expect(renderSettingsFinding(errors(result.findings)[0]!)).toBe(
      'Kommunernas befolkningsandelar summerar till 96,3 %, men ska bli 100 %.',
    );
  });

  it.each<[string, (areas: Areas) => void, string]>([
    ['a foreign workbook', (a) => setCell(a, 'format', 0, undefined, v(null)), 'not-settings-workbook'],
    ['another förbund', (a) => setCell(a, 'forbund', 0, undefined, v('skelleftea-norsjo')), 'wrong-forbund'],
    ['another year', (a) => setCell(a, 'ar', 0, undefined, v(2023)), 'wrong-year'],
  ])('%s is refused as a whole', (_name, edit, code) => {
    const areas = areasOf(doc2024);
    edit(areas);
    const result = read(areas, doc2024);
    expect(result.kind).toBe('refused');
    expect(result.findings.map((f) => f.code)).toEqual([code]);
  });

  it('a JSON document gets the same findings, at the cells its workbook would have', () => {
    const json = JSON.parse(JSON.stringify(doc2023));
    const indicators = json.years['2023'].socialBudget.indicators;
    indicators.find((i: { id: string }) => i.id === 'genomstromning').weight = 'tio';
    const result = proposalFromDocument(json, expected(doc2023), context);
    if (result.kind !== 'read') throw new Error('refused');
    expect(errors(result.findings)).toEqual([
      expect.objectContaining({ code: 'not-a-number', cell: `Indikatorer!D${rowOf('genomstromning')}` }),
    ]);
  });
});
