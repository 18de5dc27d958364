/** The worker thread that reads untrusted workbooks (started by untrusted-reader.ts, never imported). */
import { readXlsx, type XlsxQuery } from './read-xlsx';
import type { XlsxLimits } from './limits';
import { isXlsxRefusal } from './refusal';
import { serveTasks } from './serve-tasks';

export interface XlsxTask {
  bytes: ArrayBuffer;
  query: XlsxQuery;
  limits: XlsxLimits;
}

serveTasks(
  (task: XlsxTask) => readXlsx(Buffer.from(task.bytes), task.query, task.limits),
  (error) =>
    isXlsxRefusal(error)
      ? { refusal: error.code, detail: error.detail }
      : { detail: String((error as Error)?.stack ?? error) },
);
