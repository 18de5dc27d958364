import { difference, isKnown, type Measure } from './measure';

export type Direction = 'up' | 'down';

/** Whether a change is good: the indicator's direction decides; no change is neither. */
export type Assessment = 'good' | 'bad' | 'unchanged' | 'unknown';

export interface Comparison {
  current: Measure;
  lastYear: Measure;
  /** current − last year, in the figure's own unit (percentage points for shares). */
  diff: Measure;
  assessment: Assessment;
}

/** Changes smaller than this are rounding noise of one-decimal figures, not a change. */
const UNCHANGED_BELOW = 1e-9;

/**
 * This period against the same period last year (DOMAIN.md: comparisons are always with the
 * same period of the previous year). Without a direction there is no assessment.
 *
 * @example
 * compare(known(9.3), known(9.5), 'down').assessment // 'good' (helårsekvivalenter fell)
 */
export function compare(current: Measure, lastYear: Measure, direction?: Direction): Comparison {
  const diff = difference(current, lastYear);
  let assessment: Assessment = 'unknown';
  if (isKnown(diff) && direction) {
    if (Math.abs(diff.value) < UNCHANGED_BELOW) assessment = 'unchanged';
    else assessment = diff.value > 0 === (direction === 'up') ? 'good' : 'bad';
  }
  return { current, lastYear, diff, assessment };
}
