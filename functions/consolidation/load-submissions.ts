import type { ReportBasis, SubmissionRecord } from '../../shared/indices/consolidation-model';
import { requiredPeriods } from '../../shared/indices/report-periods';
import type { Period } from '../../shared/model/period';
import type { CurrentSubmission } from '../submissions/model';
import type { SubmissionRepository } from '../submissions/repository';

/** Reads at most this many versions at once: enough to hide latency, few enough for Table storage. */
const PARALLEL = 8;

/** Which current versions a report may use: approved ones, or every current version. */
export function eligible(current: CurrentSubmission, basis: ReportBasis): boolean {
  return basis === 'latest' || current.state === 'godkand';
}

/**
 * The submissions a report for `period` reads — every period {@link requiredPeriods} names —
 * as records with their values. With basis 'approved' only kansliet's approved versions count;
 * 'latest' takes the current version whatever its state (a draft report before approval).
 * `onProgress` gets the share done (0–1).
 */
export async function loadSubmissions(
  repository: SubmissionRepository,
  forbund: string,
  period: Period,
  basis: ReportBasis,
  onProgress: (done: number) => void = () => {},
): Promise<SubmissionRecord[]> {
  const periods = requiredPeriods(period);
  const pointers = (
    await Promise.all(
      periods.map(async (p) => (await repository.listCurrent(forbund, p)).map((c) => ({ period: p, current: c }))),
    )
  )
    .flat()
    .filter((x) => eligible(x.current, basis));
  const records: SubmissionRecord[] = [];
  let done = 0;
  for (let i = 0; i < pointers.length; i += PARALLEL) {
    const batch = await Promise.all(
      pointers.slice(i, i + PARALLEL).map(async ({ period: p, current }) => {
        const stored = await repository.getVersion(forbund, p, current, current.version);
        if (!stored) return undefined;
        const record: SubmissionRecord = {
          id: current.id,
          templateId: current.templateId,
          templateVersion: stored.templateVersion,
          period: p,
          scope: current.scope,
          party: current.party,
          version: current.version,
          sha256: current.sha256,
          state: current.state,
          submittedAt: current.submittedAt,
          updatedAt: current.updatedAt,
          ...(stored.comment ? { comment: stored.comment } : {}),
          values: stored.values,
        };
        return record;
      }),
    );
    for (const r of batch) if (r) records.push(r);
    done += batch.length;
    onProgress(pointers.length === 0 ? 1 : done / pointers.length);
  }
  onProgress(1);
  // A stable order, so everything derived from the list (hashes, the workbook) is reproducible.
  return records.sort((a, b) => a.id.localeCompare(b.id));
}
