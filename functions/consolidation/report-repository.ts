import type { ReportSummary } from '../../shared/api';
import type { BuiltReport } from './build-report';

export type ReportTrigger = ReportSummary['trigger'];

/** A report's id: `<period>-<variant>-<16 hex of its SHA-256>`, e.g. `2023T3-internal-0123456789abcdef`. */
export const REPORT_ID = /^(\d{4}(?:H1|T[123])?)-(internal|published)-([0-9a-f]{16})$/;
export const isReportId = (value: string): boolean => REPORT_ID.test(value);

/**
 * Where consolidated reports are kept. One implementation stores them in Blob storage
 * (functions/storage/blob-report-store.ts); handlers and the timer see only this.
 */
export interface ReportRepository {
  /**
   * Stores the workbook unless the very same file is there; whether it wrote, and the summary either
   * way. `jobId` names the job that wrote it, for {@link findByJob}.
   */
  save(
    forbund: string,
    report: BuiltReport,
    trigger: ReportTrigger,
    jobId?: string,
  ): Promise<{ summary: ReportSummary; written: boolean }>;
  /** The report a job wrote, if it wrote one: a job delivered again after a crash finds it so. */
  findByJob(forbund: string, period: string, variant: string, jobId: string): Promise<ReportSummary | undefined>;
  /** Reports of a förbund, newest first; one period when given. */
  list(forbund: string, period?: string): Promise<ReportSummary[]>;
  /** The workbook and its summary, or undefined for an unknown id (or another förbund's). */
  get(forbund: string, id: string): Promise<{ summary: ReportSummary; xlsx: Buffer } | undefined>;
}
