/** Aggregating a party's own participant table into template values: pure, runs in the add-in. */
export * from './aggregate-participants';
export * from './categories';
export * from './dates';
export * from './fields';
export * from './messages-sv';
export * from './table-mapping';
