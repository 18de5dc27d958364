import { getStorageClients } from '../storage';
import { JobQueue } from './job-queue';
import { JobStore } from './job-store';
import { JOBS_POISON_QUEUE, JOBS_QUEUE } from './queues';
import { ReportStore } from './report-store';

export const REPORTS_CONTAINER = 'samlad-reports';
export const JOBS_TABLE = 'samladjobs';

export interface ReportServices {
  store: ReportStore;
  jobs: JobStore;
  queue: JobQueue;
}

let services: ReportServices | undefined;

/** Report storage and the job queue, built once per process from the configured account (as getServices() is). */
export function getReportServices(): ReportServices {
  if (!services) {
    const storage = getStorageClients();
    services = {
      store: new ReportStore(storage.blobService.getContainerClient(REPORTS_CONTAINER)),
      jobs: new JobStore(storage.tableClient(JOBS_TABLE)),
      queue: new JobQueue(storage.queueClient(JOBS_QUEUE), storage.queueClient(JOBS_POISON_QUEUE)),
    };
  }
  return services;
}
