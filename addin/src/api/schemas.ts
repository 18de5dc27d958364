import { z } from 'zod';

/**
 * The API's response shapes as the pane relies on them. Objects are loose, so a field the API
 * adds later never breaks an older pane; what the pane reads is checked at the boundary.
 */
export const findingSchema = z.looseObject({
  code: z.string(),
  severity: z.enum(['fel', 'varning']),
  cell: z.string(),
  cellId: z.string(),
  element: z.string(),
  column: z.string(),
  rule: z.string().optional(),
  message: z.string(),
});
export type ApiFinding = z.infer<typeof findingSchema>;

export const errorBodySchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  findings: z.array(findingSchema).optional(),
});

export const scopeSchema = z.looseObject({ id: z.string(), kind: z.string(), name: z.string() });
export type ApiScope = z.infer<typeof scopeSchema>;

/** Definitions are parsed with shared's templateDefinitionSchema by the caller. */
export const templatesSchema = z.looseObject({
  forbund: z.looseObject({ id: z.string(), name: z.string() }),
  year: z.number(),
  templates: z.array(z.looseObject({ definition: z.unknown(), scopes: z.array(scopeSchema) })),
});

export const workbookBase64Schema = z.looseObject({ fileName: z.string(), base64: z.string().min(1) });

export const validateResponseSchema = z.looseObject({ ok: z.boolean(), findings: z.array(findingSchema) });
export type ValidateResponse = z.infer<typeof validateResponseSchema>;

export const receiptSchema = z.looseObject({
  id: z.string(),
  version: z.number(),
  sha256: z.string(),
  submittedAt: z.string(),
  created: z.boolean(),
  warnings: z.array(findingSchema).default([]),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const statusStateSchema = z.enum(['saknas', 'sen', 'inskickad', 'godkand', 'returnerad']);
export type StatusState = z.infer<typeof statusStateSchema>;

export const statusRowSchema = z.looseObject({
  templateId: z.string(),
  templateTitle: z.string(),
  scope: z.string(),
  scopeName: z.string(),
  parties: z.array(z.string()),
  state: statusStateSchema,
  id: z.string().optional(),
  version: z.number().optional(),
  party: z.string().optional(),
  submittedAt: z.string().optional(),
  stateComment: z.string().optional(),
});
export type StatusRow = z.infer<typeof statusRowSchema>;

export const statusSchema = z.looseObject({
  period: z.string(),
  deadline: z.string().nullable().optional(),
  locked: z.boolean(),
  rows: z.array(statusRowSchema),
});
export type StatusMatrix = z.infer<typeof statusSchema>;

export const reportSchema = z.looseObject({
  id: z.string(),
  fileName: z.string(),
  period: z.string(),
  variant: z.enum(['internal', 'published']),
  createdAt: z.string(),
  sha256: z.string().optional(),
  size: z.number().optional(),
});
export type Report = z.infer<typeof reportSchema>;

/** 201 with the report when it was quick, 202 with a job to poll when it takes long. */
export const consolidateResponseSchema = z
  .looseObject({ report: reportSchema.optional(), jobId: z.string().optional() })
  .refine((b) => b.report !== undefined || b.jobId !== undefined, 'report or jobId');

export const jobSchema = z.looseObject({
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number().min(0).max(1).default(0),
  message: z.string().optional(),
  report: reportSchema.optional(),
});
export type ConsolidationJob = z.infer<typeof jobSchema>;

export const reportsSchema = z.looseObject({ reports: z.array(reportSchema) });

export const devTokenSchema = z.looseObject({ token: z.string().min(10), expiresInSeconds: z.number() });
