import type { CellValue } from '../../shared/model/cell-kind';

/** Workflow state of the current version of a (template, scope, party) report. */
export type SubmissionState = 'inskickad' | 'godkand' | 'returnerad';

/** What identifies one party's report of one template for one scope in a period. */
export interface ReportKey {
  templateId: string;
  scope: string;
  party: string;
}

export interface Actor {
  subject: string;
  name?: string;
  role: string;
}

export interface NewSubmission extends ReportKey {
  forbund: string;
  period: string;
  templateVersion: number;
  values: Record<string, CellValue>;
  sha256: string;
  comment?: string;
  source: 'json' | 'xlsx';
  actor: Actor;
  late: boolean;
}

export interface Receipt {
  id: string;
  version: number;
  sha256: string;
  submittedAt: string;
}

export interface SubmissionVersion extends ReportKey {
  id: string;
  forbund: string;
  period: string;
  version: number;
  templateVersion: number;
  sha256: string;
  submittedAt: string;
  submittedBy: Actor;
  comment?: string;
  source: 'json' | 'xlsx';
  late: boolean;
}

export interface StoredSubmission extends SubmissionVersion {
  values: Record<string, CellValue>;
}

export interface CurrentReport extends ReportKey {
  id: string;
  version: number;
  sha256: string;
  state: SubmissionState;
  stateComment?: string;
  submittedAt: string;
  updatedAt: string;
  late: boolean;
}

export interface PeriodSettings {
  deadline?: string;
  locked: boolean;
  updatedAt?: string;
}

export interface AuditEvent {
  at: string;
  event:
    | 'submitted'
    | 'unchanged'
    | 'approved'
    | 'returned'
    | 'period-updated'
    | 'report-written'
    | 'report-unchanged'
    | 'reports-queued';
  actor: Actor;
  subject: string;
  sha256?: string;
  before?: string;
  after?: string;
  comment?: string;
}

/** Receipt ids name the period and report, so approve/return URLs need nothing else. */
export function submissionId(period: string, key: ReportKey, version: number): string {
  return `${period}~${key.templateId}~${key.scope}~${key.party}~${version}`;
}

export function parseSubmissionId(id: string): { period: string; key: ReportKey; version: number } | undefined {
  const match =
    /^(\d{4}(?:H1|T[123])?)~([a-z][a-z0-9-]{1,60})~([a-z][a-z0-9-]{1,60})~([a-z][a-z0-9-]{1,40})~([1-9]\d{0,5})$/.exec(
      id,
    );
  if (!match) return undefined;
  const [, period = '', templateId = '', scope = '', party = '', version = ''] = match;
  return { period, key: { templateId, scope, party }, version: Number(version) };
}
