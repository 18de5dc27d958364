import type { RejectedRow, RowProblem, RowProblemCode } from './aggregate-participants';
import { FIELD_INFO } from './fields';

const problemText = {
  'missing-value': (p) => `${FIELD_INFO[p.field].label} saknas`,
  'invalid-date': (p) => `${FIELD_INFO[p.field].label} ”${p.raw ?? ''}” är inget datum (skriv t.ex. 2023-05-31)`,
  'end-before-start': (p) => `avslutsdatum ${p.raw ?? ''} är före startdatum`,
  'unknown-category': (p) => `${FIELD_INFO[p.field].label} ”${p.raw ?? ''}” är inte kopplat till något val`,
} satisfies Record<RowProblemCode, (p: RowProblem) => string>;

export function renderRowProblem(problem: RowProblem): string {
  return problemText[problem.code](problem);
}

/** "Rad 14: Kön saknas; avslutsdatum 2023-01-02 är före startdatum." */
export function renderRejectedRow(row: RejectedRow): string {
  const text = row.problems.map(renderRowProblem).join('; ');
  return `Rad ${row.rowNumber}: ${text.charAt(0).toLocaleUpperCase('sv')}${text.slice(1)}.`;
}
