/**
 * The published variant, audited as a reader would attack it (tests/support/suppression-audit.ts):
 * for every hidden count of 1–4 of every consolidated template, the interval it can be narrowed
 * to — through every rule of the template, sums and inequalities alike, the groups' and the
 * förbund's sums, and counts being whole and ≥ 0 — spans at least the limit (SUPPRESSION.limit + 1
 * possible counts or more). Over the demo's data (the published demo workbook, both förbund) and
 * over random consistent fills.
 */
import fc from 'fast-check';
import { SUPPRESSION } from '../../shared/config/finance';
import { registry } from '../../shared/config/registry';
import { consolidate } from '../../shared/consolidation/consolidate';
import type { SubmissionRecord } from '../../shared/indices/consolidation-model';
import { requirePeriod } from '../../shared/model/period';
import { findForbund, findTemplate } from '../../shared/model/selectors';
import { resolveTemplate } from '../../shared/model/resolve';
import { consistentFill, seededRng } from '../support/consistent-fill';
import { seedRecords } from '../support/seed-records';
import { auditPublished } from '../support/suppression-audit';

const forbund = findForbund(registry, 'umearegionen')!;
const template = resolveTemplate(findTemplate(registry, 'deltagare-avslut', 2023)!, forbund, 2023);

const publish = (submissions: SubmissionRecord[]) =>
  consolidate({
    registry,
    forbund,
    period: requirePeriod('2023T3'),
    variant: 'published',
    basis: 'approved',
    generatedAt: '2024-02-01T06:00:00.000Z',
    submissions,
  });

function expectProtected(submissions: SubmissionRecord[]): number {
  const audited = publish(submissions).templates.flatMap((figures) => auditPublished(figures, SUPPRESSION.limit));
  const exposed = audited.filter((a) => a.high - a.low < SUPPRESSION.limit);
  expect(exposed).toEqual([]);
  return audited.length;
}

it("protects every small count of the demo's published workbook", () => {
  expect(expectProtected(seedRecords())).toBeGreaterThan(10);
});

it('protects every small count of random consistent fills of every platform, this year and last', () => {
  const record = (period: string, scope: string, values: SubmissionRecord['values']): SubmissionRecord => ({
    id: `${period}~deltagare-avslut~${scope}~x~1`,
    templateId: 'deltagare-avslut',
    templateVersion: 1,
    period,
    scope,
    party: 'x',
    version: 1,
    sha256: '0'.repeat(64),
    state: 'godkand',
    submittedAt: '2024-01-10T08:00:00.000Z',
    updatedAt: '2024-01-10T09:00:00.000Z',
    values,
  });
  fc.assert(
    fc.property(fc.noShrink(fc.integer()), (seed) => {
      const rng = seededRng(seed);
      const submissions = ['2023T3', '2022T3'].flatMap((period) =>
        forbund.platforms.map((p) => record(period, p.id, consistentFill(template, rng))),
      );
      expectProtected(submissions);
    }),
    { numRuns: 4 },
  );
});
