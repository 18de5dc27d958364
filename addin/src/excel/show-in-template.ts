import type { ExcelCapabilities } from './capabilities';
import { runExcel } from './excel-run';
import {
  insertUnsupported,
  loadSheetsAndNames,
  queueInsert,
  queueMissingNames,
  type TemplateInsert,
} from './insert-template';
import { locateInputNames } from './input-names';
import { queueValueWrites, type InputValues } from './write-values';

export interface ShowOutcome {
  /** False when the workbook already had the sheet (and replacing was not asked): the values went into it. */
  inserted: boolean;
  /** `SAM.*` names restored because the host did not carry them with the sheet. */
  namesAdded: number;
  written: number;
  /** Cell ids with a value but no usable name in the workbook. */
  missing: string[];
}

/**
 * "Visa i mallen" in one batch: inserts the template sheet unless the workbook has it, then
 * writes the values into the input cells through their `SAM.*` names. The names the insert
 * did not carry are restored in the same round trip as the writes, and the restored cells are
 * written by their known position, so at most three round trips whatever the number of values:
 * what the workbook holds; the insert and the names after it; every name and value write.
 * Two when the sheet is already there.
 *
 * Needs insertWorksheetsFromBase64 (ExcelApi 1.13) even when the sheet exists, as the separate
 * insert and write did, so the pane's message where Excel lacks it stays the same.
 */
export function showValuesInTemplate(
  input: TemplateInsert,
  values: InputValues,
  capabilities: Pick<ExcelCapabilities, 'insertSheets'>,
): Promise<ShowOutcome> {
  if (!capabilities.insertSheets) return Promise.reject(insertUnsupported());
  const wanted = (id: string): boolean => Object.hasOwn(values, id);
  return runExcel(async (context) => {
    const { sheets, names } = loadSheetsAndNames(context, 'items/name,items/formula');
    await context.sync(); // 1: what is there

    const inserted = queueInsert(context, input, sheets, names);
    let restored = new Map<string, string>();
    if (inserted) {
      names.load('items/name,items/formula');
      await context.sync(); // 2: inserted, and where the names it carried point
      restored = queueMissingNames(names, inserted, input.positions);
    }
    const located = locateInputNames(names.items, wanted);
    for (const [id, address] of restored) if (wanted(id)) located.set(id, { sheet: input.sheetName, address });
    queueValueWrites(context, located, values);
    await context.sync(); // 3 (2 without an insert): restored names and every value
    return {
      inserted: inserted !== undefined,
      namesAdded: restored.size,
      written: located.size,
      missing: Object.keys(values).filter((id) => !located.has(id)),
    };
  });
}
