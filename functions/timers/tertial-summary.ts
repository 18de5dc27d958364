import { app, type InvocationContext, type Timer } from '@azure/functions';
import { getServices } from '../services';
import { getConfig } from '../config';
import { produceReport } from '../consolidation/produce-report';
import { defaultDeadline, endedTertials, summaryTime } from '../consolidation/tertial-schedule';
import { configuredDeadline } from '../../shared/model/year-settings-schema';
import type { Actor } from '../submissions/model';

const ACTOR: Actor = { subject: 'timer:tertialSummary', name: 'Tertialsammanställning', role: 'system' };

/**
 * Timer tertialSummary (schedule: TERTIAL_SUMMARY_SCHEDULE, daily 06:00 UTC by default): for
 * every förbund and every tertial whose deadline has passed (this year and
 * TERTIAL_SUMMARY_LOOKBACK_YEARS before it), writes the
 * internal consolidated workbook from the approved submissions. Idempotent: the report's time
 * comes from the deadline and the submissions, so the same inputs give the same file under the
 * same name, and a rerun — scheduled, past due or fired by hand — writes nothing new. Each
 * tertial considered leaves an audit event, and each run one per förbund in the year's partition.
 */
export async function tertialSummary(timer: Timer, context: InvocationContext): Promise<void> {
  const services = getServices();
  const { deadlineDays, lookbackYears } = getConfig().reports;
  const now = services.now();
  const errors: string[] = [];
  const snapshot = await services.configuration.current();
  for (const forbundId of snapshot.forbundIds()) {
    const outcome: string[] = [];
    let written = 0;
    let failed = 0;
    for (const period of endedTertials(now, lookbackYears)) {
      const settings = await services.repository.getPeriod(forbundId, period.id);
      // Each tertial with the settings active for its own year: their last days, targets and budget.
      const own = await snapshot.forbund(forbundId, period.year);
      if (!own) continue;
      const deadline =
        settings.deadline ?? configuredDeadline(own.forbund.years, period) ?? defaultDeadline(period, deadlineDays);
      if (now.getTime() <= Date.parse(deadline)) continue;
      try {
        const produced = await produceReport(
          services,
          { forbund: own.forbund, configuration: own, period, variant: 'internal', basis: 'approved' },
          {
            trigger: 'timer',
            actor: ACTOR,
            skipWhenEmpty: true,
            generatedAt: (records) =>
              summaryTime(
                deadline,
                records.map((r) => r.updatedAt),
              ),
          },
        );
        if (produced?.written) written += 1;
        const done = produced && `${produced.written ? 'skriven' : 'oförändrad'} ${produced.summary.id}`;
        outcome.push(`${period.id}: ${done || 'inga godkända inlämningar'}`);
      } catch (error) {
        // One tertial failing must not keep the others from their summaries; the next run retries it.
        failed += 1;
        context.error(`tertialSummary ${forbundId} ${period.id} failed`, error);
        outcome.push(`${period.id}: misslyckades (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    await services.repository.recordAudit(forbundId, String(now.getUTCFullYear()), {
      at: now.toISOString(),
      event: written > 0 ? 'report-written' : 'report-unchanged',
      actor: ACTOR,
      subject: 'tertialSummary',
      after: outcome.length > 0 ? outcome.join('; ') : 'ingen tertial har passerat sin sista inlämningsdag',
      comment: timer.isPastDue ? 'Körningen var försenad (past due).' : undefined,
    });
    // Operators read the log in English; the audit event above is kansliet's, in Swedish.
    context.log(`tertialSummary ${forbundId}: ${outcome.length} tertial(s) due, ${written} written, ${failed} failed`);
    if (failed > 0) errors.push(`${forbundId}: ${failed} tertial(s) failed`);
  }
  // Fail the invocation, so the host's logs and monitoring see it, after every förbund had its turn.
  if (errors.length > 0) throw new Error(`tertialSummary: ${errors.join('; ')}`);
}

app.timer('tertialSummary', { schedule: getConfig().reports.tertialSchedule, handler: tertialSummary });
