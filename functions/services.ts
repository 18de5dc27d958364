import { registry as shipped } from '../shared/config/registry';
import { createTokenVerifier, type TokenVerifier } from './auth/token-verifier';
import { getConfig } from './config';
import { ConfigurationCache } from './configuration/configuration-cache';
import { initialContent } from './configuration/initial-content';
import type { ConfigurationRepository } from './configuration/repository';
import type { JobQueue } from './consolidation/job-queue';
import type { JobRepository } from './consolidation/job-repository';
import { JOBS_POISON_QUEUE, JOBS_QUEUE } from './consolidation/queues';
import type { ReportRepository } from './consolidation/report-repository';
import { getStorageClients } from './storage';
import { memo } from './storage/setup';
import { BlobReportStore } from './storage/blob-report-store';
import { TableSubmissionRepository } from './storage/submissions/table-submission-repository';
import { StorageJobQueue } from './storage/storage-job-queue';
import { TableConfigurationStore } from './storage/table-configuration-store';
import { TableJobStore } from './storage/table-job-store';
import type { SubmissionRepository } from './submissions/repository';

export const SUBMISSIONS_TABLE = 'samladsubmissions';
export const VALUES_CONTAINER = 'samlad-submission-values';
export const REPORTS_CONTAINER = 'samlad-reports';
export const JOBS_TABLE = 'samladjobs';
export const CONFIGURATION_TABLE = 'samladconfiguration';
export const CONFIGURATION_CONTAINER = 'samlad-configuration';

/**
 * What handlers and timers depend on, built once per process from configuration: the one place
 * that chooses the storage behind each repository (Azure Table and Blob storage, functions/storage/).
 * Another backend is another folder beside functions/storage/ and another branch here.
 */
export interface Services {
  /** The förbund and templates as data: read once per instance, refreshed when they change. */
  configuration: ConfigurationCache;
  configurationStore: ConfigurationRepository;
  repository: SubmissionRepository;
  reports: ReportRepository;
  jobs: JobRepository;
  /** Where consolidations wait for a worker (the queue the consolidationWorker function reads). */
  queue: JobQueue;
  verifyToken: TokenVerifier;
  /** Days after a period's end that submissions are due where kansliet set no deadline (TERTIAL_DEADLINE_DAYS). */
  deadlineDays: number;
  now: () => Date;
}

let services: Services | undefined;

export function getServices(): Services {
  if (!services) {
    const config = getConfig();
    const storage = getStorageClients();
    const configurationStore = new TableConfigurationStore(
      storage.tableClient(CONFIGURATION_TABLE),
      storage.blobService.getContainerClient(CONFIGURATION_CONTAINER),
    );
    services = {
      configuration: new ConfigurationCache(configurationStore, {
        refreshMs: config.configuration.refreshMs,
        initial: initialContent,
        builtIn: shipped.templates,
        log: (message, error) => console.error(`configuration: ${message}`, error ?? ''),
      }),
      configurationStore,
      repository: new TableSubmissionRepository(
        storage.tableClient(SUBMISSIONS_TABLE),
        storage.blobService.getContainerClient(VALUES_CONTAINER),
      ),
      reports: new BlobReportStore(storage.blobService.getContainerClient(REPORTS_CONTAINER)),
      jobs: new TableJobStore(storage.tableClient(JOBS_TABLE)),
      queue: new StorageJobQueue(
        memo(() => ({ queue: storage.queueClient(JOBS_QUEUE), poison: storage.queueClient(JOBS_POISON_QUEUE) })),
      ),
      verifyToken: createTokenVerifier(config.auth),
      deadlineDays: config.reports.deadlineDays,
      now: () => new Date(),
    };
  }
  return services;
}
