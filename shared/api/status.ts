import { z } from 'zod';
import { submissionStateSchema } from './submissions';

export const statusStateSchema = z.enum(['saknas', 'sen', ...submissionStateSchema.options]);
export type StatusState = z.infer<typeof statusStateSchema>;

/** One template × scope × expected party of the completeness matrix. */
export const statusRowSchema = z.object({
  templateId: z.string(),
  templateTitle: z.string(),
  scope: z.string(),
  scopeName: z.string(),
  /** The parties expected to report this row; for a platform any one of them will do. */
  parties: z.array(z.string()),
  state: statusStateSchema,
  id: z.string().optional(),
  version: z.number().optional(),
  party: z.string().optional(),
  submittedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  stateComment: z.string().optional(),
  /** The current version arrived after the deadline. */
  late: z.boolean().optional(),
});
export type StatusRow = z.infer<typeof statusRowSchema>;

/**
 * GET status: the period's deadline (null when none is set), the default deadline that applies
 * then (TERTIAL_DEADLINE_DAYS after the period), lock and rows.
 */
export const statusAnswerSchema = z.object({
  period: z.string(),
  deadline: z.string().nullable(),
  defaultDeadline: z.string(),
  locked: z.boolean(),
  rows: z.array(statusRowSchema),
});
export type StatusAnswer = z.infer<typeof statusAnswerSchema>;

/** A period's deadline and lock, as stored. */
export const periodSettingsSchema = z.object({
  deadline: z.string().optional(),
  locked: z.boolean(),
  updatedAt: z.string().optional(),
});
export type PeriodSettings = z.infer<typeof periodSettingsSchema>;

/** PUT periods/{period}: the settings saved. */
export const periodAnswerSchema = periodSettingsSchema.extend({ period: z.string() });
export type PeriodAnswer = z.infer<typeof periodAnswerSchema>;

/** One period of a year as a reporter sees it: its deadline (set or default), lock and their rows. */
export const obligationPeriodSchema = z.object({
  period: z.string(),
  /** The deadline in force: kansliet's, else the default. */
  deadline: z.string(),
  /** Kansliet set it (then it refuses late submissions); false: the default, after which a submission is *sen*. */
  deadlineSet: z.boolean(),
  locked: z.boolean(),
  rows: z.array(statusRowSchema),
});
export type ObligationPeriod = z.infer<typeof obligationPeriodSchema>;

/** GET obligations?year=: every report the caller's party owes in a year, period by period. */
export const obligationsAnswerSchema = z.object({ year: z.number(), periods: z.array(obligationPeriodSchema) });
export type ObligationsAnswer = z.infer<typeof obligationsAnswerSchema>;
