/** The public surface of Samlad's pure domain model: no I/O, no Office, no Azure. */
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
