/**
 * Small-count suppression for published tables. Counts from 1 up to the limit could point at a
 * person in a small kommun, so they are hidden (primary suppression); and so are as many other
 * cells as it takes for no reader to work a hidden count out from what is shown (secondary
 * suppression), through any relation the reader knows: sums (Totalt = Kvinnor + Män, a group =
 * Σ its platforms), inequalities (Ja + Nej ≤ Aktualiserade, a part ≤ its whole), and that counts
 * are whole numbers ≥ 0 — together, across tables, not one equation at a time.
 *
 * **Protected.** For a hidden count, the reader's best knowledge is the interval of values it
 * can take with every shown cell at its value and every relation holding. A primary cell is
 * protected when that interval, rounded inwards to whole numbers, spans at least `limit`
 * (hi − lo ≥ limit): the reader is left with `limit` + 1 or more possible counts, so cannot
 * single out a count of 1..limit, nor tell it from 0 or from limit + 1. The intervals are the
 * minimum and maximum of a linear program (linear-program.ts); zero is never hidden as primary
 * (it identifies nobody).
 */
import { feasibleRegion, type LinearConstraint } from './linear-program';

/** Σ coefficient × cell compared with `constant`: equal (`eq`) or at most (`le`). */
export interface LinearRelation {
  terms: readonly { cell: string; coefficient: number }[];
  kind: 'eq' | 'le';
  constant: number;
}

/** `target` = Σ `parts` (a part given as `-cell` is subtracted). */
export function sumRelation(target: string, parts: readonly string[], constant = 0): LinearRelation {
  return {
    terms: [
      { cell: target, coefficient: 1 },
      ...parts.map((p) => (p.startsWith('-') ? { cell: p.slice(1), coefficient: 1 } : { cell: p, coefficient: -1 })),
    ],
    kind: 'eq',
    constant,
  };
}

export interface SuppressionResult {
  /** Counts 1..limit. */
  primary: Set<string>;
  /** Hidden so that every primary one is protected. */
  secondary: Set<string>;
}

/** What a reader can work out about a hidden cell: it lies in [low, high] (high may be Infinity). */
export interface Deducible {
  low: number;
  high: number;
}

export function isSmallCount(value: number, limit: number): boolean {
  return value >= 1 && value <= limit;
}

export function isProtected(interval: Deducible, limit: number): boolean {
  return interval.high - interval.low >= limit;
}

/**
 * The interval each of `cells` can take for a reader who sees every cell of `values` except the
 * `hidden` ones (and those whose value is null: missing to everybody) and knows every relation.
 * Cells are counts: whole numbers ≥ 0.
 */
export function deducibleIntervals(
  values: ReadonlyMap<string, number | null>,
  relations: readonly LinearRelation[],
  hidden: ReadonlySet<string>,
  cells: Iterable<string>,
): Map<string, Deducible> {
  const intervals = new Map<string, Deducible>();
  for (const cell of cells) intervals.set(cell, attack(cell, values, relations, hidden).interval);
  return intervals;
}

/**
 * @example
 * suppressSmallCounts(new Map([['k', 3], ['m', 40], ['tot', 43]]), [sumRelation('tot', ['k', 'm'])], 4)
 * // primary {k}, secondary {m}: with m shown, k = tot − m; with m hidden, k ∈ [0, 43]
 */
export function suppressSmallCounts(
  values: ReadonlyMap<string, number | null>,
  relations: readonly LinearRelation[],
  limit: number,
): SuppressionResult {
  const primary = new Set<string>();
  for (const [cell, value] of values) if (value !== null && isSmallCount(value, limit)) primary.add(cell);
  const hidden = new Set(primary);
  const secondary = new Set<string>();
  // Hiding more only widens intervals, so a cell once protected stays protected.
  const safe = new Set<string>();
  const ordered = [...primary].sort();
  for (;;) {
    let exposed: { cell: string; attack: Attack } | undefined;
    for (const cell of ordered) {
      if (safe.has(cell)) continue;
      const found = attack(cell, values, relations, hidden);
      if (isProtected(found.interval, limit)) safe.add(cell);
      else {
        exposed = { cell, attack: found };
        break;
      }
    }
    if (!exposed) break;
    const pick = secondaryFor(exposed.cell, exposed.attack, values, relations, hidden, limit);
    // Nothing shown bounds it any more: only the counts' own bounds and the relations' constants do.
    if (pick === undefined) safe.add(exposed.cell);
    else {
      hidden.add(pick);
      secondary.add(pick);
    }
  }
  return { primary, secondary };
}

/**
 * The shown cell to hide next for `exposed`, among the cells of the relations that prove its
 * interval (those with a dual value in either program): the one that protects it and hides
 * the least (the smallest non-zero count); else the one that widens its interval most; else —
 * when several relations bound it the same way, so no single cell widens it — the
 * least-telling cell of those relations, and the next round finds what still bounds it.
 */
function secondaryFor(
  exposed: string,
  found: Attack,
  values: ReadonlyMap<string, number | null>,
  relations: readonly LinearRelation[],
  hidden: ReadonlySet<string>,
  limit: number,
): string | undefined {
  const known = (cell: string) => !hidden.has(cell) && typeof values.get(cell) === 'number';
  const byRank = (a: string, b: string) =>
    rank(values.get(a) ?? 0) - rank(values.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const candidates = [...new Set(found.binding.flatMap((r) => r.terms.map((t) => t.cell).filter(known)))].sort(byRank);
  const width = (interval: Deducible) => interval.high - interval.low;
  let widest: { cell: string; width: number } | undefined;
  for (const cell of candidates) {
    const interval = attack(exposed, values, relations, new Set(hidden).add(cell)).interval;
    if (isProtected(interval, limit)) return cell;
    if (width(interval) > (widest?.width ?? width(found.interval))) widest = { cell, width: width(interval) };
  }
  return widest?.cell ?? candidates[0];
}

/** Prefer hiding the smallest non-zero count: it hides the least information. */
function rank(value: number): number {
  return value === 0 ? Number.POSITIVE_INFINITY : value;
}

interface Attack {
  interval: Deducible;
  /** The relations that bound the interval (a dual value in the minimum's or the maximum's program). */
  binding: LinearRelation[];
}

/**
 * What a reader can do against one hidden cell: the smallest and largest value it can take,
 * as two linear programs over the unknown cells (hidden or missing) tied to it through
 * relations — only those, so each program stays small.
 */
function attack(
  cell: string,
  values: ReadonlyMap<string, number | null>,
  relations: readonly LinearRelation[],
  hidden: ReadonlySet<string>,
): Attack {
  const known = (c: string) => !hidden.has(c) && typeof values.get(c) === 'number';
  const component = relationsReaching(cell, relations, known);
  if (component.length === 0) return { interval: { low: 0, high: Infinity }, binding: [] };
  const index = new Map<string, number>();
  const constraints: LinearConstraint[] = component.map((r) => {
    const coefficients = new Map<number, number>();
    let rhs = r.constant;
    for (const { cell: c, coefficient } of r.terms) {
      if (known(c)) rhs -= coefficient * (values.get(c) as number);
      else {
        if (!index.has(c)) index.set(c, index.size);
        const j = index.get(c)!;
        coefficients.set(j, (coefficients.get(j) ?? 0) + coefficient);
      }
    }
    return { coefficients, kind: r.kind, rhs };
  });
  const j = index.get(cell)!;
  const region = feasibleRegion(index.size, constraints);
  // Shown figures that break a relation (they are filtered out upstream) leave nothing to deduce.
  if (!region) return { interval: { low: 0, high: Infinity }, binding: [] };
  const high = region.maximize(new Map([[j, 1]]));
  const low = region.maximize(new Map([[j, -1]]));
  const binds = (i: number) =>
    (high.status === 'optimal' && high.duals[i] !== 0) || (low.status === 'optimal' && low.duals[i] !== 0);
  return {
    interval: {
      low: low.status === 'optimal' ? Math.max(0, Math.ceil(-low.value - 1e-7)) : 0,
      high: high.status === 'optimal' ? Math.floor(high.value + 1e-7) : Infinity,
    },
    binding: component.filter((_r, i) => binds(i)),
  };
}

/** The relations that reach `cell` through unknown cells (breadth first over shared unknowns). */
function relationsReaching(
  cell: string,
  relations: readonly LinearRelation[],
  known: (cell: string) => boolean,
): LinearRelation[] {
  const byCell = new Map<string, number[]>();
  relations.forEach((r, i) => {
    for (const t of r.terms) if (!known(t.cell)) byCell.set(t.cell, [...(byCell.get(t.cell) ?? []), i]);
  });
  const seenCells = new Set([cell]);
  const seenRelations = new Set<number>();
  const queue = [cell];
  while (queue.length > 0) {
    for (const i of byCell.get(queue.pop()!) ?? []) {
      if (seenRelations.has(i)) continue;
      seenRelations.add(i);
      for (const t of relations[i]!.terms)
        if (!known(t.cell) && !seenCells.has(t.cell)) {
          seenCells.add(t.cell);
          queue.push(t.cell);
        }
    }
  }
  return [...seenRelations].sort((a, b) => a - b).map((i) => relations[i]!);
}
