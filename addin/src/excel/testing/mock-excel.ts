/**
 * A fake workbook for the gateway's unit tests, built on office-addin-mock's OfficeMockObject:
 * properties read before `load` + `context.sync()` come back as the mock's error strings, so a
 * test fails if the gateway reads what it did not load. Collections (names, notes, sheets…) get
 * a load that loads their `items`, which the mock cannot do for `items/name` paths by itself.
 *
 * `context.sync` is wrapped to count round trips; every range, note, name and chart the gateway
 * touches is recorded so tests can assert what was written.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { a1, parseA1 } from '../addresses';

export interface MockSheet {
  name: string;
  id?: string;
  /** A1 → value; absent cells read as ''. */
  cells?: Record<string, unknown>;
  protected?: boolean;
}

export interface MockState {
  sheets: MockSheet[];
  names?: { name: string; formula: string }[];
  notes?: { content: string }[];
  /** The selection: its surrounding region (address on the sheet) and an Excel table there, if any. */
  selection?: { sheet: string; region: string; table?: { name: string; address: string } };
  customXml?: { namespace: string; xml: string }[];
  /** Sheets that insertWorksheetsFromBase64 adds (with their cells), and whether names come along. */
  insertable?: { sheets: MockSheet[]; names?: { name: string; formula: string }[] };
}

export interface RangeRecord {
  sheet: string;
  address: string;
  mock: OfficeMockObject;
  initialValues: unknown[][];
}

/**
 * Excel on the web refuses a request or a response over 5 MB (Microsoft's resource limits for
 * Office Add-ins). The mock measures each round trip as the JSON of the values it carries —
 * loaded values out, written values and formulas in — and refuses one over the limit the way
 * Excel does, so a test fails where real Excel would.
 */
export const EXCEL_PAYLOAD_LIMIT = 5_000_000;

function payloadError(bytes: number): Error {
  return Object.assign(new Error(`RequestPayloadSizeLimitExceeded: ${bytes} bytes`), {
    name: 'RichApi.Error',
    code: 'RequestPayloadSizeLimitExceeded',
  });
}

type Item = Record<string, unknown>;

/** office.js answers `isNullObject` after a sync without a load; a plain property does the same here. */
function nullable(mock: OfficeMockObject, isNull: boolean): OfficeMockObject {
  mock.isNullObject = isNull;
  return mock;
}

function rangeCells(address: string): { top: number; left: number; bottom: number; right: number } {
  const [from = '', to = from] = address.replace(/\$/g, '').split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) throw new Error(`mock: bad address ${address}`);
  return { top: a.row, left: a.column, bottom: b.row, right: b.column };
}

export class MockExcel {
  syncs = 0;
  /** The largest round trip so far, in bytes of values carried (see EXCEL_PAYLOAD_LIMIT). */
  largestPayload = 0;
  private pendingLoads: { record: RangeRecord; what: string }[] = [];
  private readonly sentWrites = new WeakSet<object>();
  readonly ranges: RangeRecord[] = [];
  readonly notesAdded: { address: string; content: string }[] = [];
  readonly notesDeleted: string[] = [];
  readonly namesAdded: { name: string; sheet: string; address: string }[] = [];
  readonly namesDeleted: string[] = [];
  readonly sheetsDeleted: string[] = [];
  readonly sheetsAdded: string[] = [];
  readonly inserted: { options: unknown }[] = [];
  readonly protections: { sheet: string; action: 'unprotect' | 'protect' }[] = [];
  readonly charts: {
    sheet: string;
    type: unknown;
    source: string;
    title: OfficeMockObject;
    position?: [string, string];
  }[] = [];
  readonly activated: string[] = [];
  readonly selected: string[] = [];
  readonly xmlAdded: string[] = [];
  readonly xmlDeleted: string[] = [];
  readonly loads: string[] = [];
  private readonly created: OfficeMockObject[] = [];
  private readonly sheets: MockSheet[];
  private names: { name: string; formula: string }[];

  constructor(private readonly state: MockState) {
    this.sheets = [...state.sheets];
    this.names = [...(state.names ?? [])];
  }

  /** Installs `Excel` on the global object (what the gateway calls) and returns this. */
  install(): this {
    Object.assign(globalThis, {
      Excel: {
        run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => batch(this.context()),
        ChartType: { columnClustered: 'ColumnClustered' },
        ChartSeriesBy: { columns: 'Columns' },
        ChartLegendPosition: { bottom: 'Bottom' },
      },
    });
    return this;
  }

  private track(mock: OfficeMockObject): OfficeMockObject {
    this.created.push(mock);
    return mock;
  }

  /**
   * A collection's data, whose load() loads its items (office-addin-mock cannot follow `items/…`).
   * Plain data: mocks cannot nest mocks.
   */
  private collectionData(kind: string, items: Item[], extra: Record<string, unknown> = {}): Record<string, unknown> {
    const loads = this.loads;
    return {
      items,
      ...extra,
      load(this: OfficeMockObject, what?: string) {
        loads.push(`${kind}:${what ?? ''}`);
        return OfficeMockObject.prototype.load.call(this, 'items');
      },
    };
  }

  private collection(kind: string, items: Item[], extra: Record<string, unknown> = {}): OfficeMockObject {
    return this.track(new OfficeMockObject(this.collectionData(kind, items, extra)));
  }

  private sheet(name: string): MockSheet {
    const sheet = this.sheets.find((s) => s.name === name || s.id === name);
    if (!sheet) throw Object.assign(new Error(`ItemNotFound: ${name}`), { code: 'ItemNotFound' });
    return sheet;
  }

  valuesOf(sheet: MockSheet, address: string): unknown[][] {
    // Whole columns (A:A) are only formatted here, never read.
    if (/^[A-Z]+:[A-Z]+$/.test(address)) return [];
    const box = rangeCells(address);
    const rows: unknown[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: unknown[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(sheet.cells?.[a1(r, c)] ?? '');
      rows.push(row);
    }
    return rows;
  }

  private range(sheetName: string, address: string): OfficeMockObject {
    const sheet = this.sheet(sheetName);
    const initialValues = this.valuesOf(sheet, address);
    const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
    const whole = /^[A-Z]+:[A-Z]+$/.test(address);
    const box = whole ? undefined : rangeCells(address);
    const at = (top: number, left: number, bottom: number, right: number) =>
      this.range(sheet.name, `${a1(top, left)}:${a1(bottom, right)}`);
    const mock = this.track(
      new OfficeMockObject({
        address: `${quoted}!${address}`,
        values: initialValues,
        formulas: initialValues,
        rowCount: box ? box.bottom - box.top + 1 : 0,
        columnCount: box ? box.right - box.left + 1 : 0,
        format: { fill: { color: '' }, autofitColumns: () => undefined },
        select: () => {
          this.selected.push(`${sheet.name}!${address}`);
        },
        getCell: (row: number, column: number) =>
          at(box!.top + row, box!.left + column, box!.top + row, box!.left + column),
        getResizedRange: (rows: number, columns: number) =>
          at(box!.top, box!.left, box!.bottom + rows, box!.right + columns),
        getIntersection: (other: OfficeMockObject) => {
          const b = rangeCells(this.addressOf(other).split('!')[1] ?? '');
          return at(
            Math.max(box!.top, b.top),
            Math.max(box!.left, b.left),
            Math.min(box!.bottom, b.bottom),
            Math.min(box!.right, b.right),
          );
        },
      }),
    );
    const record: RangeRecord = { sheet: sheet.name, address, mock, initialValues };
    const load = mock.load.bind(mock);
    mock.load = (what: Parameters<OfficeMockObject['load']>[0]) => {
      this.pendingLoads.push({ record, what: typeof what === 'string' ? what : JSON.stringify(what) });
      return load(what);
    };
    this.ranges.push(record);
    return mock;
  }

  /** The bytes a round trip carries: loaded values out, newly written values and formulas in. */
  private measurePayload(): void {
    const response = this.pendingLoads
      .filter((p) => /\bvalues\b/.test(p.what))
      .reduce((n, p) => n + JSON.stringify(p.record.initialValues).length, 0);
    this.pendingLoads = [];
    let request = 0;
    for (const r of this.ranges) {
      for (const written of [r.mock.values, r.mock.formulas]) {
        if (!Array.isArray(written) || written === r.initialValues || this.sentWrites.has(written)) continue;
        this.sentWrites.add(written);
        request += JSON.stringify(written).length;
      }
    }
    this.largestPayload = Math.max(this.largestPayload, response, request);
    if (response > EXCEL_PAYLOAD_LIMIT || request > EXCEL_PAYLOAD_LIMIT)
      throw payloadError(Math.max(response, request));
  }

  private worksheet(name: string): OfficeMockObject {
    const sheet = this.sheet(name);
    const self = this;
    const charts = {
      add: (type: unknown, source: OfficeMockObject) => {
        const record: {
          sheet: string;
          type: unknown;
          source: string;
          title: OfficeMockObject;
          position?: [string, string];
        } = { sheet: sheet.name, type, source: this.addressOf(source), title: new OfficeMockObject() };
        const chart = this.track(
          new OfficeMockObject({
            title: { text: '' },
            legend: { position: '' },
            setPosition: (top: string, bottom: string) => {
              record.position = [top, bottom];
            },
          }),
        );
        record.title = chart.title as OfficeMockObject;
        this.charts.push(record);
        return chart;
      },
    };
    return this.track(
      new OfficeMockObject({
        name: sheet.name,
        protection: {
          protected: sheet.protected ?? false,
          unprotect: () => self.protections.push({ sheet: sheet.name, action: 'unprotect' }),
          protect: () => self.protections.push({ sheet: sheet.name, action: 'protect' }),
        },
        charts,
        getRange: (address: string) => this.range(sheet.name, address),
        getUsedRangeOrNullObject: () => {
          const keys = Object.keys(sheet.cells ?? {});
          if (keys.length === 0) return nullable(this.track(new OfficeMockObject({ address: '', values: [] })), true);
          const used = keys.map((k) => parseA1(k)).filter((p): p is { row: number; column: number } => p !== undefined);
          const rows = used.map((p) => p.row);
          const columns = used.map((p) => p.column);
          const first = a1(Math.min(...rows), Math.min(...columns));
          const address = `${first}:${a1(Math.max(...rows), Math.max(...columns))}`;
          return nullable(
            this.track(
              new OfficeMockObject({
                address: `'${sheet.name.replace(/'/g, "''")}'!${address}`,
                values: this.valuesOf(sheet, address),
              }),
            ),
            false,
          );
        },
        activate: () => {
          this.activated.push(sheet.name);
        },
        delete: () => {
          this.sheetsDeleted.push(sheet.name);
        },
      }),
    );
  }

  context(): OfficeMockObject {
    const noteItems = (this.state.notes ?? []).map((n) => ({
      content: n.content,
      delete: () => this.notesDeleted.push(n.content),
    }));
    const nameItems = this.names.map((n) => ({
      name: n.name,
      formula: n.formula,
      delete: () => this.namesDeleted.push(n.name),
    }));
    const sheetItems = this.sheets.map((s) => ({
      name: s.name,
      id: s.id ?? s.name,
      delete: () => this.sheetsDeleted.push(s.name),
    }));
    const selection = this.state.selection;
    const context = new OfficeMockObject({
      workbook: {
        names: this.collectionData('names', nameItems, {
          add: (name: string, range: OfficeMockObject) => {
            const record = this.ranges.find((r) => r.mock === range);
            this.namesAdded.push({ name, sheet: record?.sheet ?? '?', address: record?.address ?? '?' });
          },
        }),
        worksheets: this.collectionData('worksheets', sheetItems, {
          getItem: (name: string) => this.worksheet(name),
          add: (name: string) => {
            this.sheets.push({ name, cells: {} });
            this.sheetsAdded.push(name);
            return this.worksheet(name);
          },
        }),
        notes: this.collectionData('notes', noteItems, {
          add: (address: string, content: string) => this.notesAdded.push({ address, content }),
        }),
        comments: this.collectionData('comments', noteItems, {
          add: (address: string, content: string) => this.notesAdded.push({ address, content }),
        }),
        customXmlParts: {
          getByNamespace: (namespace: string) => {
            const parts = (this.state.customXml ?? []).filter((p) => p.namespace === namespace);
            const items = parts.map((p) => ({ id: p.namespace, delete: () => this.xmlDeleted.push(p.xml) }));
            return this.collection('customXml', items, {
              getOnlyItemOrNullObject: () =>
                nullable(
                  this.track(
                    new OfficeMockObject({
                      id: parts[0]?.namespace ?? '',
                      getXml: () => ({ value: parts[0]?.xml ?? '' }),
                    }),
                  ),
                  parts.length === 0,
                ),
            });
          },
          add: (xml: string) => this.xmlAdded.push(xml),
        },
        getSelectedRange: () => {
          if (!selection) throw new Error('mock: no selection');
          return this.track(
            new OfficeMockObject({
              getSurroundingRegion: () => this.range(selection.sheet, selection.region),
              getTables: () => {
                const table = selection.table;
                const items = table
                  ? [{ name: table.name, getRange: () => this.range(selection.sheet, table.address) }]
                  : [];
                return this.collection('tables', items);
              },
            }),
          );
        },
        insertWorksheetsFromBase64: (_base64: string, options: unknown) => {
          this.inserted.push({ options });
          const insertable = this.state.insertable ?? { sheets: [] };
          const wanted = (options as { sheetNamesToInsert?: string[] } | undefined)?.sheetNamesToInsert;
          const sheets = insertable.sheets.filter((s) => !wanted || wanted.includes(s.name));
          this.sheets.push(...sheets);
          this.names.push(...(insertable.names ?? []));
          // The names collection object the gateway already holds sees the new names on its next load.
          nameItems.push(
            ...(insertable.names ?? []).map((n) => ({
              name: n.name,
              formula: n.formula,
              delete: () => this.namesDeleted.push(n.name),
            })),
          );
          return { value: sheets.map((s) => s.id ?? s.name) };
        },
      },
    });
    const sync = context.sync.bind(context);
    context.sync = async () => {
      this.syncs += 1;
      this.measurePayload();
      await sync();
      for (const mock of this.created) await mock.sync();
    };
    return context;
  }

  /** Where a range the gateway got from getRange points, read from the record (its `address` was never loaded). */
  addressOf(range: OfficeMockObject): string {
    const record = this.ranges.find((r) => r.mock === range);
    return record ? `'${record.sheet.replace(/'/g, "''")}'!${record.address}` : '?';
  }

  /** Ranges whose values the gateway replaced, as "Sheet!A1" → values. */
  writtenValues(): Map<string, unknown[][]> {
    const out = new Map<string, unknown[][]>();
    for (const r of this.ranges)
      if (Array.isArray(r.mock.values) && r.mock.values !== r.initialValues)
        out.set(`${r.sheet}!${r.address}`, r.mock.values as unknown[][]);
    return out;
  }

  writtenFormulas(): Map<string, unknown[][]> {
    const out = new Map<string, unknown[][]>();
    for (const r of this.ranges)
      if (Array.isArray(r.mock.formulas) && r.mock.formulas !== r.initialValues)
        out.set(`${r.sheet}!${r.address}`, r.mock.formulas as unknown[][]);
    return out;
  }

  /** Fill colours set, as "Sheet!A1" → colour (the last one set wins, as in Excel). */
  fills(): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of this.ranges) {
      const format = r.mock.format as { fill: { color: unknown } };
      if (typeof format.fill.color === 'string' && format.fill.color !== '' && !format.fill.color.startsWith('Error'))
        out.set(`${r.sheet}!${r.address}`, format.fill.color);
    }
    return out;
  }
}
