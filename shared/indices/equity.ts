import type { TrappanConfig } from '../config/finance';
import { difference, firstMissing, known, type Measure } from './measure';

export interface TrappanLimit {
  /** The recommended maximum equity, tkr. */
  limit: number;
  /** Whether an illustrative (unpublished) step was used. */
  illustrative: boolean;
}

/**
 * The recommended maximum equity for a basis (tkr), summing each step's percentage over the
 * part of the basis inside the step.
 *
 * @example
 * trappanLimit(11583, TRAPPAN).limit // 2087.45 (seed 004: "maximalt 2 087 tkr")
 */
export function trappanLimit(basis: number, config: TrappanConfig): TrappanLimit {
  let limit = 0;
  let illustrative = false;
  for (const step of config.steps) {
    const upper = step.to ?? Number.POSITIVE_INFINITY;
    const part = Math.max(0, Math.min(basis, upper) - step.from);
    if (part <= 0) continue;
    limit += (part * step.percent) / 100;
    illustrative ||= step.illustrative;
  }
  return { limit, illustrative };
}

export interface EquityAssessment {
  equity: Measure;
  basis: Measure;
  limit: Measure;
  /** equity − limit: above 0 the förbund holds more than recommended. */
  margin: Measure;
  /** null when a figure is missing. */
  withinLimit: boolean | null;
  illustrative: boolean;
}

/** Equity at 31 December against the trappan (seed 004: "Det egna kapitalet får ej överstiga …"). */
export function assessEquity(equity: Measure, basis: Measure, config: TrappanConfig): EquityAssessment {
  const gap = firstMissing(basis);
  const computed = basis.value === null ? undefined : trappanLimit(basis.value, config);
  const limit = computed ? known(computed.limit) : (gap ?? basis);
  const margin = difference(equity, limit);
  return {
    equity,
    basis,
    limit,
    margin,
    withinLimit: margin.value === null ? null : margin.value <= 0,
    illustrative: computed?.illustrative ?? false,
  };
}
