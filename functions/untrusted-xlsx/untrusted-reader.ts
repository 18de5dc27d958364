import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './limits';
import type { XlsxContent, XlsxQuery } from './read-xlsx';
import { XLSX_REFUSAL_CODES, XlsxRefusal, type XlsxRefusalCode } from './refusal';
import { WorkerPool, WorkerTaskFailed, type WorkerFailure } from './worker-pool';
import type { XlsxTask } from './xlsx-worker';

/** Reads the asked-for names and cells of a workbook nobody vouches for. */
export interface UntrustedXlsxReader {
  /** Throws {@link XlsxRefusal} for a file it will not read, whatever the reason. */
  read(buffer: Buffer, query: XlsxQuery): Promise<XlsxContent>;
  close(): Promise<void>;
}

export interface UntrustedXlsxReaderOptions {
  limits?: XlsxLimits;
  /** Workbooks read at once (default: two, or one on a single core). */
  workers?: number;
  /** Workbooks that may wait for a worker before more are refused as busy. */
  queueLimit?: number;
  /** Time one workbook may take in its worker. */
  timeoutMs?: number;
  /** Heap one worker may use. */
  heapMb?: number;
}

/** The worker's script: compiled JavaScript in dist/, or the TypeScript source under jest (run through tsx). */
function workerScript(): { script: string; execArgv: string[] } {
  const js = path.join(__dirname, 'xlsx-worker.js');
  if (existsSync(js)) return { script: js, execArgv: [] };
  return { script: path.join(__dirname, 'xlsx-worker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

const refusalByFailure = {
  time: 'too-complex',
  memory: 'too-large',
  crash: 'not-xlsx',
  busy: 'busy',
} satisfies Record<WorkerFailure, XlsxRefusalCode>;

function asRefusal(error: unknown): Error {
  if (error instanceof WorkerTaskFailed) return new XlsxRefusal(refusalByFailure[error.reason], error.message);
  const answer = error as { refusal?: string; detail?: string };
  if (XLSX_REFUSAL_CODES.includes(answer?.refusal as XlsxRefusalCode))
    return new XlsxRefusal(answer.refusal as XlsxRefusalCode, answer.detail ?? '');
  return new Error(`the workbook reader failed: ${answer?.detail ?? String(error)}`);
}

/**
 * The reader the API uses: {@link readXlsx} in a small pool of worker threads, each with a heap
 * limit and a time budget. The reader's own bounds make a workbook cost what its bytes cost;
 * the worker is the defence in depth — if some file still costs too much, it ends that worker,
 * answers one refusal, and every other request (and `/api/health`) goes on.
 */
export function createUntrustedXlsxReader(options: UntrustedXlsxReaderOptions = {}): UntrustedXlsxReader {
  const limits = options.limits ?? DEFAULT_XLSX_LIMITS;
  const { script, execArgv } = workerScript();
  const pool = new WorkerPool<XlsxTask, XlsxContent>({
    script,
    execArgv,
    size: options.workers ?? Math.min(2, availableParallelism()),
    queueLimit: options.queueLimit ?? 16,
    timeoutMs: options.timeoutMs ?? 5_000,
    resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? 256, maxYoungGenerationSizeMb: 32 },
  });
  return {
    async read(buffer, query) {
      // A copy the worker can own: the request's buffer may be a view into a larger one.
      const bytes = new Uint8Array(buffer).buffer;
      try {
        return await pool.run({ bytes, query, limits }, [bytes]);
      } catch (error) {
        throw asRefusal(error);
      }
    },
    close: () => pool.close(),
  };
}
