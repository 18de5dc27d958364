import { join } from 'node:path';
import { seedSubmissions } from '../../scripts/demo/seed-submissions';
import type { SubmissionRecord } from '../../shared/indices/consolidation-model';
import { registry } from '../../shared/config/registry';
import { parsePeriod } from '../../shared/model/period';
import { findForbund, findTemplate } from '../../shared/model/selectors';

/**
 * The demo's seed submissions as stored, approved versions (fixed times and stand-in hashes),
 * for tests of the consolidation that need no storage.
 */
export function seedRecords(filter: (r: SubmissionRecord) => boolean = () => true): SubmissionRecord[] {
  const forbund = findForbund(registry, 'umearegionen')!;
  return seedSubmissions(registry, forbund, join(__dirname, '../..'))
    .map((s, i): SubmissionRecord => {
      const day = String(10 + (i % 10)).padStart(2, '0');
      return {
        id: `${s.period}~${s.templateId}~${s.scope}~${s.party}~1`,
        templateId: s.templateId,
        // The version the demo's submission is made with: the newest for its year.
        templateVersion: findTemplate(registry, s.templateId, parsePeriod(s.period)?.year ?? 0)?.version ?? 1,
        period: s.period,
        scope: s.scope,
        party: s.party,
        version: 1,
        sha256: String(i).padStart(64, '0'),
        state: 'godkand',
        submittedAt: `2024-01-${day}T08:00:00.000Z`,
        updatedAt: `2024-01-${day}T09:00:00.000Z`,
        comment: s.comment,
        values: s.values,
      };
    })
    .filter(filter);
}
