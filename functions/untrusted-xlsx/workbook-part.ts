import type { XlsxLimits } from './limits';
import { XlsxRefusal } from './refusal';
import { parseXml } from './xml-events';
import type { ZipArchive } from './zip-archive';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  state: SheetState;
  /** The sheet's part in the zip, e.g. `xl/worksheets/sheet1.xml`; undefined when the workbook does not say. */
  part: string | undefined;
}

export interface DefinedNameEntry {
  name: string;
  /** The reference as written, e.g. `'Blad 1'!$B$7`. */
  formula: string;
  /** For a name scoped to one sheet: that sheet's name. */
  scope?: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  names: DefinedNameEntry[];
  /** Dates count from 1904 (old Mac workbooks) rather than 1900. */
  date1904: boolean;
  sharedStringsPart: string | undefined;
  stylesPart: string | undefined;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** A relationship target relative to `xl/` (or absolute from the package root) as a zip entry name. */
function resolveTarget(target: string): string {
  const absolute = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const segment of absolute.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

const isTrue = (value: string | undefined): boolean => value === '1' || value === 'true';

async function readRelationships(zip: ZipArchive): Promise<{ byId: Map<string, string>; byType: Map<string, string> }> {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  if (!zip.has(WORKBOOK_RELS)) return { byId, byType };
  await parseXml(WORKBOOK_RELS, zip.read(WORKBOOK_RELS), {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = resolveTarget(a.Target);
      byId.set(a.Id, target);
      // Transitional and Strict OOXML name the types under different roots; the last segment is the kind.
      const kind = (a.Type ?? '').split('/').pop() ?? '';
      if (!byType.has(kind)) byType.set(kind, target);
    },
    close() {},
  });
  return { byId, byType };
}

/** The workbook's sheets, defined names and date system, and where its shared strings and styles are. */
export async function readWorkbookPart(zip: ZipArchive, limits: XlsxLimits): Promise<WorkbookPart> {
  if (!zip.has(WORKBOOK)) throw new XlsxRefusal('not-xlsx', `no ${WORKBOOK}`);
  const rels = await readRelationships(zip);
  const rawSheets: { name: string; state: SheetState; rid: string | undefined }[] = [];
  const names: (DefinedNameEntry & { localSheetId?: number })[] = [];
  let date1904 = false;
  let name: { name: string; localSheetId?: number; text: string } | undefined;
  await parseXml(WORKBOOK, zip.read(WORKBOOK), {
    open(element, a) {
      if (element === 'workbookPr') date1904 = isTrue(a.date1904);
      else if (element === 'sheet' && a.name !== undefined) {
        const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
        rawSheets.push({ name: a.name, state, rid: a['r:id'] ?? a.id });
      } else if (element === 'definedName' && a.name !== undefined) {
        if (names.length >= limits.definedNames)
          throw new XlsxRefusal('too-complex', `more than ${limits.definedNames} defined names`);
        const local = a.localSheetId === undefined ? undefined : Number(a.localSheetId);
        name = { name: a.name, text: '', ...(Number.isInteger(local) ? { localSheetId: local } : {}) };
      }
    },
    text(text) {
      if (name) name.text += text;
    },
    close(element) {
      if (element === 'definedName' && name) {
        names.push({ name: name.name, formula: name.text, localSheetId: name.localSheetId });
        name = undefined;
      }
    },
  });
  const sheets = rawSheets.map((s) => ({
    name: s.name,
    state: s.state,
    part: s.rid === undefined ? undefined : rels.byId.get(s.rid),
  }));
  return {
    sheets,
    names: names.map(({ localSheetId, ...n }) => {
      const scope = localSheetId === undefined ? undefined : sheets[localSheetId]?.name;
      return scope === undefined ? n : { ...n, scope };
    }),
    date1904,
    sharedStringsPart:
      rels.byType.get('sharedStrings') ?? (zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined),
    stylesPart: rels.byType.get('styles') ?? (zip.has('xl/styles.xml') ? 'xl/styles.xml' : undefined),
  };
}
