import { parsePeriod } from '../../shared/model/period';
import type { ConfigurationCache } from '../configuration/configuration-cache';
import { reportConfiguration } from '../configuration/report-configuration';
import type { SubmissionRepository } from '../submissions/repository';
import type { JobMessage } from './job-message';
import type { JobRepository, JobState } from './job-repository';
import { JobTracker } from './job-tracker';
import { produceReport } from './produce-report';
import { publicReport } from './public-report';
import type { ReportRepository } from './report-repository';
import { summaryTime } from './tertial-schedule';

export interface JobDeps {
  /** Each job is built with the settings active for its period's year (or the year the message names). */
  configuration: Pick<ConfigurationCache, 'current'>;
  repository: SubmissionRepository;
  reports: ReportRepository;
  jobs: JobRepository;
  now: () => Date;
}

/** Where a job's events go: structured lines (log-event.ts) naming the job and its correlation id. */
export type JobLog = (
  level: 'info' | 'warn' | 'error',
  event: string,
  fields?: Record<string, unknown>,
  error?: unknown,
) => void;

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
    log('info', 'job.already-settled', { status: existing.status, attempt });
    return;
  }
  const tracker = new JobTracker(
    deps.jobs,
    message.forbund,
    existing ?? jobFromMessage(message, deps.now().toISOString()),
    deps.now,
  );
  try {
    const snapshot = await deps.configuration.current();
    const period = parsePeriod(message.period);
    if (!period) throw new UnrunnableJob(`Perioden ${message.period} finns inte.`);
    const own = await snapshot.forbund(message.forbund, period.year);
    if (!own) throw new UnrunnableJob(`Förbundet ${message.forbund} har inga aktiva inställningar för ${period.year}.`);
    const current =
      message.settingsYear === undefined ? undefined : await snapshot.forbund(message.forbund, message.settingsYear);
    const { forbund, configuration } = reportConfiguration(own, period.year, current);
    if (existing && existing.attempts > 0) {
      const stored = await deps.reports.findByJob(forbund.id, period.id, message.variant, message.jobId);
      if (stored) {
        log('info', 'job.found-earlier-report', { report: stored.id, attempt });
        await tracker.done(publicReport(stored));
        return;
      }
    }
    await tracker.started(attempt);
    log('info', 'job.started', { attempt });
    const started = performance.now();
    const { generatedAt, deadline } = message;
    const produced = await produceReport(
      deps,
      { forbund, configuration, period, variant: message.variant, basis: message.basis },
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
    const ms = Math.round(performance.now() - started);
    if (produced) {
      log('info', 'job.done', { attempt, ms, report: produced.summary.id, written: produced.written });
      await tracker.done(publicReport(produced.summary));
    } else {
      log('info', 'job.done', { attempt, ms, report: null, written: false });
      await tracker.finishedWithout(NO_REPORT_WRITTEN);
    }
  } catch (error) {
    if (error instanceof UnrunnableJob) {
      log('error', 'job.unrunnable', { attempt, reason: error.message });
      await tracker.failed(error.message);
      return;
    }
    log('warn', 'job.attempt-failed', { attempt }, error);
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
  log('error', 'job.failed', { attempts: job.attempts });
  const tries = job.attempts > 1 ? `efter ${job.attempts} försök ` : '';
  await new JobTracker(deps.jobs, message.forbund, job, deps.now).failed(
    `Sammanställningen misslyckades ${tries}(felkod ${message.jobId}). Försök igen om en stund; ` +
      'kvarstår felet, kontakta den som förvaltar Samlad och uppge felkoden.',
  );
}
