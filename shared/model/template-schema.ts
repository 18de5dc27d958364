import { z } from 'zod';
import { cellSpecSchema } from './cell-kind';
import { cellRefPatternSchema, sheetNameSchema, termSchema } from './cell-ref';
import { consolidationSchema, consolidationProblems } from './consolidation-schema';
import { elementIdSchema, forbundIdSchema, ownerSchema, partyKindSchema, templateIdSchema } from './ids';
import { plausibilitySchema } from './plausibility-schema';

export { cellRefPatternSchema, sheetNameSchema, termSchema } from './cell-ref';

export const severitySchema = z.enum(['fel', 'varning']);
export type Severity = z.infer<typeof severitySchema>;

const ruleBase = {
  id: elementIdSchema,
  severity: severitySchema,
  /** Swedish, shown to the user: what must hold, e.g. "Totalt ska vara Kvinnor + Män". */
  description: z.string().min(3),
  /** Absolute tolerance, plus an allowance per term (0.5 per line for figures rounded to tkr). */
  tolerance: z.number().min(0).default(0),
  tolerancePerTerm: z.number().min(0).default(0),
  /** Added to the terms: `target ≤ 100 − a − b` for shares that cannot exceed 100 % together. */
  constant: z.number().optional(),
};

export const ruleSchema = z.discriminatedUnion('check', [
  /** target = constant + Σ terms */
  z.object({ check: z.literal('sum'), target: cellRefPatternSchema, terms: z.array(termSchema).min(1), ...ruleBase }),
  /** target ≤ constant + Σ terms (a part never exceeds its whole) */
  z.object({ check: z.literal('lte'), target: cellRefPatternSchema, terms: z.array(termSchema).min(1), ...ruleBase }),
  /**
   * target = factor × first term / second term (a share given beside its parts, such as SCB's
   * own Andel av befolkningen); judged only when both terms are there and the second is not 0.
   */
  z.object({
    check: z.literal('ratio'),
    target: cellRefPatternSchema,
    terms: z.tuple([termSchema, termSchema]),
    factor: z.number().positive().default(1),
    ...ruleBase,
  }),
]);
export type Rule = z.infer<typeof ruleSchema>;

export const columnSchema = z.object({
  id: elementIdSchema,
  label: z.string().min(1),
  help: z.string().optional(),
  cell: cellSpecSchema.optional(),
  required: z.boolean().optional(),
});
export type Column = z.infer<typeof columnSchema>;

export const rowSchema = z.object({
  id: elementIdSchema,
  label: z.string().min(1),
  help: z.string().optional(),
  /** 0 for a heading figure, 1 for "varav", 2 for a part of a part. */
  indent: z.number().int().min(0).max(2).default(0),
  cell: cellSpecSchema.optional(),
  required: z.boolean().optional(),
  /** Only these columns have an input cell in this row. */
  columns: z.array(elementIdSchema).optional(),
  /** Which party kinds report this row (strategic indicators); absent means whoever submits. */
  owner: z.array(ownerSchema).optional(),
  unit: z.string().optional(),
  /** Which way is good, for indicators compared with last year. */
  direction: z.enum(['up', 'down']).optional(),
});
export type Row = z.infer<typeof rowSchema>;
export type RowInput = z.input<typeof rowSchema>;

/** Rows that come from the förbund's configuration for the year rather than from the template. */
export const rowSourceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('kommuner') }),
  z.object({
    source: z.literal('budget-lines'),
    group: z.enum(['intakter', 'kansli', 'verksamhetsnara', 'insatser']).optional(),
  }),
  z.object({ source: z.literal('initiatives') }),
  z.object({ source: z.literal('impact-indicators'), area: elementIdSchema }),
]);
export type RowSource = z.infer<typeof rowSourceSchema>;

export const sectionSchema = z
  .object({
    id: elementIdSchema,
    title: z.string().min(1),
    help: z.string().optional(),
    cell: cellSpecSchema,
    required: z.boolean().default(true),
    columns: z.array(columnSchema).min(1),
    rows: z.array(rowSchema).default([]),
    rowSource: rowSourceSchema.optional(),
    /**
     * Where rows from `rowSource` go: after the section's own rows (default), or before them
     * (lines, then their Summa).
     */
    sourcedRows: z.enum(['first', 'last']).optional(),
  })
  .refine((s) => s.rows.length > 0 || s.rowSource !== undefined, {
    message: 'En sektion behöver rader eller en radkälla',
  });
export type Section = z.infer<typeof sectionSchema>;
export type SectionInput = z.input<typeof sectionSchema>;

export const periodRuleSchema = z.object({
  kind: z.enum(['tertial', 'halfyear', 'year']),
  /** Tertial figures are the year so far (T2 = jan–aug). */
  cumulative: z.boolean(),
});

export const scopeKindSchema = z.enum(['platform', 'kommun', 'forbund']);
export type ScopeKind = z.infer<typeof scopeKindSchema>;

export const templateDefinitionSchema = z
  .object({
    id: templateIdSchema,
    version: z.number().int().positive(),
    years: z.object({ from: z.number().int().min(2000), to: z.number().int().max(2100) }),
    title: z.string().min(3),
    /** Short name for the sheet tab (≤ 31 characters, Excel's limit). */
    sheetName: sheetNameSchema,
    help: z.string().min(3),
    period: periodRuleSchema,
    scope: scopeKindSchema,
    /**
     * Party kinds that may submit. Kansliet may always submit (e.g. importing SCB files); an empty
     * list means kansliet only (the förbund's own accounts, SCB imports).
     */
    submitters: z.array(partyKindSchema),
    /** Limit to some förbund (e.g. ArbSam is Skellefteå-Norsjö's own). */
    forbund: z.array(forbundIdSchema).optional(),
    sections: z.array(sectionSchema).min(1),
    rules: z.array(ruleSchema).default([]),
    /** Counts compared with last year and last period (a *varning* when far off); none when absent. */
    plausibility: plausibilitySchema.optional(),
    /** How the template consolidates; absent means the defaults (counts add up, compared with last year). */
    consolidation: consolidationSchema.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.years.from > t.years.to)
      ctx.addIssue({ code: 'custom', message: 'years.from är efter years.to', path: ['years'] });
    const sectionIds = new Set<string>();
    t.sections.forEach((s, si) => {
      if (sectionIds.has(s.id))
        ctx.addIssue({ code: 'custom', message: `Sektionen ${s.id} finns två gånger`, path: ['sections', si, 'id'] });
      sectionIds.add(s.id);
      const rowIds = new Set<string>();
      s.rows.forEach((r, ri) => {
        if (rowIds.has(r.id))
          ctx.addIssue({
            code: 'custom',
            message: `Raden ${s.id}.${r.id} finns två gånger`,
            path: ['sections', si, 'rows', ri],
          });
        rowIds.add(r.id);
        for (const c of r.columns ?? []) {
          if (!s.columns.some((col) => col.id === c))
            ctx.addIssue({
              code: 'custom',
              message: `Raden ${s.id}.${r.id} nämner okänd kolumn ${c}`,
              path: ['sections', si, 'rows', ri],
            });
        }
      });
      const colIds = new Set(s.columns.map((c) => c.id));
      if (colIds.size !== s.columns.length)
        ctx.addIssue({
          code: 'custom',
          message: `Sektionen ${s.id} har dubbla kolumn-id`,
          path: ['sections', si, 'columns'],
        });
    });
    for (const section of t.plausibility?.sections ?? [])
      if (!sectionIds.has(section))
        ctx.addIssue({
          code: 'custom',
          message: `Rimlighetskontrollen nämner okänd sektion ${section}`,
          path: ['plausibility', 'sections'],
        });
    if (t.consolidation) {
      const shapes = t.sections.map((s) => ({ ...s, sourced: s.rowSource !== undefined }));
      for (const message of consolidationProblems(t.consolidation, shapes))
        ctx.addIssue({ code: 'custom', message, path: ['consolidation'] });
    }
    const ruleIds = new Set<string>();
    t.rules.forEach((rule, ri) => {
      if (ruleIds.has(rule.id))
        ctx.addIssue({ code: 'custom', message: `Regeln ${rule.id} finns två gånger`, path: ['rules', ri] });
      ruleIds.add(rule.id);
      for (const ref of [rule.target, ...rule.terms]) {
        const [section] = ref.replace(/^-/, '').split('.');
        if (!sectionIds.has(section ?? ''))
          ctx.addIssue({
            code: 'custom',
            message: `Regeln ${rule.id} nämner okänd sektion i ${ref}`,
            path: ['rules', ri],
          });
      }
    });
  });
export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;
