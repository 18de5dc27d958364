import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { PublicReport } from './public-report';
import { getEntityIfAny, once } from '../storage/setup';

/**
 * Consolidation jobs in Table storage (PartitionKey = förbund, RowKey = job id), so any
 * instance can answer a poll. A job's work runs in the instance that accepted it; one that
 * stops mid-way leaves a job whose `updatedAt` no longer moves, which a poll reports as failed.
 */

export type JobStatus = 'running' | 'done' | 'failed';

/** Jobs are named by randomUUID(). */
export const isJobId = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

export interface JobState {
  jobId: string;
  status: JobStatus;
  /** 0–1 */
  progress: number;
  /** Swedish, for the user: what is happening or what went wrong. */
  message: string;
  report?: PublicReport;
  period: string;
  variant: string;
  createdAt: string;
  updatedAt: string;
}

/** A running job whose progress has not moved for this long is taken as lost. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

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

export class JobStore {
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
    const job: JobState = { jobId, ...rest, ...(report ? { report: JSON.parse(report) as PublicReport } : {}) };
    if (job.status === 'running' && now.getTime() - Date.parse(job.updatedAt) > STALE_AFTER_MS) {
      return { ...job, status: 'failed', message: 'Sammanställningen avbröts innan den blev klar. Försök igen.' };
    }
    return job;
  }
}
