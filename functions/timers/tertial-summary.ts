import type { InvocationContext, Timer } from '@azure/functions';
import { getConfig } from '../config';
import { queueJob } from '../consolidation/queue-job';
import { endedTertials, forbundDeadline } from '../consolidation/tertial-schedule';
import { correlationIdOf, logEvent } from '../log-event';
import { getServices } from '../services';
import type { Actor } from '../submissions/model';

const ACTOR: Actor = { subject: 'timer:tertialSummary', name: 'Tertialsammanställning', role: 'system' };

/**
 * Timer tertialSummary (schedule: TERTIAL_SUMMARY_SCHEDULE, daily 06:00 UTC by default): for
 * every förbund and every tertial whose deadline has passed (this year and
 * TERTIAL_SUMMARY_LOOKBACK_YEARS before it), queues a job that writes the internal consolidated
 * workbook from the approved submissions; the job queue's workers build them, on any instance.
 * Idempotent: a job dates its report from the deadline and the submissions, so the same inputs
 * give the same file under the same name, and a rerun — scheduled, past due or fired by hand —
 * writes nothing new. Each run leaves one audit event per förbund in the year's partition, naming
 * the jobs, and its time and outcome for GET /api/health.
 */
export async function tertialSummary(timer: Timer, context: InvocationContext): Promise<void> {
  const services = getServices();
  const { jobs, queue } = services;
  const { deadlineDays, lookbackYears } = getConfig().reports;
  const now = services.now();
  const errors: string[] = [];
  let queued = 0;
  const snapshot = await services.configuration.current();
  for (const forbund of snapshot.forbundIds().map((id) => ({ id }))) {
    const outcome: string[] = [];
    for (const period of endedTertials(now, lookbackYears)) {
      try {
        const settings = await services.repository.getPeriod(forbund.id, period.id);
        // The last day kansliet set for the period, else the one its year's settings give, else the default.
        const own = await snapshot.forbund(forbund.id, period.year);
        const deadline = settings.deadline ?? forbundDeadline(own?.forbund ?? { years: {} }, period, deadlineDays);
        if (now.getTime() <= Date.parse(deadline)) continue;
        const job = await queueJob(
          { jobs, queue, now: services.now },
          {
            forbund: forbund.id,
            period: period.id,
            variant: 'internal',
            basis: 'approved',
            trigger: 'timer',
            actor: ACTOR,
            deadline,
            correlationId: correlationIdOf(context),
          },
        );
        queued += 1;
        outcome.push(`${period.id}: köad som jobb ${job.jobId}`);
      } catch (error) {
        // One tertial failing must not keep the others from their jobs; the next run retries it.
        logEvent(
          context,
          'error',
          'timer.queue-failed',
          { timer: 'tertialSummary', forbund: forbund.id, period: period.id },
          error,
        );
        errors.push(`${forbund.id} ${period.id}`);
        outcome.push(`${period.id}: kunde inte köas (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    await services.repository.recordAudit(forbund.id, String(now.getUTCFullYear()), {
      at: now.toISOString(),
      event: 'reports-queued',
      actor: ACTOR,
      subject: 'tertialSummary',
      after: outcome.length > 0 ? outcome.join('; ') : 'ingen tertial har passerat sin sista inlämningsdag',
      comment: timer.isPastDue ? 'Körningen var försenad (past due).' : undefined,
    });
    logEvent(context, 'info', 'timer.forbund-done', { timer: 'tertialSummary', forbund: forbund.id, outcome });
  }
  const unqueued = errors.length > 0 ? `; ${errors.length} kunde inte köas: ${errors.join(', ')}` : '';
  const summary = `${queued} jobb köade${unqueued}`;
  await jobs.recordTimerRun('tertialSummary', { at: now.toISOString(), outcome: summary });
  logEvent(context, errors.length > 0 ? 'error' : 'info', 'timer.run', {
    timer: 'tertialSummary',
    queued,
    failed: errors.length,
  });
  // Fail the invocation, so the host's logs and monitoring see it, after every förbund had its turn.
  if (errors.length > 0) throw new Error(`tertialSummary: ${summary}`);
}
