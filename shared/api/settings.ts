import { z } from 'zod';
import { forbundSchema } from '../model/forbund-schema';
import { severitySchema } from '../model/template-schema';
import { actorSchema } from './submissions';

/** Where a settings version came from. */
export const settingsSourceSchema = z.enum(['seed', 'xlsx', 'json', 'workbook', 'copy']);
export type SettingsSource = z.infer<typeof settingsSourceSchema>;

/** One stored version of a förbund's settings for a year: immutable, with who, when and why. */
export const settingsVersionSchema = z.object({
  forbund: z.string(),
  year: z.number().int(),
  version: z.number().int().positive(),
  /** SHA-256 of the document's canonical JSON. */
  sha256: z.string(),
  createdAt: z.string(),
  createdBy: actorSchema,
  comment: z.string().optional(),
  /** The version the upload was made from (its workbook says so); null for the first. */
  basedOn: z.number().int().nullable(),
  source: settingsSourceSchema,
});
export type SettingsVersion = z.infer<typeof settingsVersionSchema>;

/** The version active for a year: which, since when and by whom. */
export const activeSettingsSchema = z.object({
  version: z.number().int().positive(),
  sha256: z.string(),
  activatedAt: z.string(),
  activatedBy: actorSchema,
});
export type ActiveSettings = z.infer<typeof activeSettingsSchema>;

/** A finding in a settings upload with its Swedish text: which sheet and cell, and what is wrong. */
export const settingsFindingSchema = z.object({
  code: z.string(),
  severity: severitySchema,
  sheet: z.string(),
  cell: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ApiSettingsFinding = z.infer<typeof settingsFindingSchema>;

export const settingsChangeSchema = z.object({
  sheet: z.string(),
  row: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  column: z.string().optional(),
  before: z.string().optional(),
  after: z.string().optional(),
});
export type ApiSettingsChange = z.infer<typeof settingsChangeSchema>;

/** GET settings?year=: the year's active version, what serves the year if it has none, and the history. */
export const settingsAnswerSchema = z.object({
  forbund: z.object({ id: z.string(), name: z.string() }).nullable(),
  year: z.number().int(),
  active: activeSettingsSchema.nullable(),
  /** The year whose settings apply when this year has none of its own (they carry on until changed). */
  servedBy: z.number().int().nullable(),
  versions: z.array(settingsVersionSchema.extend({ active: z.boolean() })),
});
export type SettingsAnswer = z.infer<typeof settingsAnswerSchema>;

/**
 * POST settings/{year}/versions: the upload checked, and stored as a new version unless it has
 * errors or equals one already stored. Nothing is active until the explicit second call.
 */
export const settingsProposalAnswerSchema = z.object({
  outcome: z.enum(['stored', 'unchanged']),
  version: settingsVersionSchema,
  /** The version active when the upload was checked; the change list is against it. */
  active: z.number().int().nullable(),
  findings: z.array(settingsFindingSchema),
  changes: z.array(settingsChangeSchema),
});
export type SettingsProposalAnswer = z.infer<typeof settingsProposalAnswerSchema>;

/** The `details` of a 422 for a settings upload with errors: nothing was stored. */
export const settingsRefusalSchema = z.object({
  findings: z.array(settingsFindingSchema),
  changes: z.array(settingsChangeSchema),
});
export type SettingsRefusal = z.infer<typeof settingsRefusalSchema>;

export const settingsActivateAnswerSchema = z.object({ year: z.number().int(), active: activeSettingsSchema });

/** GET configuration?year=: the förbund as the year sees it, for the pane's own validation. */
export const forbundConfigurationAnswerSchema = z.object({
  year: z.number().int(),
  forbund: forbundSchema,
  /** Which version of whose year: the report's Om rapporten names the same. */
  settings: z.object({ year: z.number().int(), version: z.number().int(), sha256: z.string() }).nullable(),
  /** Every version of each template the förbund uses (the pane resolves and validates with them). */
  templates: z.array(z.unknown()),
});
export type ForbundConfigurationAnswer = z.infer<typeof forbundConfigurationAnswerSchema>;

/** An entry of the förbund list: administrators' overview, the dev login's choices, the role list. */
export const forbundEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  /** Every party any of its active years has, so a role for last year's party is still listed. */
  parties: z.array(z.object({ id: z.string(), name: z.string() })),
  years: z.array(z.number().int()),
});
export type ForbundEntry = z.infer<typeof forbundEntrySchema>;
export const forbundListAnswerSchema = z.object({ forbund: z.array(forbundEntrySchema) });

/** A template in the catalogue: built in, or added by an administrator (then immutable, only succeeded). */
export const catalogueTemplateSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  years: z.object({ from: z.number().int(), to: z.number().int() }),
  builtIn: z.boolean(),
  sha256: z.string().optional(),
  createdAt: z.string().optional(),
  createdBy: actorSchema.optional(),
  comment: z.string().optional(),
});
export type CatalogueTemplate = z.infer<typeof catalogueTemplateSchema>;
export const templateCatalogueAnswerSchema = z.object({ templates: z.array(catalogueTemplateSchema) });
export const templateAddedAnswerSchema = z.object({
  outcome: z.enum(['stored', 'unchanged']),
  template: catalogueTemplateSchema,
});

/** POST settings/{year}/copy: next year's new version, and whether it became active at once. */
export const settingsCopyAnswerSchema = settingsProposalAnswerSchema.extend({ activated: z.boolean() });
