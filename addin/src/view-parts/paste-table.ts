import type { ParticipantTable } from '../../../shared/aggregation/table-mapping';

/**
 * A table pasted from Excel (or Numbers, LibreOffice): rows by line, cells by tab, the first
 * line the headers. Excel quotes a cell holding a tab or a line break with double quotes, and
 * doubles quotes inside it; that is handled, so a comment cell with a line break does not
 * split a row. Rows are numbered as in the source sheet if the header was on row 1.
 */
export function parsePastedTable(text: string): ParticipantTable | undefined {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((c) => c.trim() === '')) rows.pop();
  const [headers, ...body] = rows;
  if (!headers || body.length === 0) return undefined;
  return { headers, rows: body, firstRowNumber: 2 };
}
