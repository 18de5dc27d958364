/**
 * The API's contract: every answer's shape as a zod schema. The Functions handlers build their
 * answers to these types, and the pane parses what it receives with the same schemas, so the
 * two sides cannot drift apart. Objects strip fields they do not name (zod's default), so a
 * field the API adds later never breaks an older pane.
 */
export * from './findings';
export * from './principal';
export * from './reports';
export * from './review';
export * from './session';
export * from './status';
export * from './submissions';
export * from './templates';
export * from './settings';
