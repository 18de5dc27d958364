export { azuriteConnectionString, parseConnectionString, standardAzuriteEndpoints } from './connection-string';
export type { AzuriteEndpoints, StorageEndpoints } from './connection-string';
export { createStorageClients, getStorageClients } from './clients';
export type { StorageClients, StorageClientOptions } from './clients';
export { probeStorage, describeProbeFailure, defaultProbeTimeoutMs } from './probe';
export type { ProbeResult, StorageProbeReport } from './probe';
