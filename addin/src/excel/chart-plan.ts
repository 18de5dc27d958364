import { a1, columnLetter } from './addresses';

/**
 * Where the figures for the native charts are in an inserted consolidated workbook, and how
 * the "Diagram" sheet that holds the charts is laid out. Pure: the gateway reads the sheets,
 * this decides, the gateway writes.
 *
 * The consolidated workbook is built by the functions (issue 5), so the pane finds figures by
 * their labels, not by fixed addresses: an area × platform table under a "Målområde" header on
 * the Impactindex sheet, and outcome rates either in a table with platform columns or on a
 * sheet per platform. The Diagram sheet links to those cells with formulas, so the charts show
 * the report's own numbers and nothing is copied by hand.
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
  /** Header of the label column, e.g. "Målområde". */
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

const norm = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv') : '');
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function ref(grid: SheetGrid, r: number, c: number): CellRef {
  return { sheet: grid.sheet, row: grid.top + r, column: grid.left + c };
}

/** Columns of a header row that name a platform (or a group), by their position. */
function platformColumns(row: readonly unknown[], platformNames: readonly string[]): Map<string, number> {
  const wanted = new Map(platformNames.map((n) => [norm(n), n]));
  const out = new Map<string, number>();
  row.forEach((cell, c) => {
    const name = wanted.get(norm(cell));
    if (name && !out.has(name)) out.set(name, c);
  });
  return out;
}

const AREA_HEADER = /^målområde/;
const TOTAL_LABEL = /^(impactindex|totalt|summa|total)\b/;

/** Impactindex per goal area (rows) and platform (columns), from the sheet whose name holds "Impact". */
export function locateImpactTable(grids: readonly SheetGrid[], platformNames: readonly string[]): ChartTable | undefined {
  for (const grid of grids.filter((g) => /impact/i.test(g.sheet))) {
    for (let r = 0; r < grid.values.length; r++) {
      const row = grid.values[r] ?? [];
      const labelColumn = row.findIndex((cell) => AREA_HEADER.test(norm(cell)));
      if (labelColumn < 0) continue;
      const columns = platformColumns(row, platformNames);
      if (columns.size === 0) continue;
      const rowLabels: string[] = [];
      const cells: (CellRef | undefined)[][] = [];
      for (let rr = r + 1; rr < grid.values.length; rr++) {
        const label = grid.values[rr]?.[labelColumn];
        if (norm(label) === '') break;
        if (TOTAL_LABEL.test(norm(label))) continue;
        rowLabels.push(String(label).trim());
        cells.push([...columns.values()].map((c) => (isNumber(grid.values[rr]?.[c]) ? ref(grid, rr, c) : undefined)));
      }
      if (rowLabels.length > 0) return { title: 'Impactindex per målområde och plattform', corner: 'Målområde', rowLabels, columnLabels: [...columns.keys()], cells };
    }
  }
  return undefined;
}

/** The outcome rates charted per platform. */
export const OUTCOME_MEASURES = [
  { label: 'Positiv lösning', pattern: /positiv lösning/ },
  { label: 'Hälsoskäl', pattern: /hälsoskäl/ },
  { label: 'Avbrott', pattern: /avbrott/ },
  { label: 'Genomströmning', pattern: /genomströmning/ },
] as const;

/** A rate row rather than a count row: its label says "andel" or "%", or the measure is a rate by name. */
const isRateLabel = (label: string): boolean => /andel|%|genomströmning/.test(label);

function findInTable(grid: SheetGrid, platformNames: readonly string[]): Map<string, Map<string, CellRef>> {
  const found = new Map<string, Map<string, CellRef>>();
  let columns = new Map<string, number>();
  grid.values.forEach((row, r) => {
    const header = platformColumns(row, platformNames);
    if (header.size >= 2) columns = header;
    if (columns.size === 0) return;
    const labelCell = row.find((cell) => norm(cell) !== '');
    const label = norm(labelCell);
    const measure = OUTCOME_MEASURES.find((m) => m.pattern.test(label));
    if (!measure || !isRateLabel(label)) return;
    for (const [platform, c] of columns) {
      if (!isNumber(row[c])) continue;
      const byMeasure = found.get(platform) ?? new Map<string, CellRef>();
      if (!byMeasure.has(measure.label)) byMeasure.set(measure.label, ref(grid, r, c));
      found.set(platform, byMeasure);
    }
  });
  return found;
}

function findOnPlatformSheet(grid: SheetGrid): Map<string, CellRef> {
  const found = new Map<string, CellRef>();
  let totalColumn = -1;
  grid.values.forEach((row, r) => {
    const t = row.findIndex((cell) => /^(totalt|tot)$/.test(norm(cell)));
    if (t >= 0) totalColumn = t;
    const labelIndex = row.findIndex((cell) => norm(cell) !== '');
    const label = norm(row[labelIndex]);
    const measure = OUTCOME_MEASURES.find((m) => m.pattern.test(label));
    if (!measure || !isRateLabel(label) || found.has(measure.label)) return;
    const c = totalColumn > labelIndex && isNumber(row[totalColumn]) ? totalColumn : row.findIndex((cell, i) => i > labelIndex && isNumber(cell));
    if (c >= 0) found.set(measure.label, ref(grid, r, c));
  });
  return found;
}

/** Outcome rates per platform (rows) and measure (columns). */
export function locateOutcomeTable(grids: readonly SheetGrid[], platformNames: readonly string[]): ChartTable | undefined {
  const byPlatform = new Map<string, Map<string, CellRef>>();
  for (const grid of grids) {
    for (const [platform, measures] of findInTable(grid, platformNames)) if (!byPlatform.has(platform)) byPlatform.set(platform, measures);
  }
  for (const name of platformNames) {
    if (byPlatform.has(name)) continue;
    const grid = grids.find((g) => norm(g.sheet) === norm(name));
    if (grid) {
      const measures = findOnPlatformSheet(grid);
      if (measures.size > 0) byPlatform.set(name, measures);
    }
  }
  const platforms = platformNames.filter((n) => byPlatform.has(n));
  const measures = OUTCOME_MEASURES.map((m) => m.label).filter((label) => platforms.some((p) => byPlatform.get(p)?.has(label)));
  if (platforms.length === 0 || measures.length === 0) return undefined;
  return {
    title: 'Utfall per plattform',
    corner: 'Plattform',
    rowLabels: platforms,
    columnLabels: measures,
    cells: platforms.map((p) => measures.map((m) => byPlatform.get(p)?.get(m))),
  };
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
    plan.charts.push({ title: table.title, source: `A${row}:${columnLetter(width)}${bottom}`, top: `${chartLeft}${row}`, bottom: `${columnLetter(width + 10)}${row + chartRows}` });
    row = Math.max(bottom, row + chartRows) + 3;
  }
  return plan;
}
