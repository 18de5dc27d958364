/**
 * Edits beneath exceljs: a workbook's parts changed as XML, the way other programs (or an
 * attacker) write them, then zipped again. For fixtures that exceljs itself would never write
 * — or could not read back.
 */
import { writeZip } from '../property/support/zip-writer';
import { readXlsxParts } from './xlsx-parts';

const SPREADSHEETML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** The children of `<worksheet>` in the order the schema (CT_Worksheet) requires. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;
export type WorksheetElement = (typeof WORKSHEET_ORDER)[number];

/** Elements that hold a list: a new item goes inside the existing one, whose count is raised. */
const CONTAINERS: Partial<Record<WorksheetElement, true>> = {
  cols: true,
  mergeCells: true,
  dataValidations: true,
  hyperlinks: true,
  tableParts: true,
};

const opening = (element: string) => new RegExp(`<${element}[\\s/>]`);

/**
 * Puts `item` into a worksheet's XML where the schema wants it: inside `element` when that is
 * a list that exists (raising its count), else as a new `element` (a list wraps the item).
 */
export function addToWorksheet(xml: string, element: WorksheetElement, item: string): string {
  if (CONTAINERS[element]) {
    const existing = opening(element).exec(xml);
    if (existing) {
      const close = xml.indexOf(`</${element}>`, existing.index);
      const updated = `${xml.slice(0, close)}${item}${xml.slice(close)}`;
      return updated.replace(
        new RegExp(`(<${element}[^>]*count=")(\\d+)"`),
        (_m, head: string, n: string) => `${head}${Number(n) + 1}"`,
      );
    }
  }
  const fragment = CONTAINERS[element] ? `<${element} count="1">${item}</${element}>` : item;
  const later = WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(element) + 1);
  const at =
    later.map((e) => opening(e).exec(xml)?.index).find((i) => i !== undefined) ?? xml.lastIndexOf('</worksheet>');
  return `${xml.slice(0, at)}${fragment}${xml.slice(at)}`;
}

/** The zip part of the sheet named `sheetName` (through the workbook and its relationships). */
export function sheetPart(parts: ReadonlyMap<string, string>, sheetName: string): string {
  const workbook = parts.get('xl/workbook.xml') ?? '';
  const escaped = sheetName.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
  const sheet = new RegExp(
    `<sheet [^>]*name="(?:${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})"[^>]*r:id="([^"]+)"`,
  ).exec(workbook);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rels = parts.get('xl/_rels/workbook.xml.rels') ?? '';
  const target = new RegExp(`Id="${sheet[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(rels);
  const path = target?.[1] ?? target?.[2];
  if (!path) throw new Error(`no part for ${sheetName}`);
  return path.startsWith('/') ? path.slice(1) : `xl/${path}`;
}

/** Adds a defined name to the workbook part (text is XML-escaped here). */
export function addDefinedName(
  parts: Map<string, string>,
  name: string,
  reference: string,
  localSheetId?: number,
): void {
  const escaped = reference.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');
  const scope = localSheetId === undefined ? '' : ` localSheetId="${localSheetId}"`;
  const element = `<definedName name="${name}"${scope}>${escaped}</definedName>`;
  const workbook = parts.get('xl/workbook.xml')!;
  parts.set(
    'xl/workbook.xml',
    workbook.includes('</definedNames>')
      ? workbook.replace('</definedNames>', `${element}</definedNames>`)
      : workbook.replace('</sheets>', `</sheets><definedNames>${element}</definedNames>`),
  );
}

/** Adds a sheet (its worksheet XML given whole) after the others. */
export function addSheet(parts: Map<string, string>, name: string, worksheetXml: string): void {
  const ids = [...(parts.get('xl/workbook.xml') ?? '').matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  const rid = `rIdAdded${sheetId}`;
  // Named as Excel names its sheet parts (some readers find sheets by that name).
  let n = 1;
  while (parts.has(`xl/worksheets/sheet${n}.xml`)) n += 1;
  const path = `worksheets/sheet${n}.xml`;
  parts.set(`xl/${path}`, worksheetXml);
  const escaped = name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  parts.set(
    'xl/workbook.xml',
    parts
      .get('xl/workbook.xml')!
      .replace('</sheets>', `<sheet name="${escaped}" sheetId="${sheetId}" r:id="${rid}"/></sheets>`),
  );
  parts.set(
    'xl/_rels/workbook.xml.rels',
    parts
      .get('xl/_rels/workbook.xml.rels')!
      .replace(
        '</Relationships>',
        `<Relationship Id="${rid}" Type="${RELATIONSHIPS}/worksheet" Target="${path}"/></Relationships>`,
      ),
  );
  parts.set(
    '[Content_Types].xml',
    parts
      .get('[Content_Types].xml')!
      .replace('</Types>', `<Override PartName="/xl/${path}" ContentType="${WORKSHEET_TYPE}"/></Types>`),
  );
}

/** A worksheet's XML around `sheetData` rows and any later elements (already in schema order). */
export function worksheetXml(rows: string, after = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${SPREADSHEETML}" xmlns:r="${RELATIONSHIPS}">` +
    `<sheetData>${rows}</sheetData>${after}</worksheet>`
  );
}

/** Opens an xlsx's parts as text, lets `edit` change them, and zips them again. */
export async function editParts(xlsx: Buffer, edit: (parts: Map<string, string>) => void): Promise<Buffer> {
  const parts = await readXlsxParts(xlsx);
  edit(parts);
  return writeZip(parts);
}

/** `edit` applied to one sheet's XML, found by the sheet's name. */
export function editSheet(parts: Map<string, string>, sheetName: string, edit: (xml: string) => string): void {
  const part = sheetPart(parts, sheetName);
  parts.set(part, edit(parts.get(part)!));
}
