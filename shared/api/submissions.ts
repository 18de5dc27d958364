import { z } from 'zod';
import { apiFindingSchema } from './findings';

/** Workflow state of the current version of a submission series. */
export const submissionStateSchema = z.enum(['inskickad', 'godkand', 'returnerad']);
export type SubmissionState = z.infer<typeof submissionStateSchema>;

/** What identifies a submission series: one party's versions of one template for one scope in a period. */
export const seriesKeySchema = z.object({ templateId: z.string(), scope: z.string(), party: z.string() });
export type SeriesKey = z.infer<typeof seriesKeySchema>;

export const actorSchema = z.object({ subject: z.string(), name: z.string().optional(), role: z.string() });
export type Actor = z.infer<typeof actorSchema>;

const cellValueSchema = z.union([z.number(), z.string(), z.null()]);

/** One stored version, without its values (GET submissions lists them). */
export const submissionVersionSchema = seriesKeySchema.extend({
  id: z.string(),
  forbund: z.string(),
  period: z.string(),
  version: z.number(),
  templateVersion: z.number(),
  sha256: z.string(),
  submittedAt: z.string(),
  submittedBy: actorSchema,
  comment: z.string().optional(),
  source: z.enum(['json', 'xlsx']),
  late: z.boolean(),
});
export type SubmissionVersion = z.infer<typeof submissionVersionSchema>;

/** GET submissions/{id}: one version with its values. */
export const storedSubmissionSchema = submissionVersionSchema.extend({ values: z.record(z.string(), cellValueSchema) });
export type StoredSubmission = z.infer<typeof storedSubmissionSchema>;

/** The series' current version and its state (GET submissions, approve, return). */
export const currentSubmissionSchema = seriesKeySchema.extend({
  id: z.string(),
  version: z.number(),
  sha256: z.string(),
  state: submissionStateSchema,
  stateComment: z.string().optional(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  late: z.boolean(),
});
export type CurrentSubmission = z.infer<typeof currentSubmissionSchema>;

export const submissionsAnswerSchema = z.object({
  period: z.string(),
  current: z.array(currentSubmissionSchema),
  versions: z.array(submissionVersionSchema),
});
export type SubmissionsAnswer = z.infer<typeof submissionsAnswerSchema>;

/** What storing a version gives back: where it is and what was stored. */
export const storedReceiptSchema = z.object({
  id: z.string(),
  version: z.number(),
  sha256: z.string(),
  submittedAt: z.string(),
  /** Arrived after the period's deadline (the default one: a deadline kansliet set refuses instead). */
  late: z.boolean().default(false),
  /** The version this one replaced as the series' current, if any. */
  replaces: z.number().optional(),
});
export type StoredReceipt = z.infer<typeof storedReceiptSchema>;

/** POST submissions: 201 when stored, 200 (created false) for the same content again; warnings it carried. */
export const receiptSchema = storedReceiptSchema.extend({
  templateId: z.string(),
  period: z.string(),
  scope: z.string(),
  created: z.boolean(),
  warnings: z.array(apiFindingSchema).default([]),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** POST validate: findings only, nothing stored. */
export const validateAnswerSchema = z.object({
  templateId: z.string(),
  templateVersion: z.number(),
  period: z.string(),
  scope: z.string(),
  party: z.string(),
  ok: z.boolean(),
  findings: z.array(apiFindingSchema),
});
export type ValidateAnswer = z.infer<typeof validateAnswerSchema>;
