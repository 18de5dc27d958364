import { z } from 'zod';
import { sheetNameSchema } from './cell-ref';
import {
  elementIdSchema,
  forbundIdSchema,
  partyIdSchema,
  partyKindSchema,
  scopeIdSchema,
  templateIdSchema,
} from './ids';
import { deadlinesSchema, targetsSchema, trappanSettingSchema } from './year-settings-schema';

export const partySchema = z.object({
  // Kansliet's own submissions (SCB imports) are stored as the party "kansli": no party may share it.
  id: partyIdSchema.refine((id) => id !== 'kansli', 'Id ”kansli” är kansliets eget; välj ett annat id för parten.'),
  name: z.string().min(2),
  /** "Vindeln" for "Vindelns kommun": tables with a column per kommun; default the name. */
  shortName: z.string().min(2).max(31).optional(),
  kind: partyKindSchema,
  kommunkod: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  /** Funding members (FK for the state, the Region, the kommuner); Kriminalvården is a party to the agreement only. */
  fundingMember: z.boolean(),
});
export type Party = z.infer<typeof partySchema>;

/** A short name for sheet tabs (Excel allows 31 characters); default the name. */
const shortNameSchema = sheetNameSchema.optional();

export const platformSchema = z.object({
  id: scopeIdSchema,
  name: z.string().min(2),
  shortName: shortNameSchema,
  description: z.string().optional(),
  /** Parties whose coordinators report for the platform. */
  reportedBy: z.array(partyIdSchema).min(1),
});
export type Platform = z.infer<typeof platformSchema>;

/** A named sum of platforms, e.g. Arbetsmarknadstorgen = all of Umeåregionen's platforms. */
export const platformGroupSchema = z.object({
  id: scopeIdSchema,
  name: z.string().min(2),
  shortName: shortNameSchema,
  platforms: z.array(scopeIdSchema).min(1),
});
export type PlatformGroup = z.infer<typeof platformGroupSchema>;

export const budgetGroupSchema = z.enum(['intakter', 'kansli', 'verksamhetsnara', 'insatser']);
export type BudgetGroup = z.infer<typeof budgetGroupSchema>;

export const budgetLineSchema = z.object({
  id: elementIdSchema,
  label: z.string().min(2),
  group: budgetGroupSchema,
  /** Budget for the year in tkr; costs are negative, as in the annual report. */
  budget: z.number(),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const initiativeAreaSchema = z.enum(['Ohälsa', 'Arbetslöshet', 'Ekonomiskt bistånd', 'Förebyggande']);

export const initiativeSchema = z.object({
  id: elementIdSchema,
  number: z.number().int().positive(),
  name: z.string().min(2),
  area: initiativeAreaSchema,
  parties: z.array(z.string().min(1)).min(1),
  sammankallande: z.string().min(1),
  uppfoljningsansvarig: z.string().min(1),
  indicator: z.string().optional(),
});
export type Initiative = z.infer<typeof initiativeSchema>;

/** Whether an indicator reached its target: a fixed threshold, or better than last year. */
export const indicatorTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('threshold'), comparator: z.enum(['gte', 'lte']), value: z.number() }),
  z.object({ type: z.literal('better-than-last-year'), direction: z.enum(['up', 'down']) }),
]);
export type IndicatorTarget = z.infer<typeof indicatorTargetSchema>;

export const goalAreaSchema = z.object({ id: elementIdSchema, name: z.string().min(2), points: z.number().positive() });

export const impactIndicatorSchema = z.object({
  id: elementIdSchema,
  area: elementIdSchema,
  label: z.string().min(2),
  weight: z.number().min(1).max(10),
  unit: z.string().optional(),
  target: indicatorTargetSchema,
  /**
   * Where the value comes from: reported per platform in the Impactindex input template
   * ('input'), or computed from other submissions by a named formula.
   */
  source: z.union([z.literal('input'), z.object({ formula: z.string().min(1) })]),
});
export type ImpactIndicator = z.infer<typeof impactIndicatorSchema>;

/** Seed 004, Bilaga 1: "Vid viktningen tillåts en avvikelse på (+/- 5 % per målområde)". */
export const AREA_WEIGHT_TOLERANCE = 0.05;

const svNumber = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/**
 * What is wrong with a social budget, in Swedish, one message per problem: an indicator in an
 * unknown area, an id used twice, or an area whose indicator weights add up to more than ±5 %
 * away from the area's index points.
 */
export function checkSocialBudget(budget: {
  areas: readonly { id: string; name: string; points: number }[];
  indicators: readonly { id: string; area: string; weight: number }[];
}): string[] {
  const problems: string[] = [];
  const areaIds = new Set(budget.areas.map((a) => a.id));
  if (areaIds.size !== budget.areas.length) problems.push('Två målområden har samma id');
  const seen = new Set<string>();
  for (const i of budget.indicators) {
    if (seen.has(i.id)) problems.push(`Indikatorn ${i.id} finns två gånger`);
    seen.add(i.id);
    if (!areaIds.has(i.area)) problems.push(`Indikatorn ${i.id} hör till okänt målområde ${i.area}`);
  }
  for (const area of budget.areas) {
    const sum = budget.indicators.filter((i) => i.area === area.id).reduce((acc, i) => acc + i.weight, 0);
    const low = area.points * (1 - AREA_WEIGHT_TOLERANCE);
    const high = area.points * (1 + AREA_WEIGHT_TOLERANCE);
    if (sum < low - 1e-9 || sum > high + 1e-9) {
      const f = (n: number) => svNumber.format(n);
      problems.push(
        `Indikatorernas vikter i målområdet ${area.name} summerar till ${f(sum)}, men ska vara ` +
          `${f(area.points)} ± 5 % (${f(low)}–${f(high)})`,
      );
    }
  }
  return problems;
}

/** The year's social budget: goal areas with index points and weighted indicators (seed 004, Bilaga 1). */
export const socialBudgetSchema = z
  .object({
    targetIndex: z.number().min(0).max(100),
    areas: z.array(goalAreaSchema).min(1),
    indicators: z.array(impactIndicatorSchema).min(1),
    /**
     * What the annual report published for the year, per platform or group (seed 004, Tabell
     * 2–5), where it was published before Samlad computed it: the report shows it beside the
     * computed index and names any difference.
     */
    published: z
      .record(scopeIdSchema, z.object({ total: z.number().optional(), areas: z.record(elementIdSchema, z.number()) }))
      .optional(),
  })
  .superRefine((budget, ctx) => {
    for (const message of checkSocialBudget(budget)) ctx.addIssue({ code: 'custom', message, path: ['indicators'] });
  });
export type SocialBudget = z.infer<typeof socialBudgetSchema>;

/** Configuration that changes from year to year (decided by the board). */
export const forbundYearSchema = z.object({
  /** Each kommun's share (%) of the förbund's working-age population; splits the kommuner's 25 %. */
  populationShares: z.record(partyIdSchema, z.number().min(0).max(100)).optional(),
  budget: z.array(budgetLineSchema).optional(),
  initiatives: z.array(initiativeSchema).optional(),
  socialBudget: socialBudgetSchema.optional(),
  /** Targets of the report's headline figures by figure key; absent ones are the template's own (its consolidation). */
  targets: targetsSchema.optional(),
  /** The förbund's own equity staircase; absent means the national recommendation. */
  trappan: trappanSettingSchema.optional(),
  /** Default last day for submissions per period of the year (kansliet can still set one per period). */
  deadlines: deadlinesSchema.optional(),
});
export type ForbundYear = z.infer<typeof forbundYearSchema>;

export const forbundSchema = z
  .object({
    id: forbundIdSchema,
    name: z.string().min(3),
    shortName: z.string().min(2),
    parties: z.array(partySchema).min(1),
    platforms: z.array(platformSchema),
    platformGroups: z.array(platformGroupSchema).default([]),
    /** Templates this förbund collects. */
    templates: z.array(templateIdSchema).min(1),
    years: z.record(z.string().regex(/^\d{4}$/), forbundYearSchema).default({}),
  })
  .superRefine((f, ctx) => {
    const partyIds = new Set(f.parties.map((p) => p.id));
    if (partyIds.size !== f.parties.length)
      ctx.addIssue({ code: 'custom', message: 'Dubbla part-id', path: ['parties'] });
    const platformIds = new Set(f.platforms.map((p) => p.id));
    f.platforms.forEach((p, i) => {
      for (const party of p.reportedBy) {
        if (!partyIds.has(party))
          ctx.addIssue({
            code: 'custom',
            message: `Plattformen ${p.id} rapporteras av okänd part ${party}`,
            path: ['platforms', i],
          });
      }
    });
    f.platformGroups.forEach((g, i) => {
      for (const p of g.platforms) {
        if (!platformIds.has(p))
          ctx.addIssue({
            code: 'custom',
            message: `Gruppen ${g.id} nämner okänd plattform ${p}`,
            path: ['platformGroups', i],
          });
      }
    });
    for (const [year, cfg] of Object.entries(f.years)) {
      for (const period of Object.keys(cfg.deadlines ?? {}))
        if (!period.startsWith(year))
          ctx.addIssue({
            code: 'custom',
            message: `Sista dag för ${period} hör inte till ${year}`,
            path: ['years', year, 'deadlines', period],
          });
      const shares = cfg.populationShares;
      if (!shares) continue;
      for (const id of Object.keys(shares)) {
        const party = f.parties.find((p) => p.id === id);
        if (party?.kind !== 'kommun')
          ctx.addIssue({
            code: 'custom',
            message: `Befolkningsandel för ${id} som inte är en kommun`,
            path: ['years', year],
          });
      }
      const total = Object.values(shares).reduce((a, b) => a + b, 0);
      if (Math.abs(total - 100) > 0.5)
        ctx.addIssue({
          code: 'custom',
          message: `Befolkningsandelarna ${year} summerar till ${total}, inte 100`,
          path: ['years', year],
        });
    }
  });
export type ForbundConfig = z.infer<typeof forbundSchema>;
export type ForbundConfigInput = z.input<typeof forbundSchema>;

export function kommuner(forbund: ForbundConfig): Party[] {
  return forbund.parties.filter((p) => p.kind === 'kommun');
}
