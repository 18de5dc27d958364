/**
 * Storage SDK clients built from the configured connection string. Every module that touches
 * Table or Blob storage gets its clients here, so the connection options live in one place.
 */
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { getConfig } from '../config';
import { parseConnectionString } from './connection-string';

export interface StorageClients {
  readonly tableService: TableServiceClient;
  readonly blobService: BlobServiceClient;
  /** A client for one table (names: 3–63 letters and digits, not starting with a digit). */
  tableClient(tableName: string): TableClient;
}

export interface StorageClientOptions {
  /**
   * Retry transient failures (bounded, see {@link BOUNDED_RETRY}). Health probes turn this off:
   * a probe must answer within its timeout, not retry a refused connection at all.
   */
  retry?: boolean;
}

/**
 * Retries for transient failures, bounded so that unreachable storage becomes a 503 with
 * Retry-After within about two seconds. The SDK defaults wait far longer before giving up on a
 * refused connection (measured: ~6 s for Table, ~16 s for Blob), which holds every request of
 * a deadline burst open and leaves the client guessing; the API's own 503 tells it when to
 * come back instead. Three retries at 0.2, 0.4 and 0.8 s (with the SDKs' jitter) still ride
 * out a dropped connection or a short throttling spike.
 */
export const BOUNDED_RETRY = { retries: 3, delayMs: 200, maxDelayMs: 2000 } as const;

function usesPlainHttp(connectionString: string): boolean {
  const parsed = parseConnectionString(connectionString);
  return parsed.ok && parsed.endpoints.table.startsWith('http:');
}

export function createStorageClients(rawConnectionString: string, options: StorageClientOptions = {}): StorageClients {
  const parsed = parseConnectionString(rawConnectionString);
  // Expanded `UseDevelopmentStorage=true` so both SDKs agree; invalid strings reach the SDK
  // unchanged and fail there with its own message.
  const connectionString = parsed.ok ? parsed.connectionString : rawConnectionString;
  const retry = options.retry ?? true;
  // data-tables refuses account-key auth over http unless told; only Azurite speaks http.
  const allowInsecureConnection = usesPlainHttp(connectionString);
  const tableOptions = {
    allowInsecureConnection,
    retryOptions: retry
      ? {
          maxRetries: BOUNDED_RETRY.retries,
          retryDelayInMs: BOUNDED_RETRY.delayMs,
          maxRetryDelayInMs: BOUNDED_RETRY.maxDelayMs,
        }
      : { maxRetries: 0 },
  };
  const tableService = TableServiceClient.fromConnectionString(connectionString, tableOptions);
  const blobService = BlobServiceClient.fromConnectionString(connectionString, {
    retryOptions: retry
      ? {
          maxTries: BOUNDED_RETRY.retries + 1,
          retryDelayInMs: BOUNDED_RETRY.delayMs,
          maxRetryDelayInMs: BOUNDED_RETRY.maxDelayMs,
        }
      : { maxTries: 1 },
  });
  return {
    tableService,
    blobService,
    tableClient: (tableName) => TableClient.fromConnectionString(connectionString, tableName, tableOptions),
  };
}

let shared: StorageClients | undefined;

/** Clients for the configured storage account, created on first use and then reused. */
export function getStorageClients(): StorageClients {
  shared ??= createStorageClients(getConfig().storage.connectionString);
  return shared;
}
