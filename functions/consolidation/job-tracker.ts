import type { JobRepository, JobState } from './job-repository';
import type { ReportMetadata } from '../../shared/api';

/** Progress writes at most this often; a poll every second sees it move, storage is spared. */
const WRITE_EVERY_MS = 250;

/**
 * Follows one consolidation. Nothing is stored while the work may still finish within the
 * request; once the request answers 202, `persist()` writes the job and every later change is
 * written through (throttled, in order), ending with done or failed.
 */
export class JobTracker {
  private state: JobState;
  private persisted = false;
  private chain: Promise<void> = Promise.resolve();
  private lastWrite = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly jobs: JobRepository,
    private readonly forbund: string,
    jobId: string,
    meta: { period: string; variant: string },
    private readonly now: () => Date,
  ) {
    const at = now().toISOString();
    this.state = { jobId, status: 'running', progress: 0, message: 'Startar', ...meta, createdAt: at, updatedAt: at };
  }

  get jobId(): string {
    return this.state.jobId;
  }

  private write(): Promise<void> {
    const snapshot = { ...this.state, updatedAt: this.now().toISOString() };
    this.lastWrite = Date.now();
    this.chain = this.chain.then(() => this.jobs.put(this.forbund, snapshot)).catch(() => undefined);
    return this.chain;
  }

  progress = (share: number, message: string): void => {
    this.state = { ...this.state, progress: Math.max(this.state.progress, Math.min(1, share)), message };
    if (!this.persisted || this.state.status !== 'running' || this.pending) return;
    const wait = Math.max(0, WRITE_EVERY_MS - (Date.now() - this.lastWrite));
    this.pending = setTimeout(() => {
      this.pending = undefined;
      if (this.state.status === 'running') void this.write();
    }, wait);
  };

  /** Makes the job visible to polls (called when the request answers 202). */
  async persist(): Promise<void> {
    this.persisted = true;
    await this.write();
  }

  async done(report: ReportMetadata): Promise<void> {
    this.state = { ...this.state, status: 'done', progress: 1, message: 'Klar', report };
    await this.settle();
  }

  async failed(message: string): Promise<void> {
    this.state = { ...this.state, status: 'failed', message };
    await this.settle();
  }

  private async settle(): Promise<void> {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    if (this.persisted) await this.write();
  }
}
