import type { SuppressionConfig } from '../config/finance';
import type { CompletenessRow, ReportBasis, ReportVariant } from '../indices/consolidation-model';
import type { Period } from '../model/period';
import type { CheckRow } from './checks';
import type { ComputationData } from './computations';
import type { HeadlineRow } from './headline';
import type { ReportSheet } from './report-model';
import type { TemplateFigures } from './template-figures';

/**
 * A förbund's submissions for a report period, consolidated: every template's figures, the
 * computations, the checks.
 */
export interface Consolidation {
  meta: {
    forbund: { id: string; name: string; shortName: string };
    period: Period;
    periodLabel: string;
    lastYearPeriod: string;
    variant: ReportVariant;
    basis: ReportBasis;
    generatedAt: string;
    suppression?: SuppressionConfig;
    templates: { id: string; version: number; title: string }[];
  };
  /** Each template the förbund collects this year, consolidated, in the förbund's order. */
  templates: TemplateFigures[];
  /** The named computations' figures, by name. */
  computed: Partial<ComputationData>;
  headline: HeadlineRow[];
  checks: CheckRow[];
  completeness: CompletenessRow[];
  /** Method notes and what the data itself says, in Swedish. */
  notes: string[];
  /** The workbook's sheets, in order, before Om rapporten (which needs the report's hash). */
  sheets: ReportSheet[];
}
