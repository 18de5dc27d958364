import type { Actor } from '../submissions/model';
import type { SubmissionRepository } from '../submissions/repository';
import { buildReport, type BuiltReport, type ReportRequest } from './build-report';
import { loadSubmissions } from './load-submissions';
import type { ReportSummary } from '../../shared/api';
import type { ReportRepository, ReportTrigger } from './report-repository';

export type Progress = (share: number, message: string) => void;

export interface ProduceDeps {
  repository: SubmissionRepository;
  reports: ReportRepository;
  now: () => Date;
}

export interface ProduceOptions {
  trigger: ReportTrigger;
  actor: Actor;
  /** Fixed for reproducible files (the timer); now when absent. */
  generatedAt?: (records: BuiltReport['submissions']) => string;
  onProgress?: Progress;
  /** Write nothing (only the audit event) when no submission qualifies; the timer's choice. */
  skipWhenEmpty?: boolean;
  /** The job building it, recorded with the report (a job delivered twice finds its report by it). */
  jobId?: string;
}

export interface Produced {
  summary: ReportSummary;
  written: boolean;
  built: BuiltReport;
}

/**
 * Loads the submissions, builds the workbook, stores it (unless the same file is there) and
 * leaves an audit event in the period's partition: "report-written", or "report-unchanged"
 * when the identical file already existed.
 */
export async function produceReport(
  deps: ProduceDeps,
  request: ReportRequest,
  options: ProduceOptions & { skipWhenEmpty: true },
): Promise<Produced | undefined>;
export async function produceReport(
  deps: ProduceDeps,
  request: ReportRequest,
  options: ProduceOptions,
): Promise<Produced>;
export async function produceReport(
  deps: ProduceDeps,
  request: ReportRequest,
  options: ProduceOptions,
): Promise<Produced | undefined> {
  const progress = options.onProgress ?? (() => {});
  progress(0.02, 'Läser inlämningarna');
  const records = await loadSubmissions(deps.repository, request.forbund.id, request.period, request.basis, (share) =>
    progress(0.02 + 0.58 * share, 'Läser inlämningarna'),
  );
  if (records.length === 0 && options.skipWhenEmpty) {
    await deps.repository.recordAudit(request.forbund.id, request.period.id, {
      at: deps.now().toISOString(),
      event: 'report-unchanged',
      actor: options.actor,
      subject: `${request.period.id}-${request.variant}`,
      comment:
        request.basis === 'approved'
          ? 'Inga godkända inlämningar; ingen rapport skrevs.'
          : 'Inga inlämningar; ingen rapport skrevs.',
    });
    return undefined;
  }
  progress(0.62, 'Beräknar index och skriver arbetsboken');
  const generatedAt = options.generatedAt?.(records) ?? deps.now().toISOString();
  const built = await buildReport(request, records, generatedAt);
  progress(0.9, 'Sparar rapporten');
  const { summary, written } = await deps.reports.save(request.forbund.id, built, options.trigger, options.jobId);
  await deps.repository.recordAudit(request.forbund.id, request.period.id, {
    at: deps.now().toISOString(),
    event: written ? 'report-written' : 'report-unchanged',
    actor: options.actor,
    subject: summary.id,
    sha256: summary.sha256,
    after: `${request.variant}, ${request.basis}, ${records.length} inlämningar`,
    comment: written ? undefined : 'Samma underlag som en sparad rapport; inget nytt skrevs.',
  });
  progress(1, 'Klar');
  return { summary, written, built };
}
