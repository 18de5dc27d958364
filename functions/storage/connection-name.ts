/**
 * The names of Samlad's storage connection settings, and which one is in use: apart from their
 * resolution (storage-settings.ts), because the registrations need the name while the worker
 * indexes the app, and nothing more.
 */
export const HOST_STORAGE = 'AzureWebJobsStorage';
export const APP_STORAGE = 'STORAGE_CONNECTION_STRING';
export const ALLOW_SHARED_KEY = 'STORAGE_ALLOW_SHARED_KEY';

/** The connection Samlad's tables, blobs and job queue use (the queue trigger names it too). */
export function appStorageConnectionName(env: NodeJS.ProcessEnv): string {
  return env[APP_STORAGE]?.trim() ? APP_STORAGE : HOST_STORAGE;
}
