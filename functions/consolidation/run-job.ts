import type { Registry } from '../../shared/config/registry';
import { parsePeriod } from '../../shared/model/period';
import { findForbund } from '../../shared/model/selectors';
import type { SubmissionRepository } from '../submissions/repository';
import type { JobMessage } from './job-message';
import type { JobState, JobStore } from './job-store';
import { JobTracker } from './job-tracker';
import { produceReport } from './produce-report';
import { publicReport } from './public-report';
import type { ReportStore } from './report-store';
import { summaryTime } from './tertial-schedule';

export interface JobDeps {
  registry: Registry;
  repository: SubmissionRepository;
  store: ReportStore;
  jobs: JobStore;
  now: () => Date;
}

export interface JobLog {
  log(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Why a job cannot run at all, whatever the number of tries: said to the user as it is. */
class UnrunnableJob extends Error {}

const NO_REPORT_WRITTEN = 'Inga godkända inlämningar; ingen rapport skrevs.';

function jobFromMessage(message: JobMessage, at: string): JobState {
  return {
    jobId: message.jobId,
    status: 'queued',
    progress: 0,
    message: '',
    period: message.period,
    variant: message.variant,
    basis: message.basis,
    trigger: message.trigger,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Builds the report of one job message (its `attempt`th delivery) and moves the job's state.
 * Idempotent by job id: a job already done or failed is left alone, and a job an earlier
 * delivery began (its host died mid-way) first looks for the report that delivery may have
 * stored, so a message delivered twice leaves one report. The report's time is fixed in the
 * message (or derived from the deadline and the submissions, for the timer), so building again
 * from the same submissions gives the same file, which the content-addressed store keeps once.
 *
 * A failure is rethrown: the queue delivers the message again, up to host.json's
 * maxDequeueCount, then moves it to the poison queue, where {@link failJob} settles the job.
 */
export async function runJob(deps: JobDeps, message: JobMessage, attempt: number, log: JobLog): Promise<void> {
  const existing = await deps.jobs.get(message.forbund, message.jobId);
  if (existing?.status === 'done' || existing?.status === 'failed') {
    log.log(`job ${message.jobId} is already ${existing.status}; this delivery does nothing`);
    return;
  }
  const tracker = new JobTracker(
    deps.jobs,
    message.forbund,
    existing ?? jobFromMessage(message, deps.now().toISOString()),
    deps.now,
  );
  try {
    const forbund = findForbund(deps.registry, message.forbund);
    const period = parsePeriod(message.period);
    if (!forbund) throw new UnrunnableJob(`Förbundet ${message.forbund} finns inte längre i konfigurationen.`);
    if (!period) throw new UnrunnableJob(`Perioden ${message.period} finns inte.`);
    if (existing && existing.attempts > 0) {
      const stored = await deps.store.findByJob(forbund.id, period.id, message.variant, message.jobId);
      if (stored) {
        log.log(`job ${message.jobId}: an earlier delivery stored ${stored.id}; marking the job done`);
        await tracker.done(publicReport(stored));
        return;
      }
    }
    await tracker.started(attempt);
    const { generatedAt, deadline } = message;
    const produced = await produceReport(
      deps,
      { forbund, period, variant: message.variant, basis: message.basis },
      {
        trigger: message.trigger,
        actor: message.actor,
        jobId: message.jobId,
        onProgress: tracker.progress,
        skipWhenEmpty: message.trigger === 'timer',
        generatedAt: generatedAt
          ? () => generatedAt
          : deadline
            ? (records) =>
                summaryTime(
                  deadline,
                  records.map((r) => r.updatedAt),
                )
            : undefined,
      },
    );
    if (produced) {
      log.log(`job ${message.jobId}: ${produced.written ? 'wrote' : 'found unchanged'} ${produced.summary.id}`);
      await tracker.done(publicReport(produced.summary));
    } else {
      log.log(`job ${message.jobId}: no approved submissions for ${period.id}; no report written`);
      await tracker.finishedWithout(NO_REPORT_WRITTEN);
    }
  } catch (error) {
    if (error instanceof UnrunnableJob) {
      log.error(`job ${message.jobId} cannot run: ${error.message}`);
      await tracker.failed(error.message);
      return;
    }
    log.error(`job ${message.jobId}, delivery ${attempt}, failed`, error);
    await tracker.willRetry(`Försök ${attempt} misslyckades; Samlad försöker igen strax.`).catch(() => undefined);
    throw error;
  }
}

/**
 * Settles a job whose message reached the poison queue: every delivery failed. The message
 * names the job's id, which the log holds beside each failure.
 */
export async function failJob(deps: Pick<JobDeps, 'jobs' | 'now'>, message: JobMessage, log: JobLog): Promise<void> {
  const existing = await deps.jobs.get(message.forbund, message.jobId);
  if (existing?.status === 'done' || existing?.status === 'failed') return;
  const job = existing ?? jobFromMessage(message, deps.now().toISOString());
  log.error(`job ${message.jobId} (${message.forbund} ${message.period} ${message.variant}) failed on every delivery`);
  const tries = job.attempts > 1 ? `efter ${job.attempts} försök ` : '';
  await new JobTracker(deps.jobs, message.forbund, job, deps.now).failed(
    `Sammanställningen misslyckades ${tries}(felkod ${message.jobId}). Försök igen om en stund; kvarstår felet, kontakta den som förvaltar Samlad och uppge felkoden.`,
  );
}
