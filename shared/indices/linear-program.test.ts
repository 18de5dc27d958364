import fc from 'fast-check';
import { maximize, type ConstraintKind, type LinearConstraint } from './linear-program';

const row = (coefficients: number[], kind: ConstraintKind, rhs: number): LinearConstraint => ({
  coefficients: new Map(coefficients.map((a, j) => [j, a] as [number, number]).filter(([, a]) => a !== 0)),
  kind,
  rhs,
});
const objectiveOf = (c: number[]) => new Map(c.map((a, j) => [j, a] as [number, number]));

describe('maximize', () => {
  it.each<[string, number[], LinearConstraint[], object]>([
    [
      'an equality and a lower bound',
      [1, 0],
      [row([1, 1], 'eq', 5), row([0, 1], 'ge', 2)],
      { status: 'optimal', value: 3 },
    ],
    [
      'the minimum, as the maximum of the negation',
      [-1, 0],
      [row([1, 1], 'eq', 5), row([0, 1], 'le', 2)],
      { status: 'optimal', value: -3 },
    ],
    [
      'a part never above its whole',
      [1, 0, 0],
      [row([1, 1, 0], 'le', 7), row([0, 0, 1], 'eq', 4), row([1, 0, -1], 'ge', 0)],
      { status: 'optimal', value: 7 },
    ],
    ['nothing bounds it', [1, 0], [row([1, -1], 'eq', 2)], { status: 'unbounded' }],
    ['constraints that cannot all hold', [1], [row([1], 'ge', 3), row([1], 'le', 2)], { status: 'infeasible' }],
    ['a negative right-hand side', [1, 0], [row([-1, -1], 'eq', -4)], { status: 'optimal', value: 4 }],
    ['a redundant equality', [1, 0], [row([1, 1], 'eq', 4), row([2, 2], 'eq', 8)], { status: 'optimal', value: 4 }],
    ['no constraints, nothing to gain', [0, 0], [], { status: 'optimal', value: 0 }],
  ])('%s', (_name, c, constraints, expected) => {
    expect(maximize(c.length, objectiveOf(c), constraints)).toMatchObject(expected);
  });

  it('names the constraints that bound the optimum by their duals', () => {
    const result = maximize(2, objectiveOf([1, 0]), [row([1, 1], 'eq', 5), row([0, 1], 'ge', 2), row([1, 0], 'le', 9)]);
    expect(result).toMatchObject({ status: 'optimal', value: 3 });
    if (result.status === 'optimal') expect(result.duals.map((y) => y !== 0)).toEqual([true, true, false]);
  });

  it('keeps strong duality when equalities repeat one another (a redundant row stays, inert)', () => {
    const rows = [row([1, 0], 'eq', 3), row([1, 1], 'eq', 8), row([1, 0], 'eq', 3), row([2, 1], 'eq', 11)];
    const result = maximize(2, objectiveOf([1, 0]), rows);
    expect(result).toMatchObject({ status: 'optimal', value: 3 });
    if (result.status === 'optimal') {
      expect(result.duals.reduce((sum, y, i) => sum + y * rows[i]!.rhs, 0)).toBeCloseTo(3, 9);
      expect(result.duals.some((y) => y !== 0)).toBe(true);
    }
  });

  /** The optimum by enumerating the vertices of a bounded problem (every choice of n tight constraints). */
  function byVertices(n: number, c: number[], constraints: LinearConstraint[]): number | undefined {
    const all = [
      ...constraints,
      ...Array.from({ length: n }, (_, j) =>
        row(
          Array.from({ length: n }, (_, k) => (k === j ? 1 : 0)),
          'ge',
          0,
        ),
      ),
    ];
    const dense = all.map((r) => ({
      a: Array.from({ length: n }, (_, j) => r.coefficients.get(j) ?? 0),
      kind: r.kind,
      rhs: r.rhs,
    }));
    const feasible = (x: number[]) =>
      dense.every((r) => {
        const lhs = r.a.reduce((s, a, j) => s + a * x[j]!, 0);
        return r.kind === 'le'
          ? lhs <= r.rhs + 1e-7
          : r.kind === 'ge'
            ? lhs >= r.rhs - 1e-7
            : Math.abs(lhs - r.rhs) <= 1e-7;
      });
    let best: number | undefined;
    const choose = (start: number, picked: number[]): void => {
      if (picked.length === n) {
        const x = solve(
          picked.map((i) => dense[i]!.a),
          picked.map((i) => dense[i]!.rhs),
        );
        if (x && feasible(x)) {
          const value = c.reduce((s, a, j) => s + a * x[j]!, 0);
          if (best === undefined || value > best) best = value;
        }
        return;
      }
      for (let i = start; i < dense.length; i++) choose(i + 1, [...picked, i]);
    };
    choose(0, []);
    return best;
  }

  function solve(a: number[][], b: number[]): number[] | undefined {
    const n = b.length;
    const m = a.map((r, i) => [...r, b[i]!]);
    for (let col = 0; col < n; col++) {
      const p = m.findIndex((r, i) => i >= col && Math.abs(r[col]!) > 1e-9);
      if (p < 0) return undefined;
      [m[col], m[p]] = [m[p]!, m[col]!];
      for (let i = 0; i < n; i++) {
        if (i === col) continue;
        const f = m[i]![col]! / m[col]![col]!;
        for (let j = col; j <= n; j++) m[i]![j]! -= f * m[col]![j]!;
      }
    }
    return m.map((r, i) => r[n]! / r[i]!);
  }

  it('agrees with vertex enumeration on random bounded problems', () => {
    const problem = fc.integer({ min: 1, max: 3 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        c: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: n, maxLength: n }),
        constraints: fc.array(
          fc.record({
            a: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: n, maxLength: n }),
            kind: fc.constantFrom<ConstraintKind>('le', 'eq', 'ge'),
            rhs: fc.integer({ min: -3, max: 8 }),
          }),
          { maxLength: 4 },
        ),
      }),
    );
    fc.assert(
      fc.property(problem, ({ n, c, constraints }) => {
        // A box keeps every problem bounded, so the optimum is at a vertex.
        const rows = [
          ...constraints.map((r) => row(r.a, r.kind, r.rhs)),
          ...Array.from({ length: n }, (_, j) =>
            row(
              Array.from({ length: n }, (_, k) => (k === j ? 1 : 0)),
              'le',
              10,
            ),
          ),
        ];
        const expected = byVertices(n, c, rows);
        const result = maximize(n, objectiveOf(c), rows);
        if (expected === undefined) expect(result.status).toBe('infeasible');
        else {
          expect(result.status).toBe('optimal');
          if (result.status === 'optimal') {
            expect(result.value).toBeCloseTo(expected, 6);
            // Strong duality: the duals weigh the right-hand sides into the optimum.
            expect(result.duals.reduce((sum, y, i) => sum + y * rows[i]!.rhs, 0)).toBeCloseTo(expected, 6);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
