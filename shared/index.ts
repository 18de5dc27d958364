/**
 * The public surface of Samlad's pure domain model: no I/O, no Office, no Azure.
 * Two larger parts keep their own surface: `shared/indices` (consolidation and every index)
 * and `shared/aggregation` (participant rows to template counts, used by the add-in).
 */
export * from './model/cell-kind';
export * from './model/forbund-schema';
export * from './model/ids';
export * from './model/layout';
export * from './model/period';
export * from './model/resolve';
export * from './model/selectors';
export * from './model/template-schema';
export * from './validation/findings';
export * from './validation/messages-sv';
export * from './validation/rules';
export * from './validation/validate';
export { registry, buildRegistry, ConfigurationError, type Registry } from './config/registry';
