import { z } from 'zod';
import { elementIdSchema } from './ids';

/**
 * A template's plausibility check (shared/validation/plausibility.ts): how far a count may move
 * from the same scope's figure last year, or last period, before it is a *varning*. Kansliet
 * tunes it per template; absent, the template's counts are not compared.
 */
export const plausibilitySchema = z
  .object({
    /**
     * How many standard errors apart two counts must be, on the square-root scale where a
     * Poisson count's spread no longer depends on its size. 3 is rare by chance (p ≈ 0.003).
     */
    z: z.number().min(1).max(10).default(3),
    /**
     * And by at least this share of the earlier figure (0.5 = half), so the ordinary growth of a
     * large platform is not news although it is no chance.
     */
    minRelativeChange: z.number().min(0).max(10).default(0.5),
    /** The sections whose counts are compared; every section when absent. */
    sections: z.array(elementIdSchema).min(1).optional(),
    /**
     * What a figure is compared with: the same period last year, and the period before it in the
     * same year. For cumulative tertials only a fall from the previous tertial counts, since the
     * year so far grows.
     */
    compareWith: z
      .array(z.enum(['last-year', 'previous-period']))
      .min(1)
      .default(['last-year', 'previous-period']),
  })
  .strict();
export type Plausibility = z.infer<typeof plausibilitySchema>;
