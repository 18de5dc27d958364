import { z } from 'zod';

export const scopeSchema = z.object({ id: z.string(), kind: z.string(), name: z.string() });
export type ApiScope = z.infer<typeof scopeSchema>;

/**
 * GET templates: the definitions the caller may fill, with their scopes. A definition is
 * checked by the reader with `templateDefinitionSchema` one by one, so one it cannot read is
 * named on its own.
 */
export const templatesAnswerSchema = z.object({
  forbund: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  templates: z.array(z.object({ definition: z.unknown(), scopes: z.array(scopeSchema) })),
});
export type TemplatesAnswer = z.input<typeof templatesAnswerSchema>;

/** A workbook as JSON, for Excel's insertWorksheetsFromBase64 (a template or a report). */
export const workbookFileSchema = z.object({ fileName: z.string(), base64: z.string().min(1) });
export type WorkbookFile = z.infer<typeof workbookFileSchema>;
