/**
 * A stand-in for Excel inside the page, for end-to-end tests of the pane's Excel mode in
 * Chromium: `Office.onReady` reports an Excel host and `Excel.run` works on an in-page workbook
 * of sheets, cells, names, notes and charts. Objects are live (load and sync do nothing but
 * count), so this checks the views' wiring against the real API; the gateway's batching and
 * round trips are proven apart with office-addin-mock (addin/src/excel/gateway.test.ts).
 *
 * `installFakeExcel` is serialised into the page by playwright's addInitScript, so it must not
 * use anything from outside its own body but what `fakeExcelInitScript` hands it.
 */
import { columnLetter } from '../../../shared/model/layout';

export interface FakeSheet {
  name: string;
  cells: Record<string, unknown>;
  fills: Record<string, string>;
  protected: boolean;
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  names: { name: string; sheet: string; address: string }[];
  notes: { address: string; content: string }[];
  charts: { sheet: string; title: string; source: string }[];
  customXml: { xml: string }[];
  selected: string[];
  selection?: { sheet: string; region: string };
  /** What insertWorksheetsFromBase64 inserts (the page cannot read an xlsx): sheets with their cells. */
  insertable: { name: string; cells: Record<string, unknown> }[];
  syncs: number;
  /** The largest round trip so far, in bytes of values. */
  largestPayload: number;
}

/** The page's init script: the stand-in, given shared/'s own column letters. */
export function fakeExcelInitScript(): { content: string } {
  return { content: `(${installFakeExcel.toString()})(${columnLetter.toString()});` };
}

function installFakeExcel(letters: (column: number) => string): void {
  const state: FakeWorkbookState = {
    sheets: [],
    names: [],
    notes: [],
    charts: [],
    customXml: [],
    selected: [],
    insertable: [],
    syncs: 0,
    largestPayload: 0,
  };
  const LIMIT = 5_000_000;
  let loads: (() => unknown[][])[] = [];
  let written = 0;
  const cellAt = (a1: string): { row: number; column: number } => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1.replace(/\$/g, '')) ?? ['', 'A', '1'];
    let column = 0;
    for (const ch of m[1] ?? 'A') column = column * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), column };
  };
  const box = (address: string) => {
    const [from = 'A1', to = from] = address.replace(/\$/g, '').split(':');
    return { a: cellAt(from), b: cellAt(to) };
  };
  const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;
  const sheetOf = (key: string): FakeSheet => {
    const sheet = state.sheets.find((s) => s.name === key);
    if (!sheet) throw Object.assign(new Error(`ItemNotFound ${key}`), { code: 'ItemNotFound' });
    return sheet;
  };

  const range = (sheet: FakeSheet, address: string) => {
    const { a, b } = box(address);
    const grid = (): unknown[][] => {
      const rows: unknown[][] = [];
      for (let r = a.row; r <= b.row; r++) {
        const row: unknown[] = [];
        for (let c = a.column; c <= b.column; c++) row.push(sheet.cells[`${letters(c)}${r}`] ?? '');
        rows.push(row);
      }
      return rows;
    };
    const write = (rows: unknown[][]): void => {
      written += JSON.stringify(rows).length;
      rows.forEach((row, i) => row.forEach((v, j) => (sheet.cells[`${letters(a.column + j)}${a.row + i}`] = v)));
    };
    return {
      load: (what?: string) => {
        if (/\bvalues\b/.test(String(what ?? ''))) loads.push(grid);
      },
      get address() {
        return `${quote(sheet.name)}!${address}`;
      },
      get rowCount() {
        return b.row - a.row + 1;
      },
      get columnCount() {
        return b.column - a.column + 1;
      },
      getCell: (row: number, column: number) => range(sheet, `${letters(a.column + column)}${a.row + row}`),
      getResizedRange: (rows: number, columns: number) =>
        range(sheet, `${letters(a.column)}${a.row}:${letters(b.column + columns)}${b.row + rows}`),
      getIntersection: (other: { address: string }) => {
        const o = box(other.address.split('!')[1] ?? '');
        return range(
          sheet,
          `${letters(Math.max(a.column, o.a.column))}${Math.max(a.row, o.a.row)}:` +
            `${letters(Math.min(b.column, o.b.column))}${Math.min(b.row, o.b.row)}`,
        );
      },
      get values() {
        return grid();
      },
      set values(rows: unknown[][]) {
        write(rows);
      },
      get formulas() {
        return grid();
      },
      set formulas(rows: unknown[][]) {
        write(rows);
      },
      format: {
        fill: {
          set color(value: string) {
            for (let r = a.row; r <= b.row; r++)
              for (let c = a.column; c <= b.column; c++) sheet.fills[`${letters(c)}${r}`] = value;
          },
        },
        autofitColumns: () => undefined,
      },
      select: () => state.selected.push(`${sheet.name}!${address}`),
      getSurroundingRegion: () => range(sheet, address),
      getTables: () => ({ items: [], load: () => undefined }),
    };
  };

  const worksheet = (sheet: FakeSheet) => ({
    name: sheet.name,
    id: sheet.name,
    load: () => undefined,
    protection: {
      load: () => undefined,
      get protected() {
        return sheet.protected;
      },
      unprotect: () => (sheet.protected = false),
      protect: () => (sheet.protected = true),
    },
    getRange: (address: string) => range(sheet, address),
    getUsedRangeOrNullObject: () => {
      const keys = Object.keys(sheet.cells).map(cellAt);
      if (keys.length === 0) return { isNullObject: true, load: () => undefined, address: '', values: [] };
      const rows = keys.map((k) => k.row);
      const columns = keys.map((k) => k.column);
      const address =
        `${letters(Math.min(...columns))}${Math.min(...rows)}:` +
        `${letters(Math.max(...columns))}${Math.max(...rows)}`;
      return { isNullObject: false, ...range(sheet, address) };
    },
    activate: () => undefined,
    delete: () => {
      state.sheets = state.sheets.filter((s) => s !== sheet);
    },
    charts: {
      add: (_type: string, source: { address: string }) => {
        const chart = { sheet: sheet.name, title: '', source: source.address };
        state.charts.push(chart);
        return {
          title: {
            set text(value: string) {
              chart.title = value;
            },
          },
          legend: { position: '' },
          setPosition: () => undefined,
        };
      },
    },
  });

  const workbook = {
    names: {
      load: () => undefined,
      get items() {
        return state.names.map((n) => ({
          name: n.name,
          formula: `=${quote(n.sheet)}!$${n.address.replace(/(\d+)/, '$$$1')}`,
          delete: () => (state.names = state.names.filter((x) => x !== n)),
        }));
      },
      add: (name: string, target: { address: string }) => {
        const [sheet = '', address = ''] = target.address.split('!');
        state.names.push({ name, sheet: sheet.replace(/^'|'$/g, '').replace(/''/g, "'"), address });
      },
    },
    worksheets: {
      load: () => undefined,
      get items() {
        return state.sheets.map(worksheet);
      },
      getItem: (key: string) => worksheet(sheetOf(key)),
      add: (name: string) => {
        const sheet: FakeSheet = { name, cells: {}, fills: {}, protected: false };
        state.sheets.push(sheet);
        return worksheet(sheet);
      },
    },
    notes: {
      load: () => undefined,
      get items() {
        return state.notes.map((n) => ({
          content: n.content,
          delete: () => (state.notes = state.notes.filter((x) => x !== n)),
        }));
      },
      add: (address: string, content: string) => state.notes.push({ address, content }),
    },
    customXmlParts: {
      getByNamespace: () => ({
        load: () => undefined,
        get items() {
          return state.customXml.map((p) => ({
            delete: () => (state.customXml = state.customXml.filter((x) => x !== p)),
          }));
        },
        getOnlyItemOrNullObject: () => ({
          load: () => undefined,
          isNullObject: state.customXml.length === 0,
          getXml: () => ({ value: state.customXml[0]?.xml ?? '' }),
        }),
      }),
      add: (xml: string) => state.customXml.push({ xml }),
    },
    getSelectedRange: () => {
      const selection = state.selection;
      if (!selection) throw new Error('no selection');
      return range(sheetOf(selection.sheet), selection.region);
    },
    insertWorksheetsFromBase64: (_base64: string, options?: { sheetNamesToInsert?: string[] }) => {
      const inserted = state.insertable.filter(
        (s) => !options?.sheetNamesToInsert || options.sheetNamesToInsert.includes(s.name),
      );
      for (const s of inserted) state.sheets.push({ name: s.name, cells: { ...s.cells }, fills: {}, protected: true });
      return { value: inserted.map((s) => s.name) };
    },
  };

  const context = {
    workbook,
    sync: async () => {
      state.syncs += 1;
      const response = loads.reduce((n, grid) => n + JSON.stringify(grid()).length, 0);
      const request = written;
      loads = [];
      written = 0;
      state.largestPayload = Math.max(state.largestPayload, response, request);
      if (response > LIMIT || request > LIMIT)
        throw Object.assign(new Error('RequestPayloadSizeLimitExceeded'), {
          name: 'RichApi.Error',
          code: 'RequestPayloadSizeLimitExceeded',
        });
    },
  };
  const w = window as unknown as Record<string, unknown>;
  w.__fakeExcel = state;
  w.Excel = {
    run: async <T>(batch: (ctx: typeof context) => Promise<T>) => batch(context),
    ChartType: { columnClustered: 'ColumnClustered' },
    ChartSeriesBy: { columns: 'Columns' },
    ChartLegendPosition: { bottom: 'Bottom' },
  };
  w.Office = {
    HostType: { Excel: 'Excel' },
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    context: { requirements: { isSetSupported: () => true } },
  };
}
