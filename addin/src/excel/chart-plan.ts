import { CHART_INDEX_COLUMNS, CHART_INDEX_MARK, isFigureName } from '../../../shared/consolidation/figure-names';
import { a1, columnLetter, parseA1, splitSheetAddress } from './addresses';
import type { LoadedName } from './input-names';

/**
 * Where the figures for the native charts are in an inserted consolidated workbook, and how the
 * "Diagram" sheet that holds the charts is laid out. Pure: the gateway reads the sheets and the
 * workbook's names, this decides, the gateway writes.
 *
 * Figures are found by name only: the report carries a chart index (a very hidden sheet, see
 * CHART_INDEX_MARK) listing every charted figure by its defined name; the name's address comes
 * from the workbook's names, or, where the host did not bring them along when it inserted the
 * sheets, from the index's own sheet position and cell. No label is ever read to find a figure.
 * The Diagram sheet links to those cells with formulas, so the charts show the report's own
 * numbers and nothing is copied by hand.
 */
export interface SheetGrid {
  sheet: string;
  /** 1-based position of values[0][0] on the sheet. */
  top: number;
  left: number;
  values: unknown[][];
}

export interface CellRef {
  sheet: string;
  row: number;
  column: number;
}

export interface ChartTable {
  title: string;
  /** Header of the label column. */
  corner: string;
  rowLabels: string[];
  columnLabels: string[];
  /** rows × columns; undefined where the workbook has no figure. */
  cells: (CellRef | undefined)[][];
}

export interface DiagramPlan {
  /** Blocks to write, each a formulas grid at a top-left address. */
  blocks: { address: string; formulas: (string | number)[][] }[];
  charts: { title: string; source: string; top: string; bottom: string }[];
}

const column = Object.fromEntries(CHART_INDEX_COLUMNS.map((name, i) => [name, i])) as Record<
  (typeof CHART_INDEX_COLUMNS)[number],
  number
>;

/** Where each defined name points, from the workbook's names as loaded (`items/name,items/formula`). */
function namedCells(names: readonly LoadedName[]): Map<string, CellRef> {
  const out = new Map<string, CellRef>();
  for (const item of names) {
    if (!isFigureName(item.name)) continue;
    const where = splitSheetAddress(String(item.formula));
    const at = where ? parseA1(where.address) : undefined;
    if (where && at) out.set(item.name, { sheet: where.sheet, ...at });
  }
  return out;
}

/**
 * The charts a report's index describes, each as a table of categories (rows) × series
 * (columns) of cell references. `sheets` are the inserted sheets' names in the report's order,
 * which the index's sheet positions refer to.
 */
export function locateChartTables(
  grids: readonly SheetGrid[],
  names: readonly LoadedName[],
  sheets: readonly string[],
): ChartTable[] {
  const index = grids.find((g) => g.values[0]?.[0] === CHART_INDEX_MARK);
  if (!index) return [];
  const byName = namedCells(names);
  interface Found {
    title: string;
    rows: string[];
    columns: string[];
    cells: Map<string, CellRef>;
  }
  const charts = new Map<string, Found>();
  for (const row of index.values.slice(2)) {
    const get = (key: keyof typeof column) => String(row[column[key]] ?? '');
    const id = get('diagram');
    const name = get('namn');
    if (!id || !isFigureName(name)) continue;
    const chart: Found = charts.get(id) ?? { title: get('rubrik'), rows: [], columns: [], cells: new Map() };
    charts.set(id, chart);
    const category = get('kategorinamn');
    const series = get('serienamn');
    if (!chart.rows.includes(category)) chart.rows.push(category);
    if (!chart.columns.includes(series)) chart.columns.push(series);
    const sheet = sheets[Number(get('blad')) - 1];
    const cell = parseA1(get('cell'));
    const ref = byName.get(name) ?? (sheet && cell ? { sheet, ...cell } : undefined);
    if (ref) chart.cells.set(`${category}\u0000${series}`, ref);
  }
  return [...charts.values()].map((chart) => ({
    title: chart.title,
    corner: '',
    rowLabels: chart.rows,
    columnLabels: chart.columns,
    cells: chart.rows.map((r) => chart.columns.map((c) => chart.cells.get(`${r}\u0000${c}`))),
  }));
}

function formulaFor(cell: CellRef | undefined): string | number {
  if (!cell) return '';
  return `='${cell.sheet.replace(/'/g, "''")}'!${a1(cell.row, cell.column)}`;
}

/**
 * Lays the tables out on the Diagram sheet, one under the other from A1, each followed by room
 * for its chart: the data stays visible next to the chart, so a reader can check it.
 */
export function planDiagramSheet(tables: readonly ChartTable[]): DiagramPlan {
  const plan: DiagramPlan = { blocks: [], charts: [] };
  let row = 1;
  const chartRows = 18;
  for (const table of tables) {
    const formulas: (string | number)[][] = [[table.corner, ...table.columnLabels]];
    table.rowLabels.forEach((label, i) => formulas.push([label, ...(table.cells[i] ?? []).map(formulaFor)]));
    const width = table.columnLabels.length + 1;
    const bottom = row + formulas.length - 1;
    plan.blocks.push({ address: `A${row}:${columnLetter(width)}${bottom}`, formulas });
    const chartLeft = columnLetter(width + 2);
    plan.charts.push({
      title: table.title,
      source: `A${row}:${columnLetter(width)}${bottom}`,
      top: `${chartLeft}${row}`,
      bottom: `${columnLetter(width + 10)}${row + chartRows}`,
    });
    row = Math.max(bottom, row + chartRows) + 3;
  }
  return plan;
}
