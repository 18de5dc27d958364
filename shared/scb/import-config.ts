import { z } from 'zod';
import { elementIdSchema, templateIdSchema } from '../model/ids';

const contentColumn = elementIdSchema.optional();

/**
 * How an SCB helårsekvivalenter file becomes a template's values: which template and which of
 * its rows and columns, which sex and age group to take, and how a half-year is made from
 * months. Configuration (shared/config/scb-helarsekvivalenter.ts), checked here.
 */
export const scbImportConfigSchema = z.object({
  templateId: templateIdSchema,
  /** The template section the figures go in (cells `<section>.<row>.<column>`). */
  section: elementIdSchema,
  /** The template row for the whole country; kommuner are the template's own kommun rows. */
  riketRow: elementIdSchema,
  /** The template column each of SCB's contents lands in; a content without one is not sent. */
  columns: z.object({
    sjukpenning: contentColumn,
    sjuk_aktivitetsersattning: contentColumn,
    arbetsloshet: contentColumn,
    arbetsmarknadsatgarder: contentColumn,
    ekonomiskt_bistand: contentColumn,
    etableringsersattning: contentColumn,
    summa: contentColumn,
    folkmangd: contentColumn,
    andel: contentColumn,
  }),
  kon: z.enum(['totalt', 'man', 'kvinnor']),
  alder: z.enum(['20-64', '20-65']),
  halfYear: z.object({
    /** SCB's yearly figures are the mean of the months; a half-year is made the same way. */
    method: z.literal('mean-of-months'),
    /** The months of the first half-year: every one must be in the file, or the half-year is missing. */
    months: z.array(z.number().int().min(1).max(12)).min(1),
    /** Decimals kept in a mean; counts of people (the population) are rounded to whole numbers. */
    decimals: z.number().int().min(0).max(6),
  }),
  /** How many first half-years, ending with the report's, the report's series shows (seed 001, Figur 2). */
  seriesYears: z.number().int().min(1).max(40),
});
export type ScbImportConfig = z.infer<typeof scbImportConfigSchema>;
