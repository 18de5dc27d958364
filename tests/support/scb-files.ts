import ExcelJS from 'exceljs';

/**
 * Writes a table the way SCB's Statistikdatabasen (PxWeb) serves it — CSV in its layouts,
 * json-stat2 from API v1 and v2, and xlsx — from one cube of figures, so every layout of a
 * fixture holds the same numbers. Modelled on PxWeb's own serializers (PxTools/PCAxis.Serializers:
 * CsvSerializer, JsonStat2Serializer, Excel/XlsxSerializer); see tests/fixtures/scb/README.md.
 */

export interface CubeValue {
  code: string;
  text: string;
}

export interface CubeDimension {
  /** The API code: Region, Kon, Aldersgrupp, ContentsCode, Tid. */
  id: string;
  /** The Swedish text: region, kön, åldersgrupp, tabellinnehåll, månad. */
  label: string;
  values: CubeValue[];
}

export interface CubeFigure {
  value: number | null;
  marker?: string;
}

export interface Cube {
  title: string;
  tableId: string;
  dimensions: CubeDimension[];
  /** The figure at one value position per dimension (in `dimensions` order). */
  figure(positions: readonly number[]): CubeFigure;
}

/** How a value or variable is named: PxWeb's UseTexts, UseCodes, UseCodesAndTexts. */
export type Naming = 'text' | 'code' | 'code-text';

const nameOf = (v: { code: string; text: string }, naming: Naming) =>
  naming === 'text' ? v.text : naming === 'code' ? v.code : `${v.code} - ${v.text}`;

export interface PivotLayout {
  stub: string[];
  heading: string[];
  naming?: Naming;
}

/** Every combination of the given dimensions' positions, the last varying fastest. */
function combinations(sizes: readonly number[]): number[][] {
  const out: number[][] = [];
  const walk = (prefix: number[]) => {
    if (prefix.length === sizes.length) return void out.push(prefix);
    for (let i = 0; i < sizes[prefix.length]!; i++) walk([...prefix, i]);
  };
  walk([]);
  return out;
}

interface Cell {
  stub: number[];
  heading: number[];
}

function pivotOf(cube: Cube, layout: PivotLayout) {
  const dim = (id: string) => {
    const index = cube.dimensions.findIndex((d) => d.id === id);
    if (index < 0) throw new Error(`no dimension ${id}`);
    return index;
  };
  const stub = layout.stub.map(dim);
  const heading = layout.heading.map(dim);
  const rows = combinations(stub.map((d) => cube.dimensions[d]!.values.length));
  const columns = combinations(heading.map((d) => cube.dimensions[d]!.values.length));
  const at = ({ stub: s, heading: h }: Cell) => {
    const positions = cube.dimensions.map(() => 0);
    stub.forEach((d, i) => (positions[d] = s[i]!));
    heading.forEach((d, i) => (positions[d] = h[i]!));
    return cube.figure(positions);
  };
  return { stub, heading, rows, columns, at };
}

export interface CsvOptions extends PivotLayout {
  delimiter?: ',' | ';' | '\t' | ' ';
  title?: boolean;
  /** Excel's "Spara som CSV" in Swedish: no quotes, decimal comma. */
  excelResave?: boolean;
  /** Line end (PxWeb writes CRLF). */
  eol?: string;
}

/**
 * PxWeb's CSV: optional quoted title line; header of stub variable names and joined heading texts;
 * quoted stub texts; bare figures.
 */
export function toPxCsv(cube: Cube, options: CsvOptions): string {
  const { delimiter = ',', naming = 'text', eol = '\r\n' } = options;
  const quote = (s: string) => (options.excelResave ? s : `"${s}"`);
  const p = pivotOf(cube, options);
  const lines: string[] = [];
  if (options.title) lines.push(quote(cube.title), '');
  const headingText = (h: number[]) =>
    h.map((v, i) => nameOf(cube.dimensions[p.heading[i]!]!.values[v]!, naming)).join(' ');
  lines.push(
    [
      ...p.stub.map((d) => quote(nameOf({ code: cube.dimensions[d]!.id, text: cube.dimensions[d]!.label }, naming))),
      ...(p.heading.length > 0 ? p.columns.map((h) => quote(headingText(h))) : [quote('Helårsekvivalenter')]),
    ].join(delimiter),
  );
  for (const s of p.rows) {
    const stubTexts = s.map((v, i) => quote(nameOf(cube.dimensions[p.stub[i]!]!.values[v]!, naming)));
    const figures = p.columns.map((h) => {
      const f = p.at({ stub: s, heading: h });
      if (f.value === null) return f.marker ?? '..';
      return options.excelResave ? String(f.value).replace('.', ',') : String(f.value);
    });
    lines.push([...stubTexts, ...figures].join(delimiter));
  }
  return lines.join(eol) + eol;
}

export interface JsonStatOptions {
  /** API v2 adds role, extension.px and status; v1 output names regions "2480 Umeå". */
  api: 'v1' | 'v2';
}

/** json-stat2 as PxWeb's serializer writes it: row-major values, null with the marker in `status`. */
export function toJsonStat2(cube: Cube, options: JsonStatOptions): object {
  const sizes = cube.dimensions.map((d) => d.values.length);
  const value: (number | null)[] = [];
  const status: Record<string, string> = {};
  combinations(sizes).forEach((positions, flat) => {
    const f = cube.figure(positions);
    value.push(f.value);
    if (f.value === null) status[String(flat)] = f.marker ?? '..';
  });
  const dimension = Object.fromEntries(
    cube.dimensions.map((d) => [
      d.id,
      {
        label: d.label,
        category: {
          index: Object.fromEntries(d.values.map((v, i) => [v.code, i])),
          label: Object.fromEntries(d.values.map((v) => [v.code, v.text])),
          ...(d.id === 'ContentsCode'
            ? {
                unit: Object.fromEntries(
                  d.values.map((v) => [
                    v.code,
                    { base: /andel/i.test(v.text) ? 'procent' : 'antal', decimals: /andel/i.test(v.text) ? 1 : 0 },
                  ]),
                ),
              }
            : {}),
        },
        ...(options.api === 'v2' ? { extension: { elimination: d.id === 'Kon', show: 'value' } } : {}),
      },
    ]),
  );
  return {
    version: '2.0',
    class: 'dataset',
    label: cube.title,
    source: 'SCB',
    updated: '2024-03-28T07:00:00Z',
    ...(options.api === 'v2'
      ? {
          note: ['Fiktiva siffror i SCB:s format (Samlads testfil).'],
          role: { time: ['Tid'], metric: ['ContentsCode'], geo: ['Region'] },
          extension: {
            px: {
              tableid: cube.tableId,
              decimals: 1,
              language: 'sv',
              contents: 'Helårsekvivalenter',
              stub: cube.dimensions.slice(0, -1).map((d) => d.id),
              heading: ['Tid'],
              matrix: 'HE0000T02N2',
              'official-statistics': false,
            },
          },
        }
      : {}),
    id: cube.dimensions.map((d) => d.id),
    size: sizes,
    dimension,
    value,
    ...(options.api === 'v2' && Object.keys(status).length > 0 ? { status } : {}),
  };
}

export interface XlsxOptions extends PivotLayout {
  /** "Excel (xlsx) med kod och text": a code column before each stub variable's text column. */
  codeColumns?: boolean;
  sheetName?: string;
  notes?: string[];
}

/**
 * PxWeb's xlsx: the title in A1, each heading variable's texts on its own row from row 3 (at the
 * first column of each span), stub texts only where they change, figures as numbers and markers
 * as text, notes merged across the table below it.
 */
export async function toPxXlsx(cube: Cube, options: XlsxOptions): Promise<Buffer> {
  const p = pivotOf(cube, options);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PxWeb';
  workbook.created = new Date('2024-03-28T07:00:00Z');
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(options.sheetName ?? cube.tableId);
  sheet.getCell(1, 1).value = cube.title;
  sheet.getCell(1, 1).font = { size: 14, bold: true };
  const stubWidth = p.stub.length * (options.codeColumns ? 2 : 1);
  p.heading.forEach((d, level) => {
    const span = p.heading.slice(level + 1).reduce((n, e) => n * cube.dimensions[e]!.values.length, 1);
    p.columns.forEach((h, c) => {
      if (c % span !== 0) return;
      const cell = sheet.getCell(3 + level, stubWidth + 1 + c);
      cell.value = cube.dimensions[d]!.values[h[level]!]!.text;
      cell.font = { bold: true };
    });
  });
  const top = 3 + p.heading.length;
  p.rows.forEach((s, r) => {
    s.forEach((v, k) => {
      const inner = p.stub.slice(k + 1).reduce((n, e) => n * cube.dimensions[e]!.values.length, 1);
      if (r % inner !== 0) return;
      const value = cube.dimensions[p.stub[k]!]!.values[v]!;
      const column = options.codeColumns ? 2 * k + 1 : k + 1;
      if (options.codeColumns) sheet.getCell(top + r, column).value = value.code;
      sheet.getCell(top + r, column + (options.codeColumns ? 1 : 0)).value = value.text;
    });
    p.columns.forEach((h, c) => {
      const f = p.at({ stub: s, heading: h });
      const cell = sheet.getCell(top + r, stubWidth + 1 + c);
      cell.value = f.value === null ? (f.marker ?? '..') : f.value;
      if (f.value === null) cell.alignment = { horizontal: 'right' };
    });
  });
  let row = top + p.rows.length + 1;
  for (const note of options.notes ?? []) {
    sheet.mergeCells(row, 1, row, stubWidth + p.columns.length);
    sheet.getCell(row, 1).value = note;
    row += 2;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
