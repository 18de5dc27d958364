/**
 * Small-count suppression for published tables. Counts from 1 up to the limit could point at a
 * person in a small kommun, so they are hidden (primary suppression); and so is any cell from
 * which a hidden one could be recomputed through a sum — Totalt = Kvinnor + Män, avslutade =
 * positiv + hälsoskäl + avbrott, Arbetsmarknadstorgen = Σ its platforms (secondary suppression).
 *
 * Each relation is one equation over cells (target = Σ ± terms). A relation with exactly one
 * hidden cell gives it away, so another of its cells is hidden too, until no relation has
 * exactly one. Zero is not hidden (it identifies nobody). This closes every single equation;
 * it does not solve systems of several equations, which small tables of this shape rarely
 * allow — the method note in the report says so.
 */

export interface Relation {
  /** Every cell of one equation, target and terms alike. */
  cells: readonly string[];
}

export interface SuppressionResult {
  /** Counts 1..limit. */
  primary: Set<string>;
  /** Hidden so that no relation gives a primary one away. */
  secondary: Set<string>;
}

export function isSmallCount(value: number, limit: number): boolean {
  return value >= 1 && value <= limit;
}

/**
 * @example
 * suppressSmallCounts(new Map([['k', 3], ['m', 40], ['tot', 43]]), [{cells: ['tot', 'k', 'm']}], 4)
 * // primary {k}, secondary {tot} — the smaller of the cells that would reveal k
 */
export function suppressSmallCounts(
  values: ReadonlyMap<string, number | null>,
  relations: readonly Relation[],
  limit: number,
): SuppressionResult {
  const primary = new Set<string>();
  for (const [key, value] of values) if (value !== null && isSmallCount(value, limit)) primary.add(key);
  const hidden = new Set(primary);
  const secondary = new Set<string>();
  // Each pass hides at least one cell or stops; cells are finite, so this ends.
  for (let changed = true; changed;) {
    changed = false;
    for (const relation of relations) {
      const cells = relation.cells.filter((c) => values.has(c));
      const hiddenHere = cells.filter((c) => hidden.has(c));
      if (hiddenHere.length !== 1) continue;
      // A missing cell already keeps the equation from being solved.
      if (cells.some((c) => values.get(c) === null)) continue;
      const candidates = cells.filter((c) => !hidden.has(c));
      if (candidates.length === 0) continue;
      const pick = [...candidates].sort(
        (a, b) => rank(values.get(a) ?? 0) - rank(values.get(b) ?? 0) || a.localeCompare(b),
      )[0]!;
      hidden.add(pick);
      secondary.add(pick);
      changed = true;
    }
  }
  return { primary, secondary };
}

/** Prefer hiding the smallest non-zero count: it hides the least information; a 0 protects nothing. */
function rank(value: number): number {
  return value === 0 ? Number.POSITIVE_INFINITY : value;
}
