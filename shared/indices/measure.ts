/**
 * A computed figure that may be missing. Missing is never 0: a rate with an empty numerator,
 * a sum with an unreported platform, a comparison without last year's value all stay missing,
 * and carry the reason so the consolidated workbook can say why.
 */

/** Why a figure is missing, as data; {@link describeMissing} renders it in Swedish. */
export type MissingReason =
  /** No submission for a template and scope (or not approved, when only approved ones count). */
  | { code: 'not-reported'; what: string }
  /** The submission leaves the cell empty. */
  | { code: 'missing-value'; what: string }
  /** A share of nothing: the denominator is 0. */
  | { code: 'zero-denominator'; what: string }
  /** The year's configuration lacks what the figure needs (a social budget, population shares). */
  | { code: 'no-configuration'; what: string };

export type MissingCode = MissingReason['code'];

export type Measure = { value: number; missing?: undefined } | { value: null; missing: MissingReason };

export function known(value: number): Measure {
  return { value };
}

export function missing(code: MissingCode, what: string): Measure {
  return { value: null, missing: { code, what } };
}

export function isKnown(m: Measure): m is { value: number } {
  return m.value !== null;
}

const MISSING_TEXT = {
  'not-reported': (what) => `inte inrapporterat: ${what}`,
  'missing-value': (what) => `uppgift saknas: ${what}`,
  'zero-denominator': (what) => `kan inte beräknas, ${what} är 0`,
  'no-configuration': (what) => `saknas i förbundets inställningar: ${what}`,
} satisfies Record<MissingCode, (what: string) => string>;

/** "Saknas – inte inrapporterat: Deltagare och avslut, Vuxentorget" */
export function describeMissing(reason: MissingReason): string {
  return `Saknas – ${MISSING_TEXT[reason.code](reason.what)}`;
}

/** The first missing input, so a result names the cause nearest its inputs. */
export function firstMissing(...measures: readonly Measure[]): Measure | undefined {
  return measures.find((m) => m.value === null);
}

/**
 * A share in percent (0–100). Missing when either part is, and when the denominator is 0 — a
 * platform with no closures has no "andel positiv lösning", not 0 %.
 */
export function percentOf(numerator: Measure, denominator: Measure, denominatorLabel: string): Measure {
  const gap = firstMissing(numerator, denominator);
  if (gap) return gap;
  if (denominator.value === 0) return missing('zero-denominator', denominatorLabel);
  return known(((numerator.value as number) / (denominator.value as number)) * 100);
}

/** this − last; missing if either is. */
export function difference(current: Measure, last: Measure): Measure {
  const gap = firstMissing(current, last);
  if (gap) return gap;
  return known((current.value as number) - (last.value as number));
}

/** Σ of the parts; missing as soon as one part is (an unreported platform is not zero participants). */
export function sumOf(parts: readonly Measure[]): Measure {
  const gap = firstMissing(...parts);
  if (gap) return gap;
  return known(parts.reduce((acc, p) => acc + (p.value as number), 0));
}

/** Rounds half away from zero at `decimals`, the way published tables round (22,5 % → 23 %). */
export function roundHalfUp(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  // The epsilon absorbs binary noise (0.285 * 100 = 28.499999…).
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
}
