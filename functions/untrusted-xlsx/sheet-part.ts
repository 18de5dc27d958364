import { cellAddress, parseCellAddress } from './address';
import { XlsxRefusal } from './refusal';
import { STOP, parseXml } from './xml-events';
import type { ZipArchive } from './zip-archive';

/** A cell as the sheet's XML holds it, before shared strings and number formats are applied. */
export interface RawCell {
  /** The `t` attribute: s, str, inlineStr, b, e, d, n (or absent). */
  type?: string;
  /** Index into the workbook's cell formats. */
  style?: number;
  /** Present when the cell has a formula (empty text for a shared formula's other cells). */
  formula?: string;
  /** The shared formula's group, for a cell that borrows its master's formula. */
  sharedIndex?: string;
  /** The `<v>` text: the value, or the formula's cached result. */
  value?: string;
  /** The text of an inline string. */
  inline?: string;
}

export interface SheetCells {
  /** Cells by A1 address. */
  cells: Map<string, RawCell>;
  /** Shared formulas' text by group, for messages about cells that borrow one. */
  sharedFormulas: Map<string, string>;
}

/** Which cells of a sheet to keep: these addresses, or every cell up to a number. */
export type CellSelection = { addresses: ReadonlySet<string> } | { all: number };

/**
 * Reads the cells of one sheet that the caller asked for, in one pass over `<sheetData>`, and
 * stops there: merges, validations, conditional formats, hyperlinks, filters and everything
 * else a sheet declares after its data are never parsed, let alone expanded.
 */
export async function readSheetCells(zip: ZipArchive, part: string, selection: CellSelection): Promise<SheetCells> {
  const cells = new Map<string, RawCell>();
  const sharedFormulas = new Map<string, string>();
  const keep = (address: string): boolean => ('addresses' in selection ? selection.addresses.has(address) : true);
  let row = 0;
  let column = 0;
  let address: string | undefined;
  let cell: RawCell | undefined;
  let sharedMaster: string | undefined;
  /** The element whose text is being collected. */
  let into: 'formula' | 'value' | 'inline' | 'master' | undefined;
  let inPhonetic = false;

  await parseXml(part, zip.read(part), {
    open(name, a) {
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? row + 1 : Number(a.r);
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          column = 0;
          return;
        }
        case 'c': {
          const position = a.r === undefined ? undefined : parseCellAddress(a.r);
          if (position) {
            row = position.row;
            column = position.column;
          } else column += 1;
          address = cellAddress({ row, column });
          cell = keep(address) ? { ...(a.t ? { type: a.t } : {}), ...(a.s ? { style: Number(a.s) } : {}) } : undefined;
          return;
        }
        case 'f':
          if (a.t === 'shared' && a.si !== undefined) {
            if (a.ref !== undefined) sharedMaster = a.si;
            if (cell) cell.sharedIndex = a.si;
          }
          if (cell) {
            cell.formula = '';
            into = 'formula';
          } else if (sharedMaster !== undefined) into = 'master';
          return;
        case 'v':
          if (cell) {
            cell.value = '';
            into = 'value';
          }
          return;
        case 'is':
          if (cell) cell.inline = '';
          return;
        case 't':
          if (cell?.inline !== undefined && !inPhonetic) into = 'inline';
          return;
        case 'rPh':
          inPhonetic = true;
          return;
      }
    },
    text(text) {
      if (!into) return;
      if (into === 'master') {
        sharedFormulas.set(sharedMaster!, (sharedFormulas.get(sharedMaster!) ?? '') + text);
        return;
      }
      if (!cell) return;
      if (into === 'formula') cell.formula += text;
      else if (into === 'value') cell.value += text;
      else cell.inline += text;
    },
    close(name) {
      switch (name) {
        case 'f':
          if (cell && sharedMaster !== undefined) sharedFormulas.set(sharedMaster, cell.formula ?? '');
          sharedMaster = undefined;
          into = undefined;
          return;
        case 'v':
        case 't':
          into = undefined;
          return;
        case 'rPh':
          inPhonetic = false;
          return;
        case 'c':
          if (cell && address && hasContent(cell)) {
            cells.set(address, cell);
            if ('all' in selection && cells.size > selection.all)
              throw new XlsxRefusal('too-complex', `${part} holds more than ${selection.all} cells`);
          }
          cell = undefined;
          address = undefined;
          return;
        case 'sheetData':
          throw STOP;
      }
    },
  });
  return { cells, sharedFormulas };
}

const hasContent = (cell: RawCell): boolean =>
  cell.formula !== undefined || cell.value !== undefined || cell.inline !== undefined;
