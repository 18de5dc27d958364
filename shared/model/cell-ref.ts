import { z } from 'zod';

/**
 * A cell reference inside a template: `section.row.column`. In rules, `*` in the row or column
 * position ranges over the rows (columns) of the target's section, and binds the same id in
 * every term of that rule.
 */
const refPart = '[a-z][a-z0-9_]*';
export const cellRefPatternSchema = z
  .string()
  .regex(
    new RegExp(`^${refPart}\\.(${refPart}|\\*)\\.(${refPart}|\\*)$`),
    'Cellreferens ska skrivas sektion.rad.kolumn',
  );
/**
 * A term is a reference, negated with a leading '-'. In the row position a term may also hold
 * `+`: every row of the term's section except the target's row, for sums over rows drawn from
 * configuration (a group's budget lines), whose ids the template cannot know.
 */
export const termSchema = z
  .string()
  .regex(
    new RegExp(`^-?${refPart}\\.(${refPart}|\\*|\\+)\\.(${refPart}|\\*)$`),
    'Term ska skrivas [-]sektion.rad.kolumn',
  );

/** An Excel sheet tab: at most 31 characters, none of \ / ? * [ ] : or '. */
export const sheetNameSchema = z
  .string()
  .min(1)
  .max(31)
  .regex(/^[^\\/?*[\]:']+$/, 'Bladnamnet innehåller otillåtna tecken');
