import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { ReportMetadata } from '../../shared/api';
import { STALE_AFTER_MS, type JobRepository, type JobState } from '../consolidation/job-repository';
import { getEntityIfAny, once } from './setup';

/**
 * Consolidation jobs in Table storage (PartitionKey = förbund, RowKey = job id), so any
 * instance can answer a poll. A job's work runs in the instance that accepted it; one that
 * stops mid-way leaves a job whose `updatedAt` no longer moves, which a poll reports as failed.
 */

const entitySchema = z.object({
  status: z.enum(['running', 'done', 'failed']),
  progress: z.number(),
  message: z.string(),
  report: z.string().optional(),
  period: z.string(),
  variant: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export class TableJobStore implements JobRepository {
  private readonly ensure = once(() => this.table.createTable());

  constructor(private readonly table: TableClient) {}

  async put(forbund: string, job: JobState): Promise<void> {
    await this.ensure();
    const { jobId, report, ...rest } = job;
    await this.table.upsertEntity(
      { partitionKey: forbund, rowKey: jobId, ...rest, report: report ? JSON.stringify(report) : '' },
      'Replace',
    );
  }

  async get(forbund: string, jobId: string, now: Date): Promise<JobState | undefined> {
    await this.ensure();
    const entity = await getEntityIfAny(this.table, forbund, jobId);
    if (!entity) return undefined;
    const parsed = entitySchema.safeParse(entity);
    if (!parsed.success) return undefined;
    const { report, ...rest } = parsed.data;
    const job: JobState = { jobId, ...rest, ...(report ? { report: JSON.parse(report) as ReportMetadata } : {}) };
    if (job.status === 'running' && now.getTime() - Date.parse(job.updatedAt) > STALE_AFTER_MS) {
      return { ...job, status: 'failed', message: 'Sammanställningen avbröts innan den blev klar. Försök igen.' };
    }
    return job;
  }
}
