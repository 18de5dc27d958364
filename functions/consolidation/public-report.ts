import type { ReportSummary } from './report-store';

/** What the API says about a stored report (POST consolidate, a finished job). */
export interface PublicReport {
  id: string;
  fileName: string;
  period: string;
  variant: ReportSummary['variant'];
  createdAt: string;
  sha256: string;
  size: number;
}

export function publicReport(summary: ReportSummary): PublicReport {
  const { id, fileName, period, variant, createdAt, sha256, size } = summary;
  return { id, fileName, period, variant, createdAt, sha256, size };
}
