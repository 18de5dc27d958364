import { randomUUID } from 'node:crypto';
import { app } from '@azure/functions';
import { z } from 'zod';
import { parsePeriod } from '../../shared/model/period';
import { badRequest } from '../api/api-error';
import { answer } from '../api/error-response';
import { actorOf, forbundRoute } from '../api/forbund-route';
import { readJson } from '../api/read-body';
import { getConfig } from '../config';
import { JobTracker } from '../consolidation/job-tracker';
import { produceReport, type Produced } from '../consolidation/produce-report';
import { publicReport } from '../consolidation/public-report';
import { reportConfiguration } from '../configuration/report-configuration';
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

type Race = { kind: 'done'; produced: Produced } | { kind: 'slow' };

/**
 * POST /api/forbund/{forbund}/consolidate {period, variant: internal|published, basis?: approved|latest,
 * settings?: period|current} — kansliet. The period's year's settings unless `settings: "current"`. Builds the consolidated workbook from the current submissions (approved ones
 * unless basis is "latest"), stores it in Blob storage and records an audit event.
 * 201 {report} when done within the configured budget (CONSOLIDATE_SYNC_MS); otherwise
 * 202 {jobId} with a Location to poll (GET …/consolidate/jobs/{jobId}) while the work goes on.
 */
export const consolidateReport = forbundRoute('kansli', async (call) => {
  const { request, services, forbund, principal, context } = call;
  const input = await readJson(request, body);
  const period = parsePeriod(input.period);
  if (!period)
    throw badRequest('invalid-period', `Perioden ”${input.period}” finns inte. Skriv t.ex. 2023, 2023H1 eller 2023T2.`);
  if (period.kind === 'halfyear')
    throw badRequest('invalid-period', 'Sammanställningen görs per tertial eller år, inte per halvår.');
  const tracker = new JobTracker(
    services.jobs,
    forbund.id,
    randomUUID(),
    { period: period.id, variant: input.variant },
    services.now,
  );
  const own = await call.atYear(period.year);
  const chosen = reportConfiguration(own, period.year, input.settings === 'current' ? call.current : undefined);
  const work = produceReport(
    services,
    { ...chosen, period, variant: input.variant, basis: input.basis },
    { trigger: 'api', actor: actorOf(principal), onProgress: tracker.progress },
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  const budget = new Promise<Race>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'slow' }), getConfig().reports.syncBudgetMs);
  });
  const outcome = await Promise.race([work.then((produced): Race => ({ kind: 'done', produced })), budget]).finally(
    () => clearTimeout(timer),
  );
  if (outcome.kind === 'done')
    return answer(consolidateAnswerSchema, 201, { report: publicReport(outcome.produced.summary) });

  await tracker.persist();
  work.then(
    (produced) => tracker.done(publicReport(produced.summary)),
    (error: unknown) => {
      context.error(`consolidation job ${tracker.jobId} failed`, error);
      return tracker.failed(
        `Sammanställningen misslyckades (felkod ${tracker.jobId}). Försök igen; kontakta kansliets ` +
          `support om felet kvarstår.`,
      );
    },
  );
  const location = `/api/forbund/${forbund.id}/consolidate/jobs/${tracker.jobId}`;
  return answer(
    consolidateAnswerSchema,
    202,
    { jobId: tracker.jobId, status: 'running', location },
    { Location: location },
  );
});

app.http('consolidate', {
  methods: ['POST'],
  route: 'forbund/{forbund}/consolidate',
  authLevel: 'anonymous',
  handler: consolidateReport,
});
