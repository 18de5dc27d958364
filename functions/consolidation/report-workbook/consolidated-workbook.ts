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
import { writeParts } from './exceljs-parts';
import { FixedDateZip } from './fixed-zip';
import { renderSheet, type RenderedSheet } from './render-sheet';
import { SheetData } from './sheet-data';
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
  const sheets: { ws: ExcelJS.Worksheet; data: SheetData }[] = [
    ...rendered.map(({ ws, result }) => ({ ws, data: result.data })),
    ...writeChartIndex(workbook, rendered),
  ];
  const zip = new FixedDateZip(generatedAt);
  const parts = packageParts(rendered);
  await writeParts(
    workbook,
    (name, data) => {
      const change = parts.get(name);
      zip.add(name, change ? bytes(change(data.toString('utf8'))) : data);
      parts.delete(name);
    },
    (tables) => {
      // Each sheet's cells, written by us into what exceljs writes around them.
      for (const { ws, data } of sheets) {
        const { sheetData, dimension } = data.xml(tables);
        const name = `xl/worksheets/sheet${ws.id}.xml`;
        const then = parts.get(name);
        parts.set(name, (xml = '') => {
          const edited = then ? then(xml) : xml;
          return withSheetData(typeof edited === 'string' ? edited : edited.toString('utf8'), sheetData, dimension);
        });
      }
    },
  );
  // What exceljs did not write (the charts' parts, and a sheet's relationships where it had none).
  for (const [name, change] of parts) zip.add(name, bytes(change(undefined)));
  return zip.finish();
}

/** A part's new content, from exceljs' text of it (undefined where it wrote none). */
type PartEdit = (text: string | undefined) => string | Buffer;

const bytes = (content: string | Buffer) => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content);

interface Rendered {
  ws: ExcelJS.Worksheet;
  result: RenderedSheet;
}

/** The chart index (see CHART_INDEX_MARK): every charted figure by name, sheet position and cell. */
function writeChartIndex(
  workbook: ExcelJS.Workbook,
  rendered: Rendered[],
): { ws: ExcelJS.Worksheet; data: SheetData }[] {
  const rows: (string | number)[][] = [[CHART_INDEX_MARK], [...CHART_INDEX_COLUMNS]];
  rendered.forEach(({ result }, position) => {
    if (result.charts.length === 0) return;
    const cells = new Map(result.names.map(({ name, cell }) => [name, cell]));
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
            cells.get(name)?.replaceAll('$', '') ?? '',
            chart.spec.unit,
          ]);
        }
  });
  if (rows.length <= 2) return [];
  const ws = workbook.addWorksheet(CHART_INDEX_SHEET, { state: 'veryHidden' });
  const data = new SheetData();
  rows.forEach((values, r) => values.forEach((value, c) => data.set(r + 1, c + 1, value)));
  return [{ ws, data }];
}

/**
 * The defined names, the charts' parts, and the content types and relationships that tie them in:
 * by part name, a function from exceljs' text of the part (undefined where it wrote none) to the
 * part's new content.
 */
function packageParts(rendered: Rendered[]): Map<string, PartEdit> {
  const parts = new Map<string, PartEdit>();
  // Names are made of letters, digits, _ and . (figure-names.ts); only the sheet needs escaping.
  // As bytes per sheet, spliced in: ten thousand names are a megabyte of text.
  const definitions = rendered.map(({ ws, result }, index) => {
    const sheet = escapeXml(`'${ws.name.replace(/'/g, "''")}'!`);
    const titles = result.printTitles
      ? `<definedName name="_xlnm.Print_Titles" ` +
        `localSheetId="${index}">${sheet}$${result.printTitles}:$${result.printTitles}</definedName>`
      : '';
    return Buffer.from(
      titles +
        result.names.map(({ name, cell }) => `<definedName name="${name}">${sheet}${cell}</definedName>`).join(''),
      'utf8',
    );
  });
  parts.set('xl/workbook.xml', (xml = '') => {
    const within = xml.indexOf('</definedNames>');
    const at = within >= 0 ? within : xml.indexOf('<calcPr');
    const [open, close] = within >= 0 ? ['', ''] : ['<definedNames>', '</definedNames>'];
    return Buffer.concat([
      Buffer.from(xml.slice(0, at) + open, 'utf8'),
      ...definitions,
      Buffer.from(close + xml.slice(at), 'utf8'),
    ]);
  });
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

/** The sheet's XML with its `<sheetData>` and `<dimension>` replaced. */
function withSheetData(xml: string, sheetData: Buffer, dimension: string): Buffer {
  const start = xml.indexOf('<sheetData');
  if (start < 0) throw new Error('exceljs wrote a worksheet without <sheetData>');
  const empty = xml.startsWith('<sheetData/>', start);
  const end = empty ? start + '<sheetData/>'.length : xml.indexOf('</sheetData>', start) + '</sheetData>'.length;
  // <dimension> comes before <sheetData>.
  const before = xml.slice(0, start).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${dimension}"/>`);
  return Buffer.concat([Buffer.from(before, 'utf8'), sheetData, Buffer.from(xml.slice(end), 'utf8')]);
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
