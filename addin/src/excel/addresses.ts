import { a1, columnLetter } from '../../../shared/model/layout';

/** A cell or range on a sheet, as plain data the pane can hold between batches. */
export interface SheetCell {
  sheet: string;
  /** "D7", no dollar signs. */
  address: string;
}

/**
 * Splits what Excel reports for a range or a name's formula — `'Deltagare och avslut'!$D$7`,
 * `=Blad1!B2`, `Blad1!A1:C3` — into sheet and address.
 */
export function splitSheetAddress(text: string): SheetCell | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(text.trim());
  if (!m) return undefined;
  return { sheet: (m[1] ?? m[2] ?? '').replace(/''/g, "'"), address: (m[3] ?? '').replace(/\$/g, '') };
}

/** `'Deltagare och avslut'!D7`: always quoted, which Excel accepts for any sheet name. */
export function qualified(cell: SheetCell): string {
  return `'${cell.sheet.replace(/'/g, "''")}'!${cell.address}`;
}

export function parseA1(address: string): { row: number; column: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1] ?? '') column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** The smallest rectangle holding every cell; undefined for none. */
export function boundingBox(
  addresses: readonly string[],
): { top: number; left: number; bottom: number; right: number; address: string } | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const address of addresses) {
    const p = parseA1(address);
    if (!p) continue;
    top = Math.min(top, p.row);
    left = Math.min(left, p.column);
    bottom = Math.max(bottom, p.row);
    right = Math.max(right, p.column);
  }
  if (bottom === 0) return undefined;
  return { top, left, bottom, right, address: `${a1(top, left)}:${a1(bottom, right)}` };
}

export { a1, columnLetter };
