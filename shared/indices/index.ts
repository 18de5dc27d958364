/**
 * Indices and consolidation: pure functions from submitted values to the figures of the
 * consolidated report. Missing inputs give missing results (with a reason), never 0.
 */
export * from './measure';
export * from './cell-measures';
export * from './comparison';
export * from './outcome-rates';
export * from './impact-index';
export * from './formulas';
export * from './owned-values';
export * from './helarsekvivalenter';
export * from './budget-outcome';
export * from './contributions';
export * from './equity';
export * from './suppression';
export * from './rule-relations';
export * from './linear-program';
export * from './report-periods';
export * from './consolidation-model';
export * from './submission-sources';
