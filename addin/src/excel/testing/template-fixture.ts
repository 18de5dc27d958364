/**
 * The workbook the gateway tests share: a real template (Deltagare och avslut, Umeåregionen
 * 2023) with its `SAM.*` names, and synthetic blocks of n input cells for the round-trip counts.
 */
import { registry } from '../../../../shared/config/registry';
import { definedNameForCell, layoutTemplate } from '../../../../shared/model/layout';
import { resolveTemplate } from '../../../../shared/model/resolve';
import { findForbund, findTemplate } from '../../../../shared/model/selectors';
import { a1 } from '../addresses';
import type { ExcelCapabilities } from '../capabilities';
import { INPUT_FILL, MARK_FILL, NOTE_PREFIX } from '../mark-findings';
import type { MockExcel, MockSheet } from './mock-excel';

export const SHEET = 'Deltagare och avslut';
export const template = resolveTemplate(
  findTemplate(registry, 'deltagare-avslut', 2023)!,
  findForbund(registry, 'umearegionen')!,
  2023,
);
export const layout = layoutTemplate(template);
export const capabilities: ExcelCapabilities = {
  insertSheets: true,
  notes: true,
  comments: true,
  customXml: true,
  createWorkbook: true,
  rangeTables: true,
};

/** The defined name of an input cell on SHEET, as Excel reports it (absolute reference). */
export const nameFor = (id: string, address: string) => ({
  name: definedNameForCell(id),
  formula: `='${SHEET}'!$${address.replace(/(\d+)/, '$$$1')}`,
});
export const templateNames = [...layout.positions].map(([id, p]) => nameFor(id, p.a1));

/** A sheet with `n` synthetic input cells named SAM.s.r<i>.k holding i, laid out 10 per row from B2. */
export function syntheticInputs(n: number): {
  sheet: MockSheet;
  names: { name: string; formula: string }[];
  ids: string[];
  positions: Map<string, string>;
} {
  const cells: Record<string, unknown> = {};
  const names: { name: string; formula: string }[] = [];
  const positions = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const address = a1(2 + Math.floor(i / 10), 2 + (i % 10));
    const id = `s.r${i}.k`;
    positions.set(id, address);
    cells[address] = i;
    names.push(nameFor(id, address));
  }
  return { sheet: { name: SHEET, cells, protected: true }, names, ids: [...positions.keys()], positions };
}

/**
 * What marking one *fel* on the total (D7) of a protected SHEET must leave: that cell filled
 * and annotated, the other inputs back to the input fill, Samlad's earlier note replaced (the
 * user's own kept), and the sheet protected again.
 */
export function expectTotalMarkedAsFel(excel: MockExcel, text: string): void {
  const d7 = layout.positions.get('deltagare.antal.tot')!.a1;
  const fills = excel.fills();
  expect(fills.get(`${SHEET}!${d7}`)).toBe(MARK_FILL.fel);
  expect(fills.get(`${SHEET}!${layout.positions.get('deltagare.antal.k')!.a1}`)).toBe(INPUT_FILL);
  expect(excel.notesAdded).toEqual([{ address: `'${SHEET}'!${d7}`, content: `${NOTE_PREFIX}${text}` }]);
  expect(excel.notesDeleted).toEqual([`${NOTE_PREFIX}old finding`]);
  expect(excel.protections).toEqual([
    { sheet: SHEET, action: 'unprotect' },
    { sheet: SHEET, action: 'protect' },
  ]);
}
