/**
 * A small linear-programming solver for the suppression audit: maximise c·x over x ≥ 0 subject
 * to linear equalities and inequalities. Two-phase simplex on a dense tableau with Bland's
 * rule (the lowest-numbered improving column enters, ties in the ratio test go to the
 * lowest-numbered basic variable), which cannot cycle. The problems it gets are small — the
 * hidden cells of one table and the sums through them — with coefficients ±1, so a dense
 * tableau in floating point with a tolerance is exact enough; results within the tolerance of
 * an integer are returned as that integer.
 */

export type ConstraintKind = 'le' | 'eq' | 'ge';

export interface LinearConstraint {
  /** Coefficient per variable index; variables not named have 0. */
  coefficients: ReadonlyMap<number, number>;
  kind: ConstraintKind;
  rhs: number;
}

export type LinearResult =
  | {
      status: 'optimal';
      value: number;
      /**
       * Per constraint, in the order given: how much the optimum moves per unit of its
       * right-hand side (the dual value; its sign depends on the constraint's direction). A
       * constraint with 0 does not bound the optimum; those that are not 0 prove it.
       */
      duals: number[];
    }
  | { status: 'unbounded' }
  | { status: 'infeasible' };

const EPS = 1e-9;

const snap = (value: number): number => (Math.abs(value - Math.round(value)) < 1e-7 ? Math.round(value) : value);

/**
 * Maximises `objective`·x for x ≥ 0 (x has `variables` entries) under `constraints`.
 *
 * @example
 * // max x0 subject to x0 + x1 = 5, x1 ≥ 2  →  3
 * maximize(2, new Map([[0, 1]]), [
 *   { coefficients: new Map([[0, 1], [1, 1]]), kind: 'eq', rhs: 5 },
 *   { coefficients: new Map([[1, 1]]), kind: 'ge', rhs: 2 },
 * ]);
 */
export function maximize(
  variables: number,
  objective: ReadonlyMap<number, number>,
  constraints: readonly LinearConstraint[],
): LinearResult {
  return feasibleRegion(variables, constraints)?.maximize(objective) ?? { status: 'infeasible' };
}

/** The region the constraints allow, found once (phase 1) and then optimised over as often as asked. */
export interface FeasibleRegion {
  maximize(objective: ReadonlyMap<number, number>): Exclude<LinearResult, { status: 'infeasible' }>;
}

/** Phase 1 of the simplex: a feasible basis, or undefined when the constraints cannot all hold. */
export function feasibleRegion(
  variables: number,
  constraints: readonly LinearConstraint[],
): FeasibleRegion | undefined {
  // Every row with a non-negative right-hand side: flip the ones that are not.
  const rows = constraints.map((c) => {
    if (c.rhs >= 0) return c;
    const flipped = new Map([...c.coefficients].map(([j, a]) => [j, -a]));
    const kind: ConstraintKind = c.kind === 'le' ? 'ge' : c.kind === 'ge' ? 'le' : 'eq';
    return { coefficients: flipped, kind, rhs: -c.rhs };
  });
  const slackCount = rows.filter((r) => r.kind !== 'eq').length;
  const firstArtificial = variables + slackCount;
  const width = firstArtificial + rows.filter((r) => r.kind !== 'le').length;
  const start = new Tableau(rows.length, width);
  /** For each constraint, its column of the starting identity. */
  const identity: number[] = [];
  let slack = variables;
  let artificial = firstArtificial;
  rows.forEach((row, i) => {
    const line = start.rows[i]!;
    for (const [j, a] of row.coefficients) line[j]! += a;
    line[width] = row.rhs;
    if (row.kind === 'ge') line[slack++] = -1;
    const basic = row.kind === 'le' ? slack++ : artificial++;
    line[basic] = 1;
    start.setBasic(i, basic);
    identity.push(basic);
  });

  // Drive the artificial variables to zero, or the constraints cannot all hold.
  const isArtificial = (j: number) => j >= firstArtificial;
  start.optimize(
    (j) => (isArtificial(j) ? -1 : 0),
    () => true,
  );
  let infeasibility = 0;
  for (let i = 0; i < rows.length; i++) if (isArtificial(start.basis[i]!)) infeasibility += start.rows[i]![width]!;
  if (infeasibility > 1e-7) return undefined;
  // An artificial variable still basic (at zero) leaves on any other column. A row with none is
  // redundant: it stays, its artificial basic at zero, inert (its other entries are 0 and stay 0),
  // so the starting identity still gives B⁻¹ whole and the duals stay right.
  for (let i = 0; i < rows.length; i++) {
    if (!isArtificial(start.basis[i]!)) continue;
    const line = start.rows[i]!;
    for (let j = 0; j < firstArtificial; j++)
      if (Math.abs(line[j]!) > EPS) {
        start.pivot(i, j);
        break;
      }
  }

  return {
    maximize(objective) {
      const tableau = start.copy();
      const cost = (j: number) => objective.get(j) ?? 0;
      if (tableau.optimize(cost, (j) => !isArtificial(j)) === 'unbounded') return { status: 'unbounded' };
      let value = 0;
      for (let i = 0; i < rows.length; i++) value += cost(tableau.basis[i]!) * tableau.rows[i]![width]!;
      // y = c_B · B⁻¹, and B⁻¹'s columns are where the starting identity's columns are now.
      const duals = constraints.map((c, r) => {
        let y = 0;
        for (let i = 0; i < rows.length; i++) y += cost(tableau.basis[i]!) * tableau.rows[i]![identity[r]!]!;
        const signed = c.rhs >= 0 ? y : -y;
        return Math.abs(signed) <= EPS ? 0 : signed;
      });
      return { status: 'optimal', value: snap(value), duals };
    },
  };
}

/** A dense simplex tableau: one row per constraint, the right-hand side in the last column. */
class Tableau {
  readonly rows: Float64Array[];
  readonly basis: Int32Array;
  private readonly basic: Uint8Array;

  constructor(
    rowCount: number,
    private readonly width: number,
    source?: Tableau,
  ) {
    this.rows = Array.from({ length: rowCount }, (_, i) =>
      source ? Float64Array.from(source.rows[i]!) : new Float64Array(width + 1),
    );
    this.basis = source ? Int32Array.from(source.basis) : new Int32Array(rowCount);
    this.basic = source ? Uint8Array.from(source.basic) : new Uint8Array(width);
  }

  copy(): Tableau {
    return new Tableau(this.rows.length, this.width, this);
  }

  setBasic(row: number, column: number): void {
    this.basis[row] = column;
    this.basic[column] = 1;
  }

  /**
   * Pivots until no allowed column improves `cost` (Bland's rule). The reduced costs are kept
   * in a row of their own, updated by each pivot rather than recomputed.
   */
  optimize(cost: (j: number) => number, allowed: (j: number) => boolean): 'optimal' | 'unbounded' {
    const { rows, width } = this;
    const reduced = new Float64Array(width);
    for (let j = 0; j < width; j++) {
      let r = cost(j);
      for (let i = 0; i < rows.length; i++) r -= cost(this.basis[i]!) * rows[i]![j]!;
      reduced[j] = r;
    }
    for (;;) {
      let entering = -1;
      for (let j = 0; j < width; j++)
        if (!this.basic[j] && allowed(j) && reduced[j]! > EPS) {
          entering = j;
          break;
        }
      if (entering < 0) return 'optimal';
      let leaving = -1;
      let best = Infinity;
      for (let i = 0; i < rows.length; i++) {
        const a = rows[i]![entering]!;
        if (a <= EPS) continue;
        const ratio = rows[i]![width]! / a;
        if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && this.basis[i]! < this.basis[leaving]!)) {
          best = ratio;
          leaving = i;
        }
      }
      if (leaving < 0) return 'unbounded';
      this.pivot(leaving, entering);
      const line = rows[leaving]!;
      const factor = reduced[entering]!;
      for (let j = 0; j < width; j++) reduced[j]! -= factor * line[j]!;
    }
  }

  pivot(row: number, column: number): void {
    const line = this.rows[row]!;
    const factor = line[column]!;
    for (let j = 0; j < line.length; j++) line[j]! /= factor;
    for (let i = 0; i < this.rows.length; i++) {
      if (i === row) continue;
      const other = this.rows[i]!;
      const a = other[column]!;
      if (Math.abs(a) <= EPS) continue;
      for (let j = 0; j < other.length; j++) other[j]! -= a * line[j]!;
    }
    this.basic[this.basis[row]!] = 0;
    this.setBasic(row, column);
  }
}
