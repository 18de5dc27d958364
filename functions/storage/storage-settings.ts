/**
 * Which storage account the app uses, and how it signs in: the settings resolution, kept free
 * of zod and the SDKs so that the registrations (which name the queue trigger's connection)
 * and the local host can use it without loading anything heavy.
 *
 * It follows the Functions runtime's convention for a connection named N (the runtime resolves
 * the queue trigger's `connection` exactly so):
 *  - `N` holds a connection string — Azurite's, or an account key or SAS, which production
 *    refuses unless STORAGE_ALLOW_SHARED_KEY=true;
 *  - otherwise `N__accountName`, or `N__blobServiceUri`, `N__queueServiceUri` and
 *    `N__tableServiceUri`, name the account, reached with an identity (`N__credential`
 *    `managedidentity`, `N__clientId` for a user-assigned identity; unset means
 *    DefaultAzureCredential's chain, e.g. a developer's `az login`);
 *  - otherwise, outside production, `AzureWebJobsStorage` means Azurite on its standard ports.
 *
 * Samlad's own connection is `STORAGE_CONNECTION_STRING` when that is set (a connection string
 * for a separate or emulated account), else the Function App's own `AzureWebJobsStorage`.
 */
import { ALLOW_SHARED_KEY, appStorageConnectionName, HOST_STORAGE } from './connection-name';
import {
  azuriteConnectionString,
  notProductionEndpoint,
  parseConnectionString,
  type ParsedConnectionString,
  type StorageEndpoints,
} from './connection-string';

export { ALLOW_SHARED_KEY, APP_STORAGE, appStorageConnectionName, HOST_STORAGE } from './connection-name';

/** The services Samlad uses, each named as the runtime's `N__<service>ServiceUri` settings name it. */
const SERVICES = ['blob', 'queue', 'table'] as const;
type Service = (typeof SERVICES)[number];

export type StorageAccess =
  | { kind: 'connection-string'; connectionString: string; isDevelopmentStorage: boolean }
  | { kind: 'identity'; credential: 'managedidentity' | 'default'; clientId?: string };

export interface StorageConnection {
  /** The connection's name: the setting, or the prefix of the identity settings. */
  name: string;
  /** How the settings were given, for start-up messages. */
  form: 'connection-string' | 'identity' | 'azurite-default';
  access: StorageAccess;
  endpoints: StorageEndpoints;
}

export interface StorageIssue {
  setting: string;
  message: string;
}

export type StorageResolution = { ok: true; connection: StorageConnection } | { ok: false; issue: StorageIssue };

export interface ResolveOptions {
  production: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;

function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(true|1|yes)$/i.test(value);
}

function fromConnectionString(env: NodeJS.ProcessEnv, name: string, value: string, options: ResolveOptions) {
  const parsed = parseConnectionString(value);
  if (!parsed.ok) return fail(name, `not a usable storage connection string: ${parsed.reason}`);
  if (options.production && parsed.isDevelopmentStorage)
    return fail(name, 'points at the Azurite development account, which SAMLAD_ENV=production does not allow');
  if (options.production)
    for (const service of SERVICES) {
      const reason = notProductionEndpoint(parsed.endpoints[service]);
      if (reason) return fail(name, `its ${service} endpoint ${reason}, which SAMLAD_ENV=production does not allow`);
    }
  if (options.production && !isTrue(setting(env, ALLOW_SHARED_KEY)))
    return fail(
      name,
      `holds an account key or SAS, which SAMLAD_ENV=production refuses: use the managed identity ` +
        `(${HOST_STORAGE}__accountName or the service URIs, ${HOST_STORAGE}__credential=managedidentity), ` +
        `or set ${ALLOW_SHARED_KEY}=true to accept the key knowingly`,
    );
  return ok(connectionStringConnection(name, parsed));
}

/** A connection given by a (parsed, usable) connection string. */
export function connectionStringConnection(
  name: string,
  parsed: Extract<ParsedConnectionString, { ok: true }>,
): StorageConnection {
  return {
    name,
    form: 'connection-string',
    access: {
      kind: 'connection-string',
      connectionString: parsed.connectionString,
      isDevelopmentStorage: parsed.isDevelopmentStorage,
    },
    endpoints: parsed.endpoints,
  };
}

function fromIdentity(env: NodeJS.ProcessEnv, name: string, options: ResolveOptions): StorageResolution | undefined {
  const account = setting(env, `${name}__accountName`);
  const uris = Object.fromEntries(SERVICES.map((s) => [s, setting(env, `${name}__${s}ServiceUri`)])) as Record<
    Service,
    string | undefined
  >;
  const single = setting(env, `${name}__serviceUri`);
  if (!account && SERVICES.every((s) => !uris[s])) {
    if (single)
      return fail(
        `${name}__serviceUri`,
        `names one service; Samlad uses Blob, Queue and Table: set ${name}__accountName, or ` +
          `${name}__blobServiceUri, ${name}__queueServiceUri and ${name}__tableServiceUri`,
      );
    return undefined;
  }
  if (account && !ACCOUNT_NAME.test(account))
    return fail(`${name}__accountName`, `is not a storage account name (3–24 lowercase letters and digits)`);
  const endpoints = {} as StorageEndpoints;
  for (const service of SERVICES) {
    const key = `${name}__${service}ServiceUri`;
    const uri = uris[service] ?? (account ? `https://${account}.${service}.core.windows.net` : undefined);
    if (!uri)
      return fail(
        key,
        `is missing: with ${name}__${SERVICES.find((s) => uris[s])}ServiceUri set, every service ` +
          `needs its URI (or set ${name}__accountName)`,
      );
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      return fail(key, `is not a URL (got ${JSON.stringify(uri)})`);
    }
    if (url.protocol !== 'https:' && (options.production || url.protocol !== 'http:'))
      return fail(
        key,
        `must be an https URL${options.production ? ' in production' : ''} (got ${JSON.stringify(uri)})`,
      );
    const notProduction = options.production ? notProductionEndpoint(uri) : undefined;
    if (notProduction)
      return fail(key, `${notProduction}, which SAMLAD_ENV=production does not allow (got ${JSON.stringify(uri)})`);
    endpoints[service] = uri.replace(/\/+$/, '');
  }
  const credential = setting(env, `${name}__credential`);
  if (credential !== undefined && credential.toLowerCase() !== 'managedidentity')
    return fail(`${name}__credential`, `must be "managedidentity" or unset (got ${JSON.stringify(credential)})`);
  const clientId = setting(env, `${name}__clientId`);
  if (clientId !== undefined && !GUID.test(clientId))
    return fail(
      `${name}__clientId`,
      `must be the client id (a GUID) of a user-assigned identity (got ${JSON.stringify(clientId)})`,
    );
  return ok({
    name,
    form: 'identity',
    access: {
      kind: 'identity',
      credential: credential ? 'managedidentity' : 'default',
      ...(clientId ? { clientId } : {}),
    },
    endpoints,
  });
}

/**
 * Resolves the connection named `name` from the environment, as the Functions runtime does,
 * with Samlad's production rules on top. Pure: tests call it with their own map.
 */
export function resolveStorageConnection(
  env: NodeJS.ProcessEnv,
  name: string,
  options: ResolveOptions,
): StorageResolution {
  const value = setting(env, name);
  if (value !== undefined) return fromConnectionString(env, name, value, options);
  const identity = fromIdentity(env, name, options);
  if (identity) return identity;
  if (name !== HOST_STORAGE || options.production)
    return fail(
      name,
      options.production
        ? `required when SAMLAD_ENV=production: set ${name}__accountName (or ${name}__blobServiceUri, ` +
            `${name}__queueServiceUri and ${name}__tableServiceUri) with ${name}__credential=managedidentity`
        : `is not set, and neither are ${name}__accountName or its service URIs`,
    );
  const azurite = parseConnectionString(azuriteConnectionString());
  if (!azurite.ok) throw new Error('the Azurite connection string does not parse');
  return ok({ ...connectionStringConnection(name, azurite), form: 'azurite-default' });
}

/** Samlad's own storage: {@link appStorageConnectionName}, resolved. */
export function resolveAppStorage(env: NodeJS.ProcessEnv, options: ResolveOptions): StorageResolution {
  return resolveStorageConnection(env, appStorageConnectionName(env), options);
}

function ok(connection: StorageConnection): StorageResolution {
  return { ok: true, connection };
}

function fail(setting: string, message: string): StorageResolution {
  return { ok: false, issue: { setting, message } };
}
