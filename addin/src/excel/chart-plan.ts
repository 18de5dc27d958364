import { a1, columnLetter } from './addresses';

/**
 * Where the figures for the native charts are in an inserted consolidated workbook, and how
 * the "Diagram" sheet that holds the charts is laid out. Pure: the gateway reads the sheets,
 * this decides, the gateway writes.
 *
 * The consolidated workbook is built by the functions (functions/consolidation/report-workbook), so the
 * pane finds figures by their labels, not by fixed addresses: the area × platform table under
 * "Målområde" on the Impactindex sheet, and the outcome rates in each platform's Tabell 1 sheet
 * (or the Sammanfattning). The Diagram sheet links to those cells with formulas, so the charts
 * show the report's own numbers and nothing is copied by hand.
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

const norm = (v: unknown): string =>
  typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv') : '';
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

/**
 * Impactindex per goal area (rows) and platform (columns), from the sheet whose name holds
 * "Impact": a header row starting "Målområde", with the platform names in it or in the row
 * above (over merged this year / last year / Diff columns; the first of them is this year).
 * The area rows run until a row without figures (a footnote or a blank line).
 */
export function locateImpactTable(
  grids: readonly SheetGrid[],
  platformNames: readonly string[],
): ChartTable | undefined {
  for (const grid of grids.filter((g) => /impact/i.test(g.sheet))) {
    for (let r = 0; r < grid.values.length; r++) {
      const row = grid.values[r] ?? [];
      const labelColumn = row.findIndex((cell) => AREA_HEADER.test(norm(cell)));
      if (labelColumn < 0) continue;
      let columns = platformColumns(row, platformNames);
      if (columns.size === 0 && r > 0) columns = platformColumns(grid.values[r - 1] ?? [], platformNames);
      if (columns.size === 0) continue;
      const rowLabels: string[] = [];
      const cells: (CellRef | undefined)[][] = [];
      for (let rr = r + 1; rr < grid.values.length; rr++) {
        const values = grid.values[rr] ?? [];
        const label = values[labelColumn];
        const figures = [...columns.values()].map((c) => (isNumber(values[c]) ? ref(grid, rr, c) : undefined));
        if (norm(label) === '' || figures.every((f) => f === undefined)) break;
        if (TOTAL_LABEL.test(norm(label))) continue;
        rowLabels.push(String(label).trim());
        cells.push(figures);
      }
      if (rowLabels.length > 0)
        return {
          title: 'Impactindex per målområde och plattform',
          corner: 'Målområde',
          rowLabels,
          columnLabels: [...columns.keys()],
          cells,
        };
    }
  }
  return undefined;
}

/**
 * The outcome rates charted per platform, and how each is found: on a platform's Tabell 1
 * sheet by its row label in the "%" column (the % on "Totalt antal avslutade" is the
 * genomströmning), or in a summary table of Område | Mått | value by the measure's label.
 */
export const OUTCOME_MEASURES = [
  { label: 'Positiv lösning', row: /positiv lösning/, summary: /^andel positiv lösning/ },
  { label: 'Hälsoskäl', row: /hälsoskäl/, summary: /^andel (avslutade av )?hälsoskäl/ },
  { label: 'Avbrott', row: /^avbrott/, summary: /^andel avbrott/ },
  { label: 'Genomströmning', row: /^totalt antal avslutade/, summary: /^genomströmning/ },
] as const;

type MeasureLabel = (typeof OUTCOME_MEASURES)[number]['label'];

/**
 * Tabell 1 of one platform: its heading (A1) or sheet name starts with the platform's name (sheet
 * names may be cut at 31 characters).
 */
function platformOfSheet(grid: SheetGrid, platformNames: readonly string[]): string | undefined {
  const heading = norm(grid.values[0]?.find((cell) => norm(cell) !== ''));
  return platformNames.find((name) => heading.startsWith(norm(name)) || norm(grid.sheet) === norm(name));
}

function fromPlatformSheet(grid: SheetGrid): Map<MeasureLabel, CellRef> {
  const found = new Map<MeasureLabel, CellRef>();
  let rateColumn = -1;
  grid.values.forEach((row, r) => {
    const percentAt = row.findIndex((cell) => norm(cell) === '%');
    if (percentAt >= 0 && rateColumn < 0) {
      rateColumn = percentAt;
      return;
    }
    if (rateColumn < 0) return;
    const label = norm(row.find((cell) => norm(cell) !== ''));
    const measure = OUTCOME_MEASURES.find((m) => m.row.test(label));
    if (measure && !found.has(measure.label) && isNumber(row[rateColumn]))
      found.set(measure.label, ref(grid, r, rateColumn));
  });
  return found;
}

function fromSummary(grid: SheetGrid, platformNames: readonly string[]): Map<string, Map<MeasureLabel, CellRef>> {
  const found = new Map<string, Map<MeasureLabel, CellRef>>();
  const wanted = new Map(platformNames.map((n) => [norm(n), n]));
  grid.values.forEach((row, r) => {
    const scope = wanted.get(norm(row[0]));
    const measure = OUTCOME_MEASURES.find((m) => m.summary.test(norm(row[1])));
    if (!scope || !measure || !isNumber(row[2])) return;
    const byMeasure = found.get(scope) ?? new Map<MeasureLabel, CellRef>();
    if (!byMeasure.has(measure.label)) byMeasure.set(measure.label, ref(grid, r, 2));
    found.set(scope, byMeasure);
  });
  return found;
}

/** Outcome rates per platform (rows) and measure (columns); platform sheets first, the summary fills gaps. */
export function locateOutcomeTable(
  grids: readonly SheetGrid[],
  platformNames: readonly string[],
): ChartTable | undefined {
  const byPlatform = new Map<string, Map<MeasureLabel, CellRef>>();
  for (const grid of grids) {
    const platform = platformOfSheet(grid, platformNames);
    if (platform && !byPlatform.has(platform)) {
      const measures = fromPlatformSheet(grid);
      if (measures.size > 0) byPlatform.set(platform, measures);
    }
  }
  for (const grid of grids) {
    for (const [platform, measures] of fromSummary(grid, platformNames)) {
      const known = byPlatform.get(platform) ?? new Map<MeasureLabel, CellRef>();
      for (const [label, cell] of measures) if (!known.has(label)) known.set(label, cell);
      byPlatform.set(platform, known);
    }
  }
  const platforms = platformNames.filter((n) => byPlatform.has(n));
  const measures = OUTCOME_MEASURES.map((m) => m.label).filter((label) =>
    platforms.some((p) => byPlatform.get(p)?.has(label)),
  );
  if (platforms.length === 0 || measures.length === 0) return undefined;
  return {
    title: 'Utfall per plattform (%)',
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
