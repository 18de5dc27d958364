import type { CellId, ResolvedTemplate } from './resolve';

export interface CellPosition {
  /** 1-based row and column, as in Excel. */
  row: number;
  column: number;
  /** "B7" */
  a1: string;
}

export interface SectionLayout {
  id: string;
  titleRow: number;
  headerRow: number;
  /** 1-based worksheet row per template row id. */
  rowNumbers: ReadonlyMap<string, number>;
  /** 1-based worksheet column per template column id. */
  columnNumbers: ReadonlyMap<string, number>;
}

export interface TemplateLayout {
  sheetName: string;
  titleRow: number;
  subtitleRow: number;
  helpRow: number;
  labelColumn: number;
  sections: SectionLayout[];
  lastRow: number;
  lastColumn: number;
  positions: ReadonlyMap<CellId, CellPosition>;
}

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** `'Blad 1'!B7` — quotes only where Excel needs them. */
export function sheetAddress(sheetName: string, address: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}

/**
 * Where each part of a template sits on its sheet. Pure and deterministic, so the workbook
 * writer, the add-in and validation messages agree on every address. Parsing never relies on
 * it: input cells are found through their defined names.
 */
export function layoutTemplate(template: ResolvedTemplate): TemplateLayout {
  const labelColumn = 1;
  const firstSectionRow = 5;
  let row = firstSectionRow;
  let lastColumn = labelColumn;
  const positions = new Map<CellId, CellPosition>();
  const sections: SectionLayout[] = template.sections.map((section) => {
    const titleRow = row;
    const headerRow = row + 1;
    const columnNumbers = new Map(section.columns.map((c, i) => [c.id, labelColumn + 1 + i]));
    lastColumn = Math.max(lastColumn, labelColumn + section.columns.length);
    const rowNumbers = new Map<string, number>();
    section.rows.forEach((r, i) => {
      const sheetRow = headerRow + 1 + i;
      rowNumbers.set(r.id, sheetRow);
      for (const cell of r.cells) {
        const column = columnNumbers.get(cell.column) ?? labelColumn + 1;
        positions.set(cell.id, { row: sheetRow, column, a1: a1(sheetRow, column) });
      }
    });
    row = headerRow + section.rows.length + 2;
    return { id: section.id, titleRow, headerRow, rowNumbers, columnNumbers };
  });
  return {
    sheetName: template.definition.sheetName,
    titleRow: 1,
    subtitleRow: 2,
    helpRow: 3,
    labelColumn,
    sections,
    lastRow: row - 2,
    lastColumn,
    positions,
  };
}

/** The Excel defined name that points at an input cell. Names may hold dots; ids never hold hyphens. */
export function definedNameForCell(id: CellId): string {
  return `SAM.${id}`;
}

export function cellIdFromDefinedName(name: string): CellId | undefined {
  const match = /^SAM\.([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)$/i.exec(name);
  return match?.[1]?.toLowerCase();
}
