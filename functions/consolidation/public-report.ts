import type { ReportMetadata, ReportSummary } from '../../shared/api';

/** What the API says about a stored report (POST consolidate, a finished job). */
export function publicReport(summary: ReportSummary): ReportMetadata {
  const { id, fileName, period, variant, createdAt, sha256, size } = summary;
  return { id, fileName, period, variant, createdAt, sha256, size };
}
