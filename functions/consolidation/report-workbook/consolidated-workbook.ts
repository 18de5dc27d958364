import type ExcelJS from 'exceljs';
import { reportSheets, type Consolidation } from '../../../shared/consolidation/consolidate';
import { CHART_INDEX_COLUMNS, CHART_INDEX_MARK, CHART_INDEX_SHEET } from '../../../shared/consolidation/figure-names';
import { exceljs } from '../../template-workbook/exceljs';
import {
  CHART_CONTENT_TYPE,
  chartXml,
  drawingRelationships,
  drawingXml,
  DRAWING_CONTENT_TYPE,
  DRAWING_RELATIONSHIP,
  escapeXml,
  relationshipsXml,
} from './chart-parts';
import { packWithFixedDate } from './fixed-zip';
import { renderSheet, type RenderedSheet } from './render-sheet';
import { sheetName } from './sheet-kit';

export interface WorkbookInfo {
  /** A hash of everything the report was built from, shown in Om rapporten. */
  inputsHash: string;
  /** "Samlad 0.1.0" */
  generator: string;
  /** Which settings version the report was built with, and the configuration's hash. */
  settings?: { text: string; sha256: string };
}

const VARIANT = { internal: 'Intern version', published: 'Publicerad version' } as const;

/**
 * Writes the consolidated workbook from the report model: every sheet through the one renderer,
 * then the package parts exceljs cannot write — a defined name for every figure and the native
 * charts — added while the zip is packed. Deterministic: the same consolidation (including its
 * generatedAt) gives the same bytes; document and zip dates come from generatedAt.
 *
 * @example
 * const xlsx = await writeConsolidatedWorkbook(consolidate(input), { inputsHash, generator: 'Samlad 0.1.0' });
 */
export async function writeConsolidatedWorkbook(c: Consolidation, info: WorkbookInfo): Promise<Buffer> {
  const generatedAt = new Date(c.meta.generatedAt);
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Samlad';
  workbook.lastModifiedBy = 'Samlad';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.title = `Konsoliderad rapport ${c.meta.forbund.name} ${c.meta.period.id}`;
  workbook.subject = VARIANT[c.meta.variant];
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  const taken = new Set<string>();
  const options = {
    mark: c.meta.suppression?.mark ?? '–',
    pageHeader: `${c.meta.forbund.name} · ${c.meta.periodLabel}`,
  };
  const rendered: Rendered[] = reportSheets(c, info).map((model) => {
    const ws = workbook.addWorksheet(sheetName(model.tab, taken), {
      properties: { defaultRowHeight: 15 },
    }) as unknown as ExcelJS.Worksheet;
    return { ws, result: renderSheet(ws, model, options) };
  });
  writeChartIndex(workbook, rendered);
  // Stored, not deflated: packWithFixedDate deflates once, natively, while it re-dates the entries.
  const stored = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  return packWithFixedDate(stored, generatedAt, packageParts(rendered));
}

interface Rendered {
  ws: ExcelJS.Worksheet;
  result: RenderedSheet;
}

/** The chart index (see CHART_INDEX_MARK): every charted figure by name, sheet position and cell. */
function writeChartIndex(workbook: ExcelJS.Workbook, rendered: Rendered[]) {
  const rows: (string | number)[][] = [[CHART_INDEX_MARK], [...CHART_INDEX_COLUMNS]];
  rendered.forEach(({ result }, position) => {
    if (result.charts.length === 0) return;
    const cells = new Map(result.names.map(({ name, cell }) => [name, cell.replace(/\$/g, '')]));
    for (const chart of result.charts)
      for (const [c, category] of chart.spec.categories.entries())
        for (const [s, series] of chart.spec.series.entries()) {
          const name = chart.names[s]?.[c] ?? '';
          rows.push([
            chart.spec.id,
            chart.spec.title,
            category.key,
            category.label,
            series.key,
            series.label,
            name,
            position + 1,
            cells.get(name) ?? '',
            chart.spec.unit,
          ]);
        }
  });
  if (rows.length <= 2) return;
  const ws = workbook.addWorksheet(CHART_INDEX_SHEET, { state: 'veryHidden' });
  for (const r of rows) ws.addRow(r);
}

/** The defined names, the charts' parts, and the content types and relationships that tie them in. */
function packageParts(rendered: Rendered[]): Map<string, (text: string | undefined) => string> {
  const parts = new Map<string, (text: string | undefined) => string>();
  // Names are made of letters, digits, _ and . (figure-names.ts); only the sheet needs escaping.
  const definitions = rendered
    .map(({ ws, result }, index) => {
      const sheet = escapeXml(`'${ws.name.replace(/'/g, "''")}'!`);
      const titles = result.printTitles
        ? `<definedName name="_xlnm.Print_Titles" ` +
          `localSheetId="${index}">${sheet}$${result.printTitles}:$${result.printTitles}</definedName>`
        : '';
      return (
        titles +
        result.names.map(({ name, cell }) => `<definedName name="${name}">${sheet}${cell}</definedName>`).join('')
      );
    })
    .join('');
  parts.set('xl/workbook.xml', (xml = '') =>
    xml.includes('</definedNames>')
      ? xml.replace('</definedNames>', `${definitions}</definedNames>`)
      : xml.replace('<calcPr', `<definedNames>${definitions}</definedNames><calcPr`),
  );
  const overrides: string[] = [];
  let chartNumber = 1;
  let drawingNumber = 1;
  for (const { ws, result } of rendered) {
    if (result.charts.length === 0) continue;
    const sheetPart = `xl/worksheets/sheet${ws.id}.xml`;
    const drawing = drawingNumber++;
    const firstChart = chartNumber;
    result.charts.forEach((chart) => {
      const number = chartNumber++;
      parts.set(`xl/charts/chart${number}.xml`, () => chartXml(chart));
      overrides.push(`<Override PartName="/xl/charts/chart${number}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`);
    });
    parts.set(`xl/drawings/drawing${drawing}.xml`, () => drawingXml(result.charts));
    parts.set(`xl/drawings/_rels/drawing${drawing}.xml.rels`, () =>
      drawingRelationships(result.charts.length, firstChart),
    );
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="${DRAWING_CONTENT_TYPE}"/>`);
    const relationship = 'rIdSamladDrawing';
    parts.set(`xl/worksheets/_rels/sheet${ws.id}.xml.rels`, (xml) => {
      const entry =
        `<Relationship Id="${relationship}" Type="${DRAWING_RELATIONSHIP}" ` +
        `Target="../drawings/drawing${drawing}.xml"/>`;
      return xml
        ? xml.replace('</Relationships>', `${entry}</Relationships>`)
        : relationshipsXml([
            { id: relationship, type: DRAWING_RELATIONSHIP, target: `../drawings/drawing${drawing}.xml` },
          ]);
    });
    parts.set(sheetPart, (xml = '') => insertDrawing(xml, relationship));
  }
  if (overrides.length > 0)
    parts.set('[Content_Types].xml', (xml = '') => xml.replace('</Types>', `${overrides.join('')}</Types>`));
  return parts;
}

/** `<drawing>` goes after the page setup and before `<legacyDrawing>` (notes), as the schema orders them. */
function insertDrawing(xml: string, relationship: string): string {
  const element = `<drawing r:id="${relationship}"/>`;
  const withNamespace = xml.includes('xmlns:r=')
    ? xml
    : xml.replace(
        '<worksheet ',
        '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
      );
  for (const before of [
    '<legacyDrawing',
    '<legacyDrawingHF',
    '<picture',
    '<oleObjects',
    '<tableParts',
    '<extLst',
    '</worksheet>',
  ]) {
    const at = withNamespace.indexOf(before);
    if (at >= 0) return `${withNamespace.slice(0, at)}${element}${withNamespace.slice(at)}`;
  }
  return withNamespace;
}
