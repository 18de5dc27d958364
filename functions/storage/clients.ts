/**
 * Storage SDK clients for the configured connection: a connection string (Azurite, or a key a
 * deployment explicitly allows) or the app's identity (DefaultAzureCredential against the
 * account's URLs). Every module that touches Table, Blob or Queue storage gets its clients here,
 * so the connection options live in one place.
 *
 * Each SDK, and @azure/identity, is loaded when its first client is asked for: together they take
 * longer to load than the rest of the app, and a cold instance answering a health probe or a
 * status read should not wait for the queue or identity libraries it does not use.
 */
import type { TableClient, TableServiceClient } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import type { BlobServiceClient } from '@azure/storage-blob';
import type { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import { getConfig } from '../config';
import { parseConnectionString } from './connection-string';
import { memo } from './setup';
import { connectionStringConnection, type StorageConnection } from './storage-settings';

export interface StorageClients {
  readonly tableService: TableServiceClient;
  readonly blobService: BlobServiceClient;
  readonly queueService: QueueServiceClient;
  /** A client for one table (names: 3–63 letters and digits, not starting with a digit). */
  tableClient(tableName: string): TableClient;
  /** A client for one queue (names: 3–63 lowercase letters, digits and single hyphens). */
  queueClient(queueName: string): QueueClient;
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

/** A connection string as a connection (tests and probes build clients for given ports). */
export function connectionFromString(connectionString: string): StorageConnection {
  const parsed = parseConnectionString(connectionString);
  if (!parsed.ok) throw new Error(`not a usable storage connection string: ${parsed.reason}`);
  return connectionStringConnection('connection string', parsed);
}

/** One credential per process: it caches its tokens. */
let sharedCredential: { clientId: string | undefined; credential: TokenCredential } | undefined;

function credentialFor(clientId: string | undefined): TokenCredential {
  if (sharedCredential && sharedCredential.clientId === clientId) return sharedCredential.credential;
  const { DefaultAzureCredential } = require('@azure/identity') as typeof import('@azure/identity');
  const credential = new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
  sharedCredential = { clientId, credential };
  return credential;
}

export function createStorageClients(
  connection: StorageConnection | string,
  options: StorageClientOptions = {},
): StorageClients {
  const target = typeof connection === 'string' ? connectionFromString(connection) : connection;
  const { access, endpoints } = target;
  const retry = options.retry ?? true;
  const credential = access.kind === 'identity' ? memo(() => credentialFor(access.clientId)) : undefined;
  const connectionString = access.kind === 'connection-string' ? access.connectionString : undefined;
  // Blob and Queue share their pipeline's retry options; Table names them differently.
  const storageRetry = retry
    ? {
        maxTries: BOUNDED_RETRY.retries + 1,
        retryDelayInMs: BOUNDED_RETRY.delayMs,
        maxRetryDelayInMs: BOUNDED_RETRY.maxDelayMs,
      }
    : { maxTries: 1 };
  const tableOptions = {
    // data-tables refuses a key over http unless told; only Azurite speaks http.
    allowInsecureConnection: endpoints.table.startsWith('http:'),
    retryOptions: retry
      ? {
          maxRetries: BOUNDED_RETRY.retries,
          retryDelayInMs: BOUNDED_RETRY.delayMs,
          maxRetryDelayInMs: BOUNDED_RETRY.maxDelayMs,
        }
      : { maxRetries: 0 },
  };
  const tables = memo(() => require('@azure/data-tables') as typeof import('@azure/data-tables'));

  const tableService = memo(() =>
    connectionString
      ? tables().TableServiceClient.fromConnectionString(connectionString, tableOptions)
      : new (tables().TableServiceClient)(endpoints.table, credential!(), tableOptions),
  );
  const blobService = memo(() => {
    const { BlobServiceClient } = require('@azure/storage-blob') as typeof import('@azure/storage-blob');
    return connectionString
      ? BlobServiceClient.fromConnectionString(connectionString, { retryOptions: storageRetry })
      : new BlobServiceClient(endpoints.blob, credential!(), { retryOptions: storageRetry });
  });
  const queueService = memo(() => {
    const { QueueServiceClient } = require('@azure/storage-queue') as typeof import('@azure/storage-queue');
    return connectionString
      ? QueueServiceClient.fromConnectionString(connectionString, { retryOptions: storageRetry })
      : new QueueServiceClient(endpoints.queue, credential!(), { retryOptions: storageRetry });
  });
  return {
    get tableService() {
      return tableService();
    },
    get blobService() {
      return blobService();
    },
    get queueService() {
      return queueService();
    },
    tableClient: (tableName) =>
      connectionString
        ? tables().TableClient.fromConnectionString(connectionString, tableName, tableOptions)
        : new (tables().TableClient)(endpoints.table, tableName, credential!(), tableOptions),
    queueClient: (queueName) => queueService().getQueueClient(queueName),
  };
}

let shared: StorageClients | undefined;

/** Clients for the configured storage account, created on first use and then reused. */
export function getStorageClients(): StorageClients {
  shared ??= createStorageClients(getConfig().storage);
  return shared;
}
