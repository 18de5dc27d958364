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
   * Retry transient failures (the SDK default). Health probes turn this off: a probe must
   * answer within its timeout, not retry a refused connection for several seconds.
   */
  retry?: boolean;
}

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
    ...(retry ? {} : { retryOptions: { maxRetries: 0 } }),
  };
  const tableService = TableServiceClient.fromConnectionString(connectionString, tableOptions);
  const blobService = BlobServiceClient.fromConnectionString(
    connectionString,
    retry ? {} : { retryOptions: { maxTries: 1 } },
  );
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
