import type { ExcelCapabilities } from './capabilities';
import { runExcel } from './excel-run';
import { locateInputNames } from './input-names';
import { annotationsOf, marksAt, queueMarks, type CellFinding } from './mark-findings';
import { queueInputRead, type InputRead } from './read-inputs';

export interface CheckOutcome {
  read: InputRead;
  marked: number;
  annotated: boolean;
}

/**
 * Kontrollera in one batch: reads every input cell of a template (found by its `SAM.<cellId>`
 * name, so the user may move or rename the sheet), hands the values to `check`, and marks
 * what it finds as `markFindings` does. `check` runs between the read and the writes, so the
 * validation stays the caller's (shared's validateSubmission, in the view) and the gateway
 * keeps no domain logic; it may throw to stop before anything is written.
 *
 * Three round trips whatever the template's size: the names (with Samlad's earlier notes, which
 * need nothing from them); one bulk `values` read per sheet with its protection; every write.
 */
export function checkInputCells(
  cellIds: readonly string[],
  check: (read: InputRead) => readonly CellFinding[],
  capabilities: Pick<ExcelCapabilities, 'notes' | 'comments'>,
): Promise<CheckOutcome> {
  return runExcel(async (context) => {
    const names = context.workbook.names;
    names.load('items/name,items/formula');
    const annotations = annotationsOf(context, capabilities);
    annotations?.load();
    await context.sync(); // 1: where every name points, and the notes an earlier check left

    const wanted = new Set(cellIds);
    const located = locateInputNames(names.items, (id) => wanted.has(id));
    const queued = queueInputRead(context, located);
    for (const sheet of queued.sheets.values()) sheet.protection.load('protected');
    await context.sync(); // 2: the values, and which sheets are protected

    const read: InputRead = { cells: queued.collect(), missing: cellIds.filter((id) => !located.has(id)) };
    const marks = marksAt(new Map(read.cells.map((c) => [c.cellId, c])), check(read));
    queueMarks(queued.sheets, annotations, read.cells, marks);
    await context.sync(); // 3: every write at once
    return { read, marked: marks.length, annotated: annotations !== undefined };
  });
}
