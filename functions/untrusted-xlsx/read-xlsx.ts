import { areaSize, cellAddress, parseAreaReference, type CellArea } from './address';
import { EMPTY_CELL, readRawCell, type CellContext, type CellReading } from './cell-reading';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './limits';
import { XlsxRefusal } from './refusal';
import { readSharedStrings } from './shared-strings-part';
import { readSheetCells, type CellSelection, type SheetCells } from './sheet-part';
import { readDateStyles } from './styles-part';
import { readWorkbookPart, type SheetState } from './workbook-part';
import { ZipArchive } from './zip-archive';

/** What to read from a workbook: nothing else is parsed. */
export interface XlsxQuery {
  /** Defined names whose cells to read, e.g. /^SAM\./i. */
  names: RegExp;
  /** Sheets to read whole (every cell with content), matched without regard to case, e.g. a hidden identity sheet. */
  wholeSheets: readonly string[];
}

export interface XlsxName {
  name: string;
  /** The sheet a sheet-scoped name belongs to; absent for a workbook-wide name. */
  scope?: string;
  /** The reference as written, e.g. `'Blad 1'!$B$7`. */
  formula: string;
  /**
   * Where the name points, when it is one area on a sheet of this workbook within the size
   * limit: the sheet's name as the workbook spells it and the cells' addresses, row by row.
   * Absent for `#REF!`, several areas, another workbook, a missing sheet or too large an area.
   */
  target?: { sheet: string; addresses: string[] };
}

export interface XlsxContent {
  sheets: { name: string; state: SheetState }[];
  /** The defined names the query matched, in the workbook's order. */
  names: XlsxName[];
  /** The cells read, by sheet name (as the workbook spells it), then A1 address. A cell absent here is empty. */
  cells: Map<string, Map<string, CellReading>>;
}

/** A cell of the content, empty when the file does not hold it. */
export function cellOf(content: XlsxContent, sheet: string, address: string): CellReading {
  return content.cells.get(sheet)?.get(address) ?? EMPTY_CELL;
}

function addressesOf(area: CellArea): string[] {
  const addresses: string[] = [];
  for (let row = area.top; row <= area.bottom; row++)
    for (let column = area.left; column <= area.right; column++) addresses.push(cellAddress({ row, column }));
  return addresses;
}

/**
 * Reads the asked-for defined names and cells of an untrusted .xlsx, at a cost that follows
 * its bytes: the zip is inflated and counted first (a bomb is refused whatever it declares),
 * then only the workbook part, the sheets that hold asked-for cells, and the shared strings
 * and number formats those cells use are parsed — each once, streaming, keeping only the
 * asked-for cells. Ranges the file declares (merges, validations, conditional formats,
 * filters, hyperlinks, tables, print areas, column spans) are never read, so never expanded;
 * a defined name's area is arithmetic until it is known to be small.
 *
 * Throws {@link XlsxRefusal} for anything it will not read; never anything else for any bytes.
 */
export async function readXlsx(
  buffer: Buffer,
  query: XlsxQuery,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<XlsxContent> {
  const zip = await ZipArchive.open(buffer, limits);
  try {
    await zip.inflateAll();
    const workbook = await readWorkbookPart(zip, limits);
    const sheetByName = new Map(workbook.sheets.map((s) => [s.name.toLowerCase(), s]));
    const wanted = new Map<string, CellSelection>();
    for (const name of query.wholeSheets) {
      const sheet = sheetByName.get(name.toLowerCase());
      if (sheet) wanted.set(sheet.name, { all: limits.cellsPerWholeSheet });
    }

    const matcher = new RegExp(query.names.source, query.names.flags.replace(/[gy]/g, ''));
    let namedCells = 0;
    const names: XlsxName[] = [];
    for (const entry of workbook.names) {
      if (!matcher.test(entry.name)) continue;
      const area = parseAreaReference(entry.formula);
      const sheet = area ? sheetByName.get(area.sheet.toLowerCase()) : undefined;
      const name: XlsxName = {
        name: entry.name,
        formula: entry.formula,
        ...(entry.scope ? { scope: entry.scope } : {}),
      };
      names.push(name);
      if (!area || !sheet || areaSize(area) > limits.cellsPerName) continue;
      namedCells += areaSize(area);
      if (namedCells > limits.namedCells)
        throw new XlsxRefusal('too-complex', `names cover more than ${limits.namedCells} cells`);
      const addresses = addressesOf(area);
      name.target = { sheet: sheet.name, addresses };
      const selection = wanted.get(sheet.name) ?? { addresses: new Set<string>() };
      if ('addresses' in selection) for (const a of addresses) (selection.addresses as Set<string>).add(a);
      wanted.set(sheet.name, selection);
    }

    const sheetsRead = new Map<string, SheetCells>();
    for (const [sheetName, selection] of wanted) {
      const part = sheetByName.get(sheetName.toLowerCase())?.part;
      if (!part || !zip.has(part)) throw new XlsxRefusal('not-xlsx', `sheet ${sheetName} has no part`);
      sheetsRead.set(sheetName, await readSheetCells(zip, part, selection));
    }

    const rawCells = [...sheetsRead.values()].flatMap((sheet) => [...sheet.cells.values()]);
    const stringIndexes = new Set(
      rawCells.filter((c) => c.type === 's' && c.formula === undefined && c.value).map((c) => Number(c.value)),
    );
    const needsStyles = rawCells.some((c) => c.style !== undefined && (c.type === undefined || c.type === 'n'));
    const sharedStrings = workbook.sharedStringsPart
      ? await readSharedStrings(zip, workbook.sharedStringsPart, stringIndexes)
      : new Map<number, string>();
    const dateStyles = needsStyles && workbook.stylesPart ? await readDateStyles(zip, workbook.stylesPart) : [];

    const cells = new Map<string, Map<string, CellReading>>();
    for (const [sheetName, sheet] of sheetsRead) {
      const context: CellContext = {
        sharedStrings,
        dateStyles,
        date1904: workbook.date1904,
        sharedFormulas: sheet.sharedFormulas,
      };
      cells.set(sheetName, new Map([...sheet.cells].map(([address, cell]) => [address, readRawCell(cell, context)])));
    }
    return { sheets: workbook.sheets.map(({ name, state }) => ({ name, state })), names, cells };
  } finally {
    zip.close();
  }
}
