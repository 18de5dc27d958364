/**
 * Consolidation by the template model: each template's figures by its own definition (sums over
 * scopes, ratios, comparisons, checks, suppression), the named computations, and the report's
 * sheets as data for the one renderer. Pure, like the rest of `shared/`.
 */
export * from './cell-patterns';
export * from './checks';
export * from './computations';
export * from './consolidate';
export * from './figure-names';
export * from './headline';
export * from './report-model';
export * from './report-scopes';
export * from './report-sheets';
export * from './sheet-context';
export * from './suppress';
export * from './template-figures';
export * from './template-sheets';
