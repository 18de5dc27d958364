/**
 * Synthetic but realistic national data for the consolidation bench: 80 förbund shaped like
 * Umeåregionen (its templates, budget and social budget), each with 12 parties — AF, FK, the
 * Region, eight kommuner and Kriminalvården — and 25 platforms: Umeåregionen's three plus two
 * activities run by each party that may report participants. Every template is filled for
 * every period of 2023 and of 2022 (the reports' comparison year), one submission per report
 * scope, with values that pass validation (consistentFill).
 */
import { TEMPLATE_INPUTS } from '../../shared/config/templates';
import { umearegionen } from '../../shared/config/forbund/umearegionen';
import { buildRegistry, type ForbundConfigInput, type Registry } from '../../shared';
import { contentHash } from '../../functions/submissions/content-hash';
import type { NewSubmission } from '../../functions/submissions/model';
import { consistentFill, seededRng } from '../../tests/support/consistent-fill';
import { reportSlots } from './submission-plan';

export const NATIONAL_YEAR = 2023;
export const DATA_YEARS = [NATIONAL_YEAR - 1, NATIONAL_YEAR] as const;
export const TERTIALS = ['T1', 'T2', 'T3'].map((t) => `${NATIONAL_YEAR}${t}`);
const EXTRA_KOMMUNER = [
  { id: 'kommun-g', name: 'Kommun G', kommunkod: '2901' },
  { id: 'kommun-h', name: 'Kommun H', kommunkod: '2902' },
];
const ACTIVITIES_PER_PARTY = 2;

export function forbundId(index: number): string {
  return `forbund-${String(index + 1).padStart(2, '0')}`;
}

/** Umeåregionen's configuration with two more kommuner and two activities per reporting party. */
export function syntheticForbund(index: number): ForbundConfigInput {
  const parties = [
    ...umearegionen.parties,
    ...EXTRA_KOMMUNER.map((k) => ({ ...k, kind: 'kommun' as const, fundingMember: true })),
  ];
  const reporters = parties.filter((p) => ['af', 'fk', 'region', 'kommun'].includes(p.kind));
  const activities = reporters.flatMap((p) =>
    Array.from({ length: ACTIVITIES_PER_PARTY }, (_, i) => ({
      id: `${p.id}-verksamhet-${i + 1}`,
      name: `${p.name}, verksamhet ${i + 1}`,
      reportedBy: [p.id],
    })),
  );
  return {
    ...umearegionen,
    id: forbundId(index),
    name: `Samordningsförbund ${index + 1} (syntetiskt)`,
    shortName: `Förbund ${index + 1}`,
    parties,
    platforms: [...umearegionen.platforms, ...activities],
    platformGroups: [
      ...(umearegionen.platformGroups ?? []),
      { id: 'ovriga-verksamheter', name: 'Övriga verksamheter', platforms: activities.map((a) => a.id) },
    ],
  };
}

/** The synthetic förbund with every template; those limited to Umeåregionen apply to its look-alikes too. */
export function nationalRegistry(forbundCount: number): Registry {
  const templates = TEMPLATE_INPUTS.map((t) =>
    t.forbund?.includes(umearegionen.id) ? { ...t, forbund: undefined } : t,
  );
  return buildRegistry(
    Array.from({ length: forbundCount }, (_, i) => syntheticForbund(i)),
    templates,
  );
}

export interface NationalData {
  submissions: NewSubmission[];
  /** Non-empty cell values over all submissions. */
  values: number;
}

/**
 * One submission per (förbund, template, period, scope) in the data years: from a party that
 * may report it, else from kansliet (templates only kansliet fills, or whose rows different
 * parties own).
 */
export function nationalSubmissions(registry: Registry, seed: number): NationalData {
  const rng = seededRng(seed);
  const seen = new Set<string>();
  const submissions: NewSubmission[] = [];
  let values = 0;
  for (const slot of reportSlots(DATA_YEARS, registry)) {
    const key = `${slot.forbund}/${slot.templateId}/${slot.period}/${slot.scope}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fill = consistentFill(slot.template, rng);
    const { definition } = slot.template;
    values += Object.values(fill).filter((v) => v !== null && v !== '').length;
    submissions.push({
      forbund: slot.forbund,
      period: slot.period,
      templateId: definition.id,
      templateVersion: definition.version,
      scope: slot.scope,
      party: slot.party,
      values: fill,
      sha256: contentHash({
        templateId: definition.id,
        templateVersion: definition.version,
        scope: slot.scope,
        values: fill,
      }),
      source: 'json',
      actor: { subject: 'bench', role: slot.caller.role },
      late: false,
    });
  }
  return { submissions, values };
}
