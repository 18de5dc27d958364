import { registry, type Registry } from '../../shared/config/registry';
import { createTokenVerifier, type TokenVerifier } from '../auth/token-verifier';
import { getConfig } from '../config';
import { getStorageClients } from '../storage';
import type { SubmissionRepository } from '../submissions/repository';
import { TableSubmissionRepository } from '../storage/submissions/table-submission-repository';

export const SUBMISSIONS_TABLE = 'samladsubmissions';
export const VALUES_CONTAINER = 'samlad-submission-values';

/** What handlers depend on, built once per process from configuration. */
export interface Services {
  registry: Registry;
  repository: SubmissionRepository;
  verifyToken: TokenVerifier;
  now: () => Date;
}

let services: Services | undefined;

export function getServices(): Services {
  if (!services) {
    const config = getConfig();
    const storage = getStorageClients();
    services = {
      registry,
      repository: new TableSubmissionRepository(
        storage.tableClient(SUBMISSIONS_TABLE),
        storage.blobService.getContainerClient(VALUES_CONTAINER),
      ),
      verifyToken: createTokenVerifier(config.auth),
      now: () => new Date(),
    };
  }
  return services;
}
