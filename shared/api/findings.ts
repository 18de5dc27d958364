import { z } from 'zod';
import { severitySchema } from '../model/template-schema';

/**
 * A finding as the API sends it: the data of `shared/validation/findings.ts` with its Swedish
 * text rendered. `code` stays a string, so a finding kind added later reaches an older pane as
 * text it can still show.
 */
export const apiFindingSchema = z.object({
  code: z.string(),
  severity: severitySchema,
  cell: z.string(),
  cellId: z.string(),
  element: z.string(),
  column: z.string(),
  rule: z.string().optional(),
  /** The cell whose error this one follows from (shared/validation/consequences.ts). */
  causedBy: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ApiFinding = z.infer<typeof apiFindingSchema>;

/** Every error: a stable code and a Swedish message; findings for 422, a correlation id for 500. */
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  findings: z.array(apiFindingSchema).optional(),
  correlationId: z.string().optional(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
