import type { JobRepository, JobState } from './job-repository';
import type { ReportMetadata } from '../../shared/api';

/** Progress writes at most this often; a poll every second sees it move, storage is spared. */
const WRITE_EVERY_MS = 250;

/**
 * Follows one job through the worker: every change is written through (progress throttled, in
 * order), so a poll on any instance sees where it is, ending with done, or failed.
 */
export class JobTracker {
  private chain: Promise<void> = Promise.resolve();
  private lastWrite = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly jobs: JobRepository,
    private readonly forbund: string,
    private state: JobState,
    private readonly now: () => Date,
  ) {}

  get jobId(): string {
    return this.state.jobId;
  }

  /** Writes the state after every earlier write; a lost progress write is harmless, a lost state change is not. */
  private write(): Promise<void> {
    this.state = { ...this.state, updatedAt: this.now().toISOString() };
    const snapshot = this.state;
    this.lastWrite = Date.now();
    const written = this.chain.then(() => this.jobs.put(this.forbund, snapshot));
    this.chain = written.catch(() => undefined);
    return written;
  }

  /** The worker took the job's message (its `attempt`th delivery). */
  async started(attempt: number): Promise<void> {
    this.state = { ...this.state, status: 'running', attempts: attempt, progress: 0, message: 'Startar' };
    await this.settle();
  }

  progress = (share: number, message: string): void => {
    this.state = { ...this.state, progress: Math.max(this.state.progress, Math.min(1, share)), message };
    if (this.state.status !== 'running' || this.pending) return;
    const wait = Math.max(0, WRITE_EVERY_MS - (Date.now() - this.lastWrite));
    this.pending = setTimeout(() => {
      this.pending = undefined;
      if (this.state.status === 'running') this.write().catch(() => undefined);
    }, wait);
  };

  async done(report: ReportMetadata): Promise<void> {
    this.state = { ...this.state, status: 'done', progress: 1, message: 'Klar', report };
    await this.settle();
  }

  /** Done, with nothing to write (the timer's tertial had no approved submissions). */
  async finishedWithout(message: string): Promise<void> {
    this.state = { ...this.state, status: 'done', progress: 1, message };
    await this.settle();
  }

  /** A delivery failed and the queue will deliver it again: the job waits for its next try. */
  async willRetry(message: string): Promise<void> {
    this.state = { ...this.state, status: 'queued', message };
    await this.settle();
  }

  async failed(message: string): Promise<void> {
    this.state = { ...this.state, status: 'failed', message };
    await this.settle();
  }

  private async settle(): Promise<void> {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    await this.write();
  }
}
