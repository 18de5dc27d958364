import { getStorageClients } from '../storage';
import { JobStore } from './job-store';
import { ReportStore } from './report-store';

export const REPORTS_CONTAINER = 'samlad-reports';
export const JOBS_TABLE = 'samladjobs';

export interface ReportServices {
  store: ReportStore;
  jobs: JobStore;
}

let services: ReportServices | undefined;

/** Report storage, built once per process from the configured account (as getServices() is). */
export function getReportServices(): ReportServices {
  if (!services) {
    const storage = getStorageClients();
    services = {
      store: new ReportStore(storage.blobService.getContainerClient(REPORTS_CONTAINER)),
      jobs: new JobStore(storage.tableClient(JOBS_TABLE)),
    };
  }
  return services;
}
