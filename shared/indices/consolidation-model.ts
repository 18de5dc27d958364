import type { Registry } from '../config/registry';
import type { CellValue } from '../model/cell-kind';
import type { ForbundConfig } from '../model/forbund-schema';
import type { Period } from '../model/period';
import type { CellId } from '../model/resolve';

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
