import { z } from 'zod';

export const reportVariantSchema = z.enum(['internal', 'published']);
export const reportBasisSchema = z.enum(['approved', 'latest']);

/** A stored consolidated report, as POST consolidate and a finished job name it. */
export const reportMetadataSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  period: z.string(),
  variant: reportVariantSchema,
  createdAt: z.string(),
  sha256: z.string(),
  size: z.number(),
});
export type ReportMetadata = z.infer<typeof reportMetadataSchema>;

/** GET reports lists each with how it was made. */
export const reportSummarySchema = reportMetadataSchema.extend({
  basis: reportBasisSchema,
  /** How many submissions it was built from. */
  submissions: z.number(),
  inputsHash: z.string(),
  trigger: z.enum(['api', 'timer']),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportsAnswerSchema = z.object({ reports: z.array(reportSummarySchema) });

/** A job waits in the queue, is built by a worker, and ends done, or failed when every try failed. */
export const jobStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);

/** POST consolidate: 201 with the report when its job was quick, 202 with the job to poll when it takes long. */
export const consolidateAnswerSchema = z.union([
  z.object({ report: reportMetadataSchema }),
  z.object({ jobId: z.string(), status: jobStatusSchema, location: z.string() }),
]);
export type ConsolidateAnswer = z.infer<typeof consolidateAnswerSchema>;

/** GET consolidate/jobs/{jobId}: a consolidation's progress; the report once done. */
export const jobSchema = z.object({
  jobId: z.string(),
  status: jobStatusSchema,
  /** 0–1 */
  progress: z.number().min(0).max(1),
  /** Swedish, for the user: what is happening or what went wrong. */
  message: z.string(),
  report: reportMetadataSchema.optional(),
  period: z.string(),
  variant: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConsolidationJob = z.infer<typeof jobSchema>;
