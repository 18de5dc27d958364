import { z } from 'zod';
import { apiFindingSchema } from './findings';
import { currentSubmissionSchema, storedSubmissionSchema } from './submissions';

const cellValueSchema = z.union([z.number(), z.string(), z.null()]);

/** Earlier figures of the same series: last year's same period, or the period before. */
export const referenceSchema = z.object({
  kind: z.enum(['last-year', 'previous-period']),
  period: z.string(),
  values: z.record(z.string(), cellValueSchema),
});
export type ApiReference = z.infer<typeof referenceSchema>;

/** GET references?templateId=&period=&scope=: the caller's own earlier figures, for the pane's plausibility check. */
export const referencesAnswerSchema = z.object({ references: z.array(referenceSchema) });
export type ReferencesAnswer = z.infer<typeof referencesAnswerSchema>;

/**
 * GET submissions/{id}/review (kansliet): one version with what it takes to judge it — the
 * series' current state, the version before it, the same series' earlier figures, and the
 * findings (rules and plausibility) as the reporter saw them.
 */
export const reviewAnswerSchema = z.object({
  submission: storedSubmissionSchema,
  current: currentSubmissionSchema,
  previous: storedSubmissionSchema.optional(),
  references: z.array(referenceSchema),
  findings: z.array(apiFindingSchema),
});
export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>;
