import { PaneError } from '../api/api-error';
import { parseA1, splitSheetAddress } from './addresses';
import type { ExcelCapabilities } from './capabilities';
import { locateChartTables, planDiagramSheet, type SheetGrid } from './chart-plan';
import { runExcel } from './excel-run';

export interface ReportInsertOutcome {
  sheets: string[];
  /** The sheet holding the native charts, when figures for any chart were found. */
  diagramSheet?: string;
  charts: number;
}

/** "Diagram", or "Diagram 2" … when the workbook has one already. */
function freeSheetName(taken: ReadonlySet<string>, base = 'Diagram'): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}

/**
 * Inserts a consolidated workbook's sheets into the open workbook and adds native Excel charts
 * of the figures the report's chart index names (headline figures per platform and group,
 * Impactindex per goal area) on a new Diagram sheet whose data links to the report's cells.
 * Three round trips: insert (noting which sheets existed), read the inserted sheets and the
 * workbook's names, then write the Diagram sheet and its charts.
 */
export function insertReport(
  input: { base64: string },
  capabilities: Pick<ExcelCapabilities, 'insertSheets'>,
): Promise<ReportInsertOutcome> {
  if (!capabilities.insertSheets) {
    return Promise.reject(
      new PaneError(
        'excel-unsupported',
        'Den här Excel-versionen kan inte infoga blad. Ladda ner rapporten eller öppna den som ny arbetsbok.',
      ),
    );
  }
  return runExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    const insertedIds = context.workbook.insertWorksheetsFromBase64(input.base64, { positionType: 'End' });
    await context.sync(); // 1: inserted; the names loaded above are those from before

    const before = new Set(worksheets.items.map((s) => s.name));
    // A handful of sheets (one per platform and a few summaries): one load each, one round trip for all.
    const inserted = insertedIds.value.map((id) => {
      const sheet = worksheets.getItem(id);
      sheet.load('name');
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('address,values');
      return { sheet, used };
    });
    const names = context.workbook.names;
    names.load('items/name,items/formula');
    await context.sync(); // 2: names and contents of the inserted sheets, and the workbook's names

    const grids: SheetGrid[] = [];
    for (const { sheet, used } of inserted) {
      if (used.isNullObject) continue;
      const where = splitSheetAddress(used.address);
      const topLeft = where ? parseA1(where.address.split(':')[0] ?? '') : undefined;
      if (topLeft) grids.push({ sheet: sheet.name, top: topLeft.row, left: topLeft.column, values: used.values });
    }
    const sheets = inserted.map((i) => i.sheet.name);
    const tables = locateChartTables(grids, names.items, sheets);
    if (tables.length === 0) return { sheets, charts: 0 };

    const plan = planDiagramSheet(tables);
    const name = freeSheetName(new Set([...before, ...sheets]));
    const diagram = worksheets.add(name);
    for (const block of plan.blocks) diagram.getRange(block.address).formulas = block.formulas;
    for (const c of plan.charts) {
      const chart = diagram.charts.add(
        Excel.ChartType.columnClustered,
        diagram.getRange(c.source),
        Excel.ChartSeriesBy.columns,
      );
      chart.title.text = c.title;
      chart.legend.position = Excel.ChartLegendPosition.bottom;
      chart.setPosition(c.top, c.bottom);
    }
    diagram.getRange('A:A').format.autofitColumns();
    diagram.activate();
    await context.sync(); // 3: the Diagram sheet and its charts
    return { sheets, diagramSheet: name, charts: plan.charts.length };
  });
}

/** Opens the report as a new workbook (ExcelApi 1.8): nothing in the current workbook changes. */
export async function openReportAsNewWorkbook(
  base64: string,
  capabilities: Pick<ExcelCapabilities, 'createWorkbook'>,
): Promise<void> {
  if (!capabilities.createWorkbook)
    throw new PaneError(
      'excel-unsupported',
      'Den här Excel-versionen kan inte öppna en ny arbetsbok härifrån. Ladda ner rapporten i stället.',
    );
  try {
    await Excel.createWorkbook(base64);
  } catch (error) {
    throw new PaneError('excel', 'Excel kunde inte öppna rapporten som ny arbetsbok. Ladda ner den i stället.', {
      cause: error,
    });
  }
}
