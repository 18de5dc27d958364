import { notFound } from '../api/api-error';
import { isJobId } from '../consolidation/job-repository';
import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { jobSchema } from '../../shared/api';

/**
 * GET /api/forbund/{forbund}/consolidate/jobs/{jobId} — kansliet polls a consolidation that
 * answered 202: {jobId, status: queued|running|done|failed, progress 0–1, message, report?}.
 */
export const getConsolidationJob = forbundRoute(
  'kansli',
  async ({ request, services, forbund }) => {
    const job = await services.jobs.get(forbund.id, request.params.jobId ?? '');
    if (!job) throw notFound('Sammanställningen finns inte.');
    const { jobId, status, progress, message, report, period, variant, createdAt, updatedAt } = job;
    return answer(jobSchema, 200, {
      jobId,
      status,
      progress,
      message,
      ...(report ? { report } : {}),
      period,
      variant,
      createdAt,
      updatedAt,
    });
  },
  { ids: { jobId: isJobId } },
);
