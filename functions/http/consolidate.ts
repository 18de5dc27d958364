import { z } from 'zod';
import { parsePeriod } from '../../shared/model/period';
import { firstTemplateYear } from '../../shared/model/selectors';
import { badRequest } from '../api/api-error';
import { answer } from '../api/error-response';
import { actorOf, forbundWriteRoute } from '../api/forbund-route';
import { readJson } from '../api/read-body';
import { getConfig } from '../config';
import type { JobRepository, JobState } from '../consolidation/job-repository';
import { queueJob } from '../consolidation/queue-job';
import { correlationIdOf, logEvent } from '../log-event';
import { consolidateAnswerSchema } from '../../shared/api';

const body = z
  .object({
    period: z.string(),
    variant: z.enum(['internal', 'published']),
    basis: z.enum(['approved', 'latest']).default('approved'),
    /** The period's year's own settings, or those in force now. */
    settings: z.enum(['period', 'current']).default('period'),
  })
  .strict();

/** Looks at the job often at first (a quick build is done in well under a second), then once a second. */
async function waitForJob(
  jobs: JobRepository,
  forbund: string,
  jobId: string,
  budgetMs: number,
): Promise<JobState | undefined> {
  const deadline = Date.now() + budgetMs;
  let pause = 100;
  let job: JobState | undefined;
  while (Date.now() + pause <= deadline) {
    await new Promise((resolve) => setTimeout(resolve, pause));
    job = await jobs.get(forbund, jobId);
    if (job?.status === 'done' || job?.status === 'failed') return job;
    pause = Math.min(1000, pause * 2);
  }
  return job;
}

/**
 * POST /api/forbund/{forbund}/consolidate {period, variant: internal|published, basis?: approved|latest,
 * settings?: period|current} — kansliet. The period's year's settings unless `settings: "current"`.
 * Queues a job that builds the consolidated workbook from the current submissions
 * (approved ones unless basis is "latest") on whichever instance takes it, stores it in Blob
 * storage and records an audit event. Answers 201 {report} if the job is done within
 * CONSOLIDATE_SYNC_MS, otherwise 202 {jobId} with a Location to poll
 * (GET …/consolidate/jobs/{jobId}); the job survives this instance either way.
 */
export const consolidateReport = forbundWriteRoute(
  'kansli',
  async ({ request, services, forbund, principal, context, current }) => {
    const input = await readJson(request, body);
    const period = parsePeriod(input.period);
    if (!period)
      throw badRequest(
        'invalid-period',
        `Perioden ”${input.period}” finns inte. Skriv t.ex. 2023, 2023H1 eller 2023T2.`,
      );
    if (period.kind === 'halfyear')
      throw badRequest('invalid-period', 'Sammanställningen görs per tertial eller år, inte per halvår.');
    const first = firstTemplateYear(current.registry, forbund);
    if (first === undefined || period.year < first)
      throw badRequest(
        'period-before-templates',
        first === undefined
          ? `${forbund.name} samlar inte in några mallar i Samlad ännu.`
          : `Samlad har inga mallar för ${forbund.name} före ${first}. Välj ${first} eller ett senare år.`,
      );
    const { jobs, queue } = services;
    const job = await queueJob(
      { jobs, queue, now: services.now },
      {
        forbund: forbund.id,
        period: period.id,
        variant: input.variant,
        basis: input.basis,
        trigger: 'api',
        ...(input.settings === 'current' ? { settingsYear: current.settings.year } : {}),
        actor: actorOf(principal),
        generatedAt: services.now().toISOString(),
        correlationId: correlationIdOf(context),
      },
    );
    logEvent(context, 'info', 'job.queued', {
      jobId: job.jobId,
      forbund: forbund.id,
      period: period.id,
      trigger: 'api',
    });
    const settled = await waitForJob(jobs, forbund.id, job.jobId, getConfig().reports.syncBudgetMs);
    if (settled?.status === 'done' && settled.report)
      return answer(consolidateAnswerSchema, 201, { report: settled.report });
    const location = `/api/forbund/${forbund.id}/consolidate/jobs/${job.jobId}`;
    return answer(
      consolidateAnswerSchema,
      202,
      { jobId: job.jobId, status: settled?.status ?? job.status, location },
      { Location: location },
    );
  },
);
