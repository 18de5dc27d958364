/**
 * A realistic mix of valid submissions for load and fault runs: every template the shipped
 * förbund collect, for every period of its kind and every scope, from every party that may
 * submit it (kansliet for templates only kansliet fills, or whose rows are owned by different
 * parties). Values come from `consistentFill`, so every submission passes validation and is
 * stored; what is measured is the API and storage, not the refusal path.
 */
import type { DevTokenRequest } from '../../functions/auth/dev-token';
import {
  periodsOfYear,
  registry as shippedRegistry,
  resolveTemplate,
  scopesOf,
  scopesForParty,
  templatesForForbund,
  type Registry,
  type ResolvedTemplate,
} from '../../shared';
import { consistentFill, seededRng, type Fill } from '../../tests/support/consistent-fill';

/** One (förbund, template, period, scope, party): a current pointer and its versions in storage. */
export interface ReportSlot {
  forbund: string;
  templateId: string;
  period: string;
  scope: string;
  /** Party the submission is stored under; "kansli" when kansliet submits. */
  party: string;
  /** Who signs the request: a person of their own for each report, as at a real deadline. */
  caller: DevTokenRequest;
  template: ResolvedTemplate;
}

export interface PlannedSubmission {
  slot: ReportSlot;
  /** The JSON body of POST /api/forbund/{forbund}/submissions. */
  body: { templateId: string; period: string; scope: string; values: Fill; comment: string };
}

/** The key under which the repository stores a slot's versions (förbund, period, template, scope, party). */
export function slotKey(s: Pick<ReportSlot, 'forbund' | 'period' | 'templateId' | 'scope' | 'party'>): string {
  return `${s.forbund}/${s.period}/${s.templateId}/${s.scope}/${s.party}`;
}

/** Every slot the configuration allows in `years`. */
export function reportSlots(years: readonly number[], registry: Registry = shippedRegistry): ReportSlot[] {
  const slots: ReportSlot[] = [];
  for (const forbund of registry.forbund) {
    for (const year of years) {
      for (const definition of templatesForForbund(registry, forbund, year)) {
        const template = resolveTemplate(definition, forbund, year);
        // A reporter may fill only the rows their party kind owns; a full fill needs kansliet.
        const owned = template.cells.some((c) => c.owner !== undefined);
        const reporters = owned
          ? []
          : forbund.parties.filter((p) => scopesForParty(definition, forbund, p.id).length > 0);
        for (const period of periodsOfYear(year, definition.period.kind)) {
          for (const scope of scopesOf(definition, forbund)) {
            const base = {
              forbund: forbund.id,
              templateId: definition.id,
              period: period.id,
              scope: scope.id,
              template,
            };
            const parties = reporters.filter((p) =>
              scopesForParty(definition, forbund, p.id).some((s) => s.id === scope.id),
            );
            const person = (party: string) => `bench-${slotKey({ ...base, party }).replaceAll('/', '-')}`;
            for (const p of parties)
              slots.push({
                ...base,
                party: p.id,
                caller: { forbund: forbund.id, party: p.id, role: 'reporter', subject: person(p.id) },
              });
            slots.push({
              ...base,
              party: 'kansli',
              caller: { forbund: forbund.id, role: 'kansli', subject: person('kansli') },
            });
          }
        }
      }
    }
  }
  return slots;
}

export interface PlanOptions {
  /** How many submissions in all. */
  count: number;
  /** Of those, how many go to a slot already used in the plan (a resubmission with new content). */
  resubmissions: number;
  seed: number;
  years?: readonly number[];
}

/**
 * `count` submissions: distinct slots first (spread over förbund, templates, periods and
 * parties), then `resubmissions` more to slots already in the plan, each with different values,
 * so several versions of one slot race for its pointer.
 */
export function planSubmissions(options: PlanOptions): PlannedSubmission[] {
  const rng = seededRng(options.seed);
  const slots = reportSlots(options.years ?? [2023, 2024, 2025, 2026]);
  const distinct = options.count - options.resubmissions;
  if (distinct > slots.length)
    throw new Error(
      `only ${slots.length} distinct report slots; ask for fewer than ${options.count} or more resubmissions`,
    );
  // Every k-th slot, so the picks cover all templates and förbund rather than the first few.
  const step = slots.length / distinct;
  const chosen = Array.from({ length: distinct }, (_, i) => slots[Math.floor(i * step)]!);
  const resubmitted = Array.from(
    { length: options.resubmissions },
    () => chosen[Math.floor(rng() * Math.min(chosen.length, 10))]!,
  );
  return [...chosen, ...resubmitted].map((slot) => ({
    slot,
    body: {
      templateId: slot.templateId,
      period: slot.period,
      scope: slot.scope,
      values: consistentFill(slot.template, rng),
      // Random fills are far from each other, so the plausibility check asks for a comment (a varning).
      comment: 'Slumpade siffror för belastningsprov.',
    },
  }));
}
