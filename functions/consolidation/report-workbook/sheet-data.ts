import type ExcelJS from 'exceljs';
import { columnLetter } from '../../../shared/model/layout';

/** A cell's value: text, a number, or nothing (a cell that only carries a style). */
export type CellValue = string | number | null;
type Style = Readonly<Partial<ExcelJS.Style>>;

/**
 * What a cell's style is registered as: exceljs gives a style without a number format "General"
 * for numbers and empty cells.
 */
export type CellKind = 'number' | 'string' | 'empty';

/**
 * The package's shared tables, as exceljs' writer keeps them once it has prepared the workbook:
 * the id of a style in styles.xml and of a text in sharedStrings.xml.
 */
export interface PackageTables {
  styleId(style: Style, kind: CellKind): number;
  stringId(text: string): number;
}

/** A row's cells as two arrays by column, not an object per cell: a report has tens of thousands. */
interface Row {
  height?: number;
  /** undefined where the row has no cell. */
  values: (CellValue | undefined)[];
  styles: (Style | undefined)[];
}

/**
 * A report sheet's cells and row heights, written straight to the sheet's `<sheetData>` XML.
 * exceljs keeps an object per cell with its own style and then turns each into a model and XML;
 * for the tens of thousands of cells a report has, that was most of writing the workbook. So the
 * renderer puts values and (shared) styles here, and exceljs writes only the rest of the sheet —
 * columns, views, page setup, merges, page breaks, notes — around it.
 */
export class SheetData {
  private readonly rows: (Row | undefined)[] = [];

  private row(number: number): Row {
    let row = this.rows[number];
    if (!row) this.rows[number] = row = { values: [], styles: [] };
    return row;
  }

  set(row: number, column: number, value: CellValue, style?: Style): void {
    const cells = this.row(row);
    cells.values[column] = value;
    cells.styles[column] = style;
  }

  /** The style of a cell set before (undefined if none): merged cells take their first cell's. */
  styleAt(row: number, column: number): Style | undefined {
    return this.rows[row]?.styles[column];
  }

  height(row: number, points: number): void {
    this.row(row).height = points;
  }

  /**
   * The `<sheetData>` element, as bytes (it is ASCII: references, numbers and ids), and the
   * `<dimension>` ref (the range holding cells). Written into a buffer outside the JavaScript
   * heap row by row, so the sheet's XML never lives as one long chain of strings that the
   * garbage collector would copy from generation to generation.
   */
  xml(tables: PackageTables): { sheetData: Buffer; dimension: string } {
    const out = new AsciiBuffer();
    out.write('<sheetData>');
    let first = 0;
    let last = 0;
    let left = Infinity;
    let right = 0;
    const ids = new Map<Style, string>();
    const styleAttribute = (style: Style, kind: CellKind) => {
      let s = ids.get(style);
      if (s === undefined) {
        const id = tables.styleId(style, kind);
        ids.set(style, (s = id ? ` s="${id}"` : ''));
      }
      return s;
    };
    for (let r = 1; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const open = `<row r="${r}"${row.height === undefined ? '' : ` ht="${row.height}" customHeight="1"`}`;
      // A row's cells as one string, written at once: a write per cell costs more than the string.
      let cells = '';
      const { values, styles } = row;
      for (let c = 1; c < values.length; c++) {
        const value = values[c];
        if (value === undefined) continue;
        if (c < left) left = c;
        if (c > right) right = c;
        const style = styles[c];
        // NaN or ±Infinity has no place in <v>: Excel would call the file damaged, so it is an empty cell.
        const kind: CellKind =
          typeof value === 'number'
            ? Number.isFinite(value)
              ? 'number'
              : 'empty'
            : value === null
              ? 'empty'
              : 'string';
        const cell = `<c r="${letter(c)}${r}"${style ? styleAttribute(style, kind) : ''}`;
        if (kind === 'number') cells += `${cell}><v>${value}</v></c>`;
        else if (kind === 'string') cells += `${cell} t="s"><v>${tables.stringId(value as string)}</v></c>`;
        else cells += `${cell}/>`;
      }
      if (cells) {
        out.write(`${open}>${cells}</row>`);
        if (!first) first = r;
        last = r;
      } else out.write(`${open}/>`);
    }
    out.write('</sheetData>');
    const dimension = first ? `${letter(left)}${first}:${letter(right)}${last}` : 'A1';
    return { sheetData: out.bytes(), dimension };
  }
}

/** A growing buffer for ASCII text. */
class AsciiBuffer {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private length = 0;

  write(text: string): void {
    if (this.length + text.length > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + text.length));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length, 'latin1');
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/** Column letters, worked out once per column. */
const letters: string[] = [];
export const letter = (column: number) => (letters[column] ??= columnLetter(column));
