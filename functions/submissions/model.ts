import type { CellValue } from '../../shared/model/cell-kind';
import type { Actor, SeriesKey } from '../../shared/api';

export type {
  Actor,
  CurrentSubmission,
  PeriodSettings,
  SeriesKey,
  StoredReceipt,
  StoredSubmission,
  SubmissionState,
  SubmissionVersion,
} from '../../shared/api';

export interface NewSubmission extends SeriesKey {
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

/** Receipt ids name the period and the series, so approve/return URLs need nothing else. */
export function submissionId(period: string, key: SeriesKey, version: number): string {
  return `${period}~${key.templateId}~${key.scope}~${key.party}~${version}`;
}

export function parseSubmissionId(id: string): { period: string; key: SeriesKey; version: number } | undefined {
  const match =
    /^(\d{4}(?:H1|T[123])?)~([a-z][a-z0-9-]{1,60})~([a-z][a-z0-9-]{1,60})~([a-z][a-z0-9-]{1,40})~([1-9]\d{0,5})$/.exec(
      id,
    );
  if (!match) return undefined;
  const [, period = '', templateId = '', scope = '', party = '', version = ''] = match;
  return { period, key: { templateId, scope, party }, version: Number(version) };
}
