import { z } from 'zod';
import { periodIdSchema } from './period';

/**
 * Settings a förbund's board decides for a year beside the budget and the social budget: the
 * targets the consolidated workbook measures figures against, its own equity staircase
 * (trappan) where it departs from the national recommendation, and the default last days for
 * submissions. Each is optional: absent means the shipped default.
 */

/** A figure's target: at least (`gte`) or at most (`lte`) a value, in the figure's unit. */
export const figureTargetSchema = z.object({ comparator: z.enum(['gte', 'lte']), value: z.number() });
export type FigureTarget = z.infer<typeof figureTargetSchema>;

/** `<template id>.<figure id>`, e.g. `deltagare-avslut.andel_positiv`: the figure's name in reports. */
export const figureKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,60}\.[a-z][a-z0-9_]{0,40}$/, 'Måttet ska skrivas mall.mått, t.ex. deltagare-avslut.andel');

export const targetsSchema = z.record(figureKeySchema, figureTargetSchema);

export const trappanStepSchema = z.object({
  /** The part of the basis (tkr) this step covers, from `from` up to `to` (open-ended when absent). */
  from: z.number().min(0),
  to: z.number().positive().optional(),
  /** Recommended maximum equity, percent of the basis within the step. */
  percent: z.number().min(0).max(100),
  /** True where the step is not a published figure; results using it say so. */
  illustrative: z.boolean(),
});
export type TrappanStepSetting = z.infer<typeof trappanStepSchema>;

/**
 * What is wrong with a staircase, in Swedish: it must start at 0, each step must begin where the
 * previous one ended, and only the last may be open-ended.
 */
export function trappanProblems(steps: readonly TrappanStepSetting[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    if (i === 0 && step.from !== 0) problems.push({ index: i, message: 'Första steget ska börja på 0 tkr' });
    if (previous && previous.to !== step.from)
      problems.push({
        index: i,
        message: `Steget ska börja där föregående slutar (${previous.to ?? 'inget slut'} tkr)`,
      });
    if (step.to !== undefined && step.to <= step.from)
      problems.push({ index: i, message: 'Steget ska sluta på ett högre belopp än det börjar' });
    if (step.to === undefined && i < steps.length - 1)
      problems.push({ index: i, message: 'Bara det sista steget får sakna slut' });
  });
  return problems;
}

export const trappanSettingSchema = z
  .object({ source: z.string().min(3).optional(), steps: z.array(trappanStepSchema).min(1).max(20) })
  .superRefine((t, ctx) => {
    for (const p of trappanProblems(t.steps))
      ctx.addIssue({ code: 'custom', message: p.message, path: ['steps', p.index] });
  });
export type TrappanSetting = z.infer<typeof trappanSettingSchema>;

/** A calendar day, YYYY-MM-DD: submissions are due by the end of it. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum ska skrivas ÅÅÅÅ-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'Datumet finns inte',
    },
  );

/** The last day for submissions per period of the year, where kansliet has not set one for the period itself. */
export const deadlinesSchema = z.record(periodIdSchema, isoDateSchema);

/** End of a deadline day (UTC), as period settings hold deadlines. */
export function deadlineInstant(day: string): string {
  return `${day}T23:59:59.999Z`;
}

/** The last day the year's settings give a period, as an instant; undefined where they give none. */
export function configuredDeadline(
  years: Readonly<Record<string, { deadlines?: Readonly<Record<string, string>> }>>,
  period: { id: string; year: number },
): string | undefined {
  const day = years[String(period.year)]?.deadlines?.[period.id];
  return day ? deadlineInstant(day) : undefined;
}
