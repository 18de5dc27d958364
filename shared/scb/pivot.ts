import { figureOf, type Coordinates, type Observation } from './observations';
import { recognise, roleOfVariableName, splitHeading, VARIABLE_ROLES, type VariableRole } from './vocabulary';

/**
 * PxWeb's table layout, shared by its CSV and xlsx downloads: stub columns on the left (one
 * per stub variable, or a code and a text column each), heading texts above the data columns,
 * one data row per combination of stub values.
 */
export interface PivotRow {
  /** The row's number in the file, for messages. */
  line: number;
  /** Stub cells left to right; undefined where the file leaves a repeated value blank (xlsx). */
  stub: (string | undefined)[];
  /** The data cells the row holds, by column (sparse: a file's cells, never a declared range). */
  cells: { column: number; raw: string | number }[];
}

export interface Pivot {
  title?: string;
  /** The stub columns' headers when the file names them (CSV); undefined where it does not (xlsx). */
  stubNames: (string | undefined)[];
  /** A data column's heading: one text per heading row (xlsx), or PxWeb's joined text (CSV). */
  headingOf(column: number): string[] | undefined;
  /** Each heading row's texts (xlsx); none when the heading is one joined text per column (CSV). */
  headingRows: string[][];
  rows: PivotRow[];
  /** "rad 12" or "cell C14". */
  where(line: number, column: number): string;
}

/** Roles tried in this order when a column's values fit several (a content label also looks like a place name). */
const PREFERENCE: readonly VariableRole[] = ['contents', 'tid', 'kon', 'alder', 'region'];

/** The variable a column or heading row holds, judged by how many of its texts each variable recognises. */
export function roleOfTexts(texts: Iterable<string>): VariableRole | undefined {
  const counts = new Map<VariableRole, number>();
  for (const text of texts)
    for (const role of PREFERENCE)
      if (recognise[role](text) !== undefined) counts.set(role, (counts.get(role) ?? 0) + 1);
  let best: VariableRole | undefined;
  for (const role of PREFERENCE) if ((counts.get(role) ?? 0) > (best ? counts.get(best)! : 0)) best = role;
  return best;
}

function distinct(values: Iterable<string | undefined>): Set<string> {
  const out = new Set<string>();
  for (const v of values) if (v !== undefined && v.trim() !== '') out.add(v.trim());
  return out;
}

/**
 * The pivot's figures as observations. Each stub column's variable comes from its header, or,
 * where the file names none, from its values; each heading row's likewise. A PxWeb heading text
 * joins the heading variables' values, so it is split by what the table's values look like.
 */
export function observationsOfPivot(pivot: Pivot): { observations: Observation[]; problems: string[] } {
  const stubRoles = pivot.stubNames.map(
    (name, k) => roleOfVariableName(name) ?? roleOfTexts(distinct(pivot.rows.map((r) => r.stub[k]))),
  );
  const headingRowRoles = pivot.headingRows.map((texts) => roleOfTexts(distinct(texts)));
  const inStub = new Set(stubRoles.filter((r): r is VariableRole => r !== undefined));
  const joinedRoles = VARIABLE_ROLES.filter((r) => !inStub.has(r));

  const headings = new Map<number, Coordinates | undefined>();
  const headingAt = (column: number) => {
    if (!headings.has(column)) {
      const texts = pivot.headingOf(column);
      let at: Coordinates | undefined;
      if (texts) {
        at = {};
        if (pivot.headingRows.length > 0)
          texts.forEach((t, h) => {
            const role = headingRowRoles[h];
            if (role) at![role] = t;
          });
        else for (const t of texts) Object.assign(at, splitHeading(t, joinedRoles));
      }
      headings.set(column, at);
    }
    return headings.get(column);
  };

  const observations: Observation[] = [];
  const problems: string[] = [];
  const carried: (string | undefined)[] = [];
  let notNumbers = 0;
  let firstNotNumber = '';
  for (const row of pivot.rows) {
    const at: Coordinates = {};
    row.stub.forEach((text, k) => {
      // xlsx leaves an outer stub value blank until it changes: the value above holds.
      if (text !== undefined && text.trim() !== '') carried[k] = text.trim();
      const role = stubRoles[k];
      const value = carried[k];
      if (!role || value === undefined) return;
      at[role] = at[role] === undefined ? value : `${at[role]} ${value}`;
    });
    for (const cell of row.cells) {
      const heading = headingAt(cell.column);
      if (!heading) continue;
      const value = figureOf(cell.raw);
      if (value === undefined) {
        if (notNumbers++ === 0) firstNotNumber = `${pivot.where(row.line, cell.column)}: ”${String(cell.raw)}”`;
        continue;
      }
      observations.push({ at, heading, value });
    }
  }
  if (notNumbers > 0)
    problems.push(
      `${notNumbers === 1 ? 'En cell' : `${notNumbers} celler`} i tabellen är inte tal och hoppas ` +
        `över (första: ${firstNotNumber}).`,
    );
  return { observations, problems };
}
