import type { Registry } from '../config/registry';
import type { SuppressionConfig } from '../config/finance';
import type { CellValue } from '../model/cell-kind';
import type { ForbundConfig, SocialBudget } from '../model/forbund-schema';
import type { Period } from '../model/period';
import type { CellId } from '../model/resolve';
import type { BudgetOutcome } from './budget-outcome';
import type { CellMeasures } from './cell-measures';
import type { Comparison } from './comparison';
import type { ContributionSplit } from './contributions';
import type { EquityAssessment } from './equity';
import type { HaeFigures } from './helarsekvivalenter';
import type { ImpactIndexResult } from './impact-index';
import type { Measure } from './measure';
import type { RateTable, ReferringParty } from './outcome-rates';
import type { StrategicIndicatorRow } from './strategic-indicators';

/** internal: every figure; published: small counts suppressed, free text left out. */
export type ReportVariant = 'internal' | 'published';
/** approved: only kansliet's approved versions; latest: the current version, whatever its state. */
export type ReportBasis = 'approved' | 'latest';

/** One stored submission version, as the consolidation reads it. */
export interface SubmissionRecord {
  id: string;
  templateId: string;
  templateVersion: number;
  period: string;
  scope: string;
  party: string;
  version: number;
  sha256: string;
  state: 'inskickad' | 'godkand' | 'returnerad';
  submittedAt: string;
  updatedAt: string;
  comment?: string;
  values: Readonly<Record<CellId, CellValue>>;
}

export interface ConsolidationInput {
  registry: Registry;
  forbund: ForbundConfig;
  /** The report's period: a tertial (figures for the year so far) or a year. */
  period: Period;
  variant: ReportVariant;
  basis: ReportBasis;
  /** ISO time written into the report; callers pass a fixed one for reproducible files. */
  generatedAt: string;
  /** The submissions to use (already chosen by basis), for every period {@link requiredPeriods} names. */
  submissions: readonly SubmissionRecord[];
}

export interface ParticipantScope {
  id: string;
  name: string;
  kind: 'group' | 'platform';
  /** For a group: its platforms' names. */
  platforms: string[];
  current: CellMeasures;
  lastYear: CellMeasures;
  rates: RateTable;
  lastYearRates: RateTable;
  /** Andel Ja till samverkan per referring party, this year against last. */
  yes: Record<ReferringParty, Comparison>;
  /**
   * Cells hidden in the published variant, as `current:<cellId>` / `lastYear:<cellId>`. A rate
   * is hidden when its numerator or denominator is.
   */
  hidden: ReadonlySet<string>;
}

export interface ImpactScope {
  id: string;
  name: string;
  current?: ImpactIndexResult;
  lastYear?: ImpactIndexResult;
}

export interface ImpactSection {
  budget?: SocialBudget;
  /** Why there is no index, when there is none (no social budget for the year). */
  missing?: string;
  lastYearMissing?: string;
  scopes: ImpactScope[];
}

export interface IndicatorsSection {
  year: number;
  rows: StrategicIndicatorRow[];
  /** `<row>:<kommun>:current|lastYear` hidden in the published variant. */
  hidden: ReadonlySet<string>;
}

/** One region's figures this first half-year and last year's, and the share compared (down is good). */
export interface HaeComparison {
  current: HaeFigures;
  lastYear: HaeFigures;
  share: Comparison;
}

export interface HaeSection {
  period: string;
  lastYearPeriod: string;
  kommuner: HaeComparison[];
  /** The förbund: its kommuner's counts and populations summed. */
  forbund: HaeComparison;
  /** The whole country, from the same SCB file. */
  riket: HaeComparison;
  /**
   * The share per kommun, for the förbund and for riket, first half-year by first half-year
   * (seed 001, Figur 2): from the earliest one kansliet sent within the configured span, to this one.
   */
  series: {
    periods: string[];
    rows: { id: string; name: string; kind: 'kommun' | 'forbund' | 'riket'; shares: Measure[] }[];
  };
}

export interface EconomySection {
  period: string;
  outcome?: BudgetOutcome;
  /** Why there is no outcome table. */
  missing?: string;
  contributions?: {
    split: ContributionSplit;
    budgeted: Record<string, number | undefined>;
    names: Record<string, string>;
  };
  contributionsMissing?: string;
  equity: EquityAssessment;
  equityLastYear: Measure;
}

export interface UsedSubmission extends Omit<SubmissionRecord, 'values'> {
  templateTitle: string;
  scopeName: string;
  partyName: string;
}

export interface CompletenessRow {
  templateId: string;
  templateTitle: string;
  templateVersion?: number;
  period: string;
  scope: string;
  scopeName: string;
  /** The submissions used for this template, period and scope (several parties for a kommun). */
  used: UsedSubmission[];
}

export interface HeadlineRow {
  /** Where it belongs: the group or platform name, or "Förbundet". */
  scope: string;
  label: string;
  unit: '%' | 'index' | 'tkr';
  current: Measure;
  lastYear: Measure;
  diff: Measure;
  target?: { comparator: 'gte' | 'lte'; value: number };
  /** null when the figure is missing or there is no target. */
  reached: boolean | null;
  /** Hidden in the published variant (a rate built on a suppressed count). */
  hidden?: boolean;
}

export interface Consolidation {
  meta: {
    forbund: { id: string; name: string };
    period: Period;
    periodLabel: string;
    lastYearPeriod: string;
    variant: ReportVariant;
    basis: ReportBasis;
    generatedAt: string;
    suppression?: SuppressionConfig;
    templates: { id: string; version: number; title: string }[];
  };
  headline: HeadlineRow[];
  participants: ParticipantScope[];
  impact: ImpactSection;
  indicators: IndicatorsSection;
  helarsekvivalenter: HaeSection;
  economy: EconomySection;
  completeness: CompletenessRow[];
  /** Method notes and what the data itself says (rounding differences, missing reports), in Swedish. */
  notes: string[];
}
