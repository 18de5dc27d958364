import fc from 'fast-check';
import type { CellSpec } from '../../shared/model/cell-kind';
import type { CellId, ResolvedCell, ResolvedTemplate } from '../../shared/model/resolve';
import { expandRule, type RuleInstance } from '../../shared/validation/rules';

/**
 * Random submissions that satisfy every rule of a template, for property tests.
 *
 * Why a random walk and not "fill the leaves, add up the totals": templates hold cells that are
 * the target of several rules (`aktualiserade_kon.ja.tot` = Kvinnor + Män *and* = the total per
 * referring party), differences (`kvar` = deltagare − avslutade) and `lte` rules, so there is no
 * single order in which totals can be derived. Instead the `sum` rules are read as a linear
 * system A·x = 0. All zeros solves it (and every `lte` rule); an integer basis of A's null space
 * gives moves that keep every sum exact, and a walk of such moves that is refused whenever a
 * cell would leave its kind's range (a negative count, a percent above 100) or an `lte` rule
 * would break ends in a random fill that is consistent by construction, for any template.
 */

export type Rng = () => number;
export type Fill = Record<CellId, number | string>;

export interface FillOptions {
  /**
   * Leave optional cells that no rule mentions empty with this probability (0 = always fill).
   * Cells named by a rule are always filled, so every rule is judged.
   */
  omitOptional?: number;
}

interface Plan {
  /** Cells named by any rule, in a fixed order; the walk moves these. */
  ruleCells: ResolvedCell[];
  /** Null-space moves: sparse integer vectors over `ruleCells` indices. */
  moves: { index: number; delta: number }[][];
  lte: RuleInstance[];
  /** For each rule cell, the `lte` instances that mention it. */
  lteByCell: RuleInstance[][];
  /** `ratio` instances: their targets are computed from the filled terms. */
  ratios: RuleInstance[];
  /** Cells no rule mentions, filled independently. */
  freeCells: ResolvedCell[];
}

// ---- exact rational arithmetic, enough for the small ±1 systems of templates ----

interface Fraction {
  n: number;
  d: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

function frac(n: number, d = 1): Fraction {
  const sign = d < 0 ? -1 : 1;
  const g = gcd(n, d);
  return { n: (sign * n) / g, d: (sign * d) / g };
}

const sub = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d, a.d * b.n);

/**
 * Integer basis of the null space of `matrix` (rows × columns), from its reduced row echelon
 * form. Columns are eliminated left to right, so callers put the cells they want *derived*
 * (totals) first and the cells they want *free* (leaves) last.
 */
export function integerNullSpace(matrix: number[][], columns: number): number[][] {
  const rows = matrix.map((r) => r.map((v) => frac(v)));
  const pivotColumns: number[] = [];
  let pivotRow = 0;
  for (let c = 0; c < columns && pivotRow < rows.length; c++) {
    const found = rows.findIndex((r, i) => i >= pivotRow && r[c]!.n !== 0);
    if (found < 0) continue;
    [rows[pivotRow], rows[found]] = [rows[found]!, rows[pivotRow]!];
    const pivot = rows[pivotRow]!;
    const p = pivot[c]!;
    for (let k = 0; k < columns; k++) pivot[k] = div(pivot[k]!, p);
    rows.forEach((r, i) => {
      if (i === pivotRow || r[c]!.n === 0) return;
      const factor = r[c]!;
      for (let k = 0; k < columns; k++) r[k] = sub(r[k]!, mul(factor, pivot[k]!));
    });
    pivotColumns.push(c);
    pivotRow++;
  }
  const isPivot = new Set(pivotColumns);
  const basis: number[][] = [];
  for (let f = 0; f < columns; f++) {
    if (isPivot.has(f)) continue;
    const vector: Fraction[] = Array.from({ length: columns }, () => frac(0));
    vector[f] = frac(1);
    pivotColumns.forEach((c, r) => {
      vector[c] = frac(-rows[r]![f]!.n, rows[r]![f]!.d);
    });
    const lcm = vector.reduce((acc, v) => (acc * v.d) / gcd(acc, v.d), 1);
    basis.push(vector.map((v) => (v.n * lcm) / v.d || 0)); // `|| 0` turns -0 into 0
  }
  return basis;
}

const plans = new WeakMap<ResolvedTemplate, Plan>();

function planFor(template: ResolvedTemplate): Plan {
  const cached = plans.get(template);
  if (cached) return cached;
  const instances = template.definition.rules.flatMap((r) => expandRule(r, template));
  const sums = instances.filter((i) => i.rule.check === 'sum');
  // All zeros must solve the sums (the walk starts there); a constant would need a particular solution.
  const affine = sums.find((i) => (i.rule.constant ?? 0) !== 0);
  if (affine) throw new Error(`consistentFill does not support a sum rule with a constant (${affine.rule.id})`);
  const lte = instances.filter((i) => i.rule.check === 'lte');
  // A ratio's target is derived from its terms once everything else is filled.
  const ratios = instances.filter((i) => i.rule.check === 'ratio');
  const derived = new Set(ratios.map((i) => i.target));

  // Order: cells targeted most often first (they become pivots, i.e. derived), leaves last.
  const targeted = new Map<CellId, number>();
  const named = new Set<CellId>();
  for (const i of instances) {
    if (i.rule.check === 'ratio') continue;
    named.add(i.target);
    for (const t of i.terms) named.add(t.cellId);
    if (i.rule.check === 'sum') targeted.set(i.target, (targeted.get(i.target) ?? 0) + 1);
  }
  const position = new Map(template.cells.map((c, i) => [c.id, i]));
  const ruleCellIds = [...named].sort(
    (a, b) => (targeted.get(b) ?? 0) - (targeted.get(a) ?? 0) || position.get(a)! - position.get(b)!,
  );
  const indexOf = new Map(ruleCellIds.map((id, i) => [id, i]));
  const matrix = sums.map((i) => {
    const row = new Array<number>(ruleCellIds.length).fill(0);
    row[indexOf.get(i.target)!]! += 1;
    for (const t of i.terms) row[indexOf.get(t.cellId)!]! -= t.sign;
    return row;
  });
  const moves = integerNullSpace(matrix, ruleCellIds.length).map((v) =>
    v.flatMap((delta, index) => (delta === 0 ? [] : [{ index, delta }])),
  );
  const lteByCell = ruleCellIds.map((id) => lte.filter((i) => i.target === id || i.terms.some((t) => t.cellId === id)));
  const plan: Plan = {
    ruleCells: ruleCellIds.map((id) => template.cellById.get(id)!),
    moves,
    lte,
    lteByCell,
    ratios,
    freeCells: template.cells.filter((c) => !named.has(c.id) && !derived.has(c.id)),
  };
  plans.set(template, plan);
  return plan;
}

function inRange(value: number, spec: CellSpec): boolean {
  const min = spec.min ?? (spec.kind === 'count' || spec.kind === 'percent' ? 0 : -Infinity);
  const max = spec.max ?? (spec.kind === 'percent' ? 100 : Infinity);
  return value >= min && value <= max;
}

function lteHolds(instance: RuleInstance, value: (id: CellId) => number): boolean {
  const sum = instance.terms.reduce((acc, t) => acc + t.sign * value(t.cellId), instance.rule.constant ?? 0);
  const tolerance = instance.rule.tolerance + instance.rule.tolerancePerTerm * instance.terms.length;
  return value(instance.target) - sum <= tolerance + 1e-9;
}

const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** A random value valid for a cell that no rule mentions. */
function randomValue(spec: CellSpec, rng: Rng): number | string {
  switch (spec.kind) {
    case 'count':
      return int(rng, spec.min ?? 0, spec.max ?? (spec.min ?? 0) + 40);
    case 'percent':
      return round((spec.min ?? 0) + rng() * ((spec.max ?? 100) - (spec.min ?? 0)), 1);
    case 'decimal': {
      const min = spec.min ?? 0;
      return round(min + rng() * ((spec.max ?? min + 30) - min), 2);
    }
    case 'amount': {
      const min = spec.min ?? -2000;
      return int(rng, Math.ceil(min), Math.floor(spec.max ?? min + 4000));
    }
    case 'text':
      return `Kommentar ${int(rng, 1, 999)}`;
    case 'choice': {
      const choices = spec.choices ?? ['?'];
      return choices[int(rng, 0, choices.length - 1)]!;
    }
  }
}

/**
 * A submission for `template` in which every cell named by a rule and every required cell is
 * filled, with values valid for their kinds, such that every `sum` and `lte` rule holds exactly
 * (a `ratio` rule's target is computed from its terms, its free denominator raised where the share
 * would leave its range)
 * (so `validateSubmission` reports nothing, warnings included). Deterministic for a given `rng`.
 */
export function consistentFill(template: ResolvedTemplate, rng: Rng, options: FillOptions = {}): Fill {
  const plan = planFor(template);
  const x = new Array<number>(plan.ruleCells.length).fill(0);
  const indexOf = new Map(plan.ruleCells.map((c, i) => [c.id, i]));
  const value = (id: CellId): number => x[indexOf.get(id)!]!;

  // Zero is the start, and is valid unless a rule cell has a minimum above 0; a move is taken
  // when it breaks nothing that held before and does not worsen anything that did not.
  const violation = (i: number): number => {
    const spec = plan.ruleCells[i]!.spec;
    const v = x[i]!;
    const min = spec.min ?? (spec.kind === 'count' || spec.kind === 'percent' ? 0 : -Infinity);
    const max = spec.max ?? (spec.kind === 'percent' ? 100 : Infinity);
    return v < min ? min - v : v > max ? v - max : 0;
  };
  const steps = 20 + 8 * plan.moves.length;
  for (let s = 0; s < steps && plan.moves.length > 0; s++) {
    const move = plan.moves[int(rng, 0, plan.moves.length - 1)]!;
    const factor = int(rng, 1, 5) * (rng() < 0.7 ? 1 : -1);
    const before = move.map(({ index }) => violation(index));
    const ltes = new Set(move.flatMap(({ index }) => plan.lteByCell[index]!));
    const lteBefore = [...ltes].map((i) => lteHolds(i, value));
    for (const { index, delta } of move) x[index] = x[index]! + factor * delta;
    const ok =
      move.every(({ index }, k) => violation(index) === 0 || violation(index) < before[k]!) &&
      [...ltes].every((i, k) => lteHolds(i, value) || !lteBefore[k]);
    if (!ok) for (const { index, delta } of move) x[index] = x[index]! - factor * delta;
  }

  const problems = plan.ruleCells.filter((c, i) => !inRange(x[i]!, c.spec)).map((c) => c.id);
  const broken = plan.lte.filter((i) => !lteHolds(i, value)).map((i) => `${i.rule.id}@${i.target}`);
  if (problems.length > 0 || broken.length > 0) {
    throw new Error(
      `consistentFill could not satisfy ${template.definition.id}: ${[...problems, ...broken].join(', ')}`,
    );
  }

  const free = new Map<CellId, number | string>();
  for (const cell of plan.freeCells) {
    if (!cell.required && options.omitOptional && rng() < options.omitOptional) continue;
    free.set(cell.id, randomValue(cell.spec, rng));
  }
  const numberAt = (id: CellId): number | undefined => {
    const v = indexOf.has(id) ? value(id) : free.get(id);
    return typeof v === 'number' ? v : undefined;
  };
  for (const ratio of plan.ratios) {
    if (ratio.rule.check !== 'ratio') continue;
    const { factor } = ratio.rule;
    const [numeratorId, denominatorId] = ratio.terms.map((t) => t.cellId) as [CellId, CellId];
    const cell = template.cellById.get(ratio.target)!;
    const numerator = numberAt(numeratorId);
    let denominator = numberAt(denominatorId);
    // A share above its cell's maximum (a percent over 100) needs a larger whole: raise a free denominator.
    const max = cell.spec.max ?? (cell.spec.kind === 'percent' ? 100 : Infinity);
    if (numerator !== undefined && denominator !== undefined && free.has(denominatorId) && Number.isFinite(max)) {
      const needed = Math.ceil(Math.abs(factor * numerator) / max);
      if (Math.abs(denominator) < needed) free.set(denominatorId, (denominator = needed));
    }
    const v =
      numerator === undefined || denominator === undefined || denominator === 0
        ? undefined
        : (factor * numerator) / denominator;
    if (v !== undefined && inRange(v, cell.spec)) free.set(ratio.target, v);
    else if (cell.required || !options.omitOptional)
      throw new Error(`consistentFill could not satisfy ${ratio.rule.id}@${ratio.target}`);
  }
  // In template order, so a failing case reads like the sheet.
  const fill: Fill = {};
  for (const cell of template.cells) {
    const v = indexOf.has(cell.id) ? value(cell.id) : free.get(cell.id);
    if (v !== undefined) fill[cell.id] = v;
  }
  return fill;
}

/** mulberry32: a small seeded generator, so a fast-check seed reproduces a fill. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** fast-check arbitrary of consistent fills (a seed drives the walk, so shrinking is not meaningful). */
export function consistentFillArb(template: ResolvedTemplate, options: FillOptions = {}): fc.Arbitrary<Fill> {
  return fc.noShrink(fc.integer()).map((seed) => consistentFill(template, seededRng(seed), options));
}

/** The `sum` rule instances of a template, with wildcards bound: what perturbation tests aim at. */
export function sumInstances(template: ResolvedTemplate): RuleInstance[] {
  return template.definition.rules.filter((r) => r.check === 'sum').flatMap((r) => expandRule(r, template));
}
