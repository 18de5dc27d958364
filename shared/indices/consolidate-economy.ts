import { CONTRIBUTION_KEYS, TRAPPAN } from '../config/finance';
import type { ForbundConfig } from '../model/forbund-schema';
import type { TrappanSetting } from '../model/year-settings-schema';
import type { Period } from '../model/period';
import { budgetOutcome } from './budget-outcome';
import { measureAt } from './cell-measures';
import type { EconomySection } from './consolidation-model';
import { splitContributions } from './contributions';
import { assessEquity } from './equity';
import { missing } from './measure';
import type { SubmissionSources } from './submission-sources';

export const ECONOMY_TEMPLATE = 'ekonomi-utfall';
export const EQUITY_TEMPLATE = 'eget-kapital';
export const EQUITY_CELL = 'eget_kapital.utgaende.tkr';

/** The förbund's own staircase for the year where its board set one, else the national recommendation. */
function yearTrappan(own: TrappanSetting | undefined): typeof TRAPPAN {
  return own
    ? { ...TRAPPAN, source: own.source ?? 'Förbundets egen trappa i inställningarna', steps: own.steps }
    : TRAPPAN;
}

/** Budget lines that are member contributions: one line (2023) or one per member (2024–). */
const isContribution = (id: string) => id === 'medlemsavgifter' || id.startsWith('avgift_');

/**
 * Money for the report (seed 004, Bilaga 3 and §1.4; seed 001, budget): utfall against the
 * budget pro-rated to the period, the year's member contributions split by the Finsam keys,
 * and equity at 31 December against the trappan.
 */
export function economySection(
  forbund: ForbundConfig,
  sources: SubmissionSources,
  period: Period,
  periods: { tertial: string; year: string; lastYear: string; tertialT3: string },
): EconomySection {
  const scope = { id: forbund.id, name: forbund.name };
  const yearConfig = forbund.years[String(period.year)];
  const lines = yearConfig?.budget ?? [];
  const record = sources.latest(ECONOMY_TEMPLATE, periods.tertial, forbund.id);
  const utfall = sources.measures(ECONOMY_TEMPLATE, periods.tertial, scope);
  const comments: Record<string, string> = {};
  for (const [id, value] of Object.entries(record?.values ?? {})) if (typeof value === 'string') comments[id] = value;

  const outcome = lines.length > 0 ? budgetOutcome(lines, utfall, period, comments) : undefined;

  let contributions: EconomySection['contributions'];
  let contributionsMissing: string | undefined;
  const shares = yearConfig?.populationShares;
  const contributionLines = lines.filter((l) => isContribution(l.id));
  if (!shares) contributionsMissing = `Befolkningsandelar för ${period.year} saknas i förbundets konfiguration.`;
  else if (contributionLines.length === 0) contributionsMissing = `Budgeten för ${period.year} saknar medlemsavgifter.`;
  else {
    const total = Math.round(contributionLines.reduce((acc, l) => acc + l.budget, 0));
    const budgeted: Record<string, number | undefined> = {};
    for (const line of contributionLines) budgeted[line.id.replace(/^avgift_/, '')] = line.budget;
    const names = Object.fromEntries(forbund.parties.map((p) => [p.id, p.name]));
    contributions = { split: splitContributions(total, CONTRIBUTION_KEYS, shares), budgeted, names };
  }

  // Equity is a year-end figure; the trappan's basis is the year's revenue (see TRAPPAN.basis).
  const equity = sources.measures(EQUITY_TEMPLATE, periods.year, scope);
  const equityLast = sources.measures(EQUITY_TEMPLATE, periods.lastYear, scope);
  const yearRevenue = sources.measures(ECONOMY_TEMPLATE, periods.tertialT3, scope);
  const basis = measureAt(yearRevenue, 'intakter.summa.utfall', `verksamhetens intäkter ${period.year}`);
  return {
    period: periods.tertial,
    outcome,
    missing: outcome ? undefined : `Budget för ${period.year} saknas i förbundets konfiguration.`,
    contributions,
    contributionsMissing,
    equity: assessEquity(
      measureAt(equity, EQUITY_CELL, `eget kapital 31 december ${period.year}`),
      basis.value === null && !yearRevenue.size
        ? missing('no-configuration', `ekonomimallen för ${period.year}`)
        : basis,
      yearTrappan(yearConfig?.trappan),
    ),
    equityLastYear: measureAt(equityLast, EQUITY_CELL, `eget kapital 31 december ${period.year - 1}`),
  };
}
