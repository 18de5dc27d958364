import { qualified, type SheetCell } from './addresses';
import type { ExcelCapabilities } from './capabilities';
import { runExcel } from './excel-run';

export interface CellMark extends SheetCell {
  severity: 'fel' | 'varning';
  /** The finding in Swedish, put in the cell's note. */
  text: string;
}

/** A finding on an input cell, named by cell id: where the cell is, the caller's read knows. */
export interface CellFinding {
  cellId: string;
  severity: CellMark['severity'];
  /** The finding in Swedish, put in the cell's note. */
  text: string;
}

/** The marks for findings, at the input cells read; a finding on a cell not read has nowhere to go. */
export function marksAt(cells: ReadonlyMap<string, SheetCell>, findings: readonly CellFinding[]): CellMark[] {
  return findings.flatMap((f) => {
    const cell = cells.get(f.cellId);
    return cell ? [{ sheet: cell.sheet, address: cell.address, severity: f.severity, text: f.text }] : [];
  });
}

/**
 * The generated template's input fill (functions/template-workbook/styles.ts INPUT_FILL), restored
 * on cells without findings.
 */
export const INPUT_FILL = '#FFF2CC';
export const MARK_FILL = { fel: '#F4B6B6', varning: '#FCD9A8' } as const;
/** Marks Samlad's own notes, so a later run removes only those and never a user's. */
export const NOTE_PREFIX = 'Samlad: ';

/** The template's protection (functions/template-workbook/generate.ts), put back after marking. */
const TEMPLATE_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  selectionMode: 'Normal',
};

export interface Annotations {
  load(): void;
  deleteOurs(): void;
  add(address: string, text: string): void;
}

/** Notes where Excel has them (ExcelApi 1.18), else comments (1.10), else none: the fill alone still shows the cell. */
export function annotationsOf(
  context: Excel.RequestContext,
  capabilities: Pick<ExcelCapabilities, 'notes' | 'comments'>,
): Annotations | undefined {
  if (capabilities.notes) {
    const notes = context.workbook.notes;
    return {
      load: () => notes.load('items/content'),
      deleteOurs: () => notes.items.filter((n) => String(n.content).startsWith(NOTE_PREFIX)).forEach((n) => n.delete()),
      add: (address, text) => notes.add(address, text),
    };
  }
  if (capabilities.comments) {
    const comments = context.workbook.comments;
    return {
      load: () => comments.load('items/content'),
      deleteOurs: () =>
        comments.items.filter((c) => String(c.content).startsWith(NOTE_PREFIX)).forEach((c) => c.delete()),
      add: (address, text) => comments.add(address, text),
    };
  }
  return undefined;
}

/**
 * Shows findings in the sheet: every input cell gets its input fill back, cells with findings
 * get a red (fel) or orange (varning) fill and a note with the message; Samlad's notes from an
 * earlier check are removed first. Two round trips whatever the number of cells: load the
 * sheets' protection and existing notes, then queue every write.
 *
 * The template sheet is protected without a password (it guards the layout, not secrets), and
 * formatting locked or unlocked cells needs it off, so it is lifted and put back in the same batch.
 */
export function markFindings(
  inputs: readonly SheetCell[],
  marks: readonly CellMark[],
  capabilities: Pick<ExcelCapabilities, 'notes' | 'comments'>,
): Promise<{ marked: number; annotated: boolean }> {
  return runExcel(async (context) => {
    const sheetNames = [...new Set([...inputs, ...marks].map((c) => c.sheet))];
    const sheets = sheetNames.map((name) => {
      const sheet = context.workbook.worksheets.getItem(name);
      sheet.protection.load('protected');
      return { name, sheet };
    });
    const annotations = annotationsOf(context, capabilities);
    annotations?.load();
    await context.sync(); // 1: protection and existing annotations

    queueMarks(new Map(sheets.map((s) => [s.name, s.sheet])), annotations, inputs, marks);
    await context.sync(); // 2: every write at once
    return { marked: marks.length, annotated: annotations !== undefined };
  });
}

/**
 * Queues every marking write, on sheets whose `protection/protected` and annotations (if any)
 * the caller loaded and synced. Marks on a sheet not in `sheets` are skipped.
 */
export function queueMarks(
  sheets: ReadonlyMap<string, Excel.Worksheet>,
  annotations: Annotations | undefined,
  inputs: readonly SheetCell[],
  marks: readonly CellMark[],
): void {
  // Noted before unprotecting: which sheets get their protection back at the end.
  const wasProtected = [...sheets.values()].filter((sheet) => sheet.protection.protected);
  for (const sheet of wasProtected) sheet.protection.unprotect();
  annotations?.deleteOurs();
  for (const cell of inputs) {
    const sheet = sheets.get(cell.sheet);
    if (sheet) sheet.getRange(cell.address).format.fill.color = INPUT_FILL;
  }
  for (const mark of marks) {
    const sheet = sheets.get(mark.sheet);
    if (!sheet) continue;
    sheet.getRange(mark.address).format.fill.color = MARK_FILL[mark.severity];
    annotations?.add(qualified(mark), `${NOTE_PREFIX}${mark.text}`);
  }
  for (const sheet of wasProtected) sheet.protection.protect(TEMPLATE_PROTECTION);
}
