/**
 * SCB's files: the formats Statistikdatabasen serves (CSV in its layouts, json-stat2, xlsx),
 * their decoding, and the helårsekvivalenter table (HE0000T02N2 / TAB1386) read from them. Pure:
 * bytes in, figures out; unpacking an xlsx's parts is passed in by the caller.
 */
export * from './text';
export * from './vocabulary';
export * from './observations';
export * from './pivot';
export * from './csv';
export * from './json-stat2';
export * from './zip';
export * from './xlsx';
export * from './read-file';
export * from './table';
export * from './half-year';
export * from './import-config';
export * from './template-map';
export * from './import';
export * from './preview';
