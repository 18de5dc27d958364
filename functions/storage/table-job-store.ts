import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { ReportMetadata } from '../../shared/api';
import type { JobRepository, JobState, TimerRun } from '../consolidation/job-repository';
import { getEntityIfAny, once } from './setup';

/**
 * Consolidation jobs in Table storage (PartitionKey = förbund, RowKey = job id). The same table
 * keeps each timer's last run (PartitionKey `$timers`, which no förbund id can be), for
 * GET /api/health.
 */

const TIMERS_PARTITION = '$timers';

const entitySchema = z.object({
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number(),
  message: z.string(),
  report: z.string().optional(),
  period: z.string(),
  variant: z.string(),
  basis: z.string().default('approved'),
  trigger: z.enum(['api', 'timer']).default('api'),
  attempts: z.number().default(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const timerRunSchema = z.object({ at: z.string(), outcome: z.string() });

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

  async get(forbund: string, jobId: string): Promise<JobState | undefined> {
    await this.ensure();
    const entity = await getEntityIfAny(this.table, forbund, jobId);
    if (!entity) return undefined;
    const parsed = entitySchema.safeParse(entity);
    if (!parsed.success) return undefined;
    const { report, ...rest } = parsed.data;
    return { jobId, ...rest, ...(report ? { report: JSON.parse(report) as ReportMetadata } : {}) };
  }

  async recordTimerRun(timer: string, run: TimerRun): Promise<void> {
    await this.ensure();
    await this.table.upsertEntity({ partitionKey: TIMERS_PARTITION, rowKey: timer, ...run }, 'Replace');
  }

  async lastTimerRun(timer: string): Promise<TimerRun | undefined> {
    await this.ensure();
    const parsed = timerRunSchema.safeParse(await getEntityIfAny(this.table, TIMERS_PARTITION, timer));
    return parsed.success ? parsed.data : undefined;
  }
}
