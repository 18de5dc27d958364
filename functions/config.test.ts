import { ConfigError, loadConfig, registrationSettings } from './config';
import { azuriteConnectionString } from './storage/connection-string';

const realAccount =
  'DefaultEndpointsProtocol=https;AccountName=samladprod;' +
  'AccountKey=c2VjcmV0LWtleS1ub3QtcmVhbA==;EndpointSuffix=core.windows.net';

const entra = { ENTRA_TENANT_ID: 'tenant-guid', ENTRA_AUDIENCE: 'api://samlad' };
const identity = {
  AzureWebJobsStorage__blobServiceUri: 'https://samladprod.blob.core.windows.net',
  AzureWebJobsStorage__queueServiceUri: 'https://samladprod.queue.core.windows.net',
  AzureWebJobsStorage__tableServiceUri: 'https://samladprod.table.core.windows.net',
  AzureWebJobsStorage__credential: 'managedidentity',
};

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to development against Azurite on its standard ports', () => {
    const config = loadConfig({});
    expect(config.environment).toBe('development');
    expect(config.storage).toEqual({
      name: 'AzureWebJobsStorage',
      form: 'azurite-default',
      access: { kind: 'connection-string', connectionString: azuriteConnectionString(), isDevelopmentStorage: true },
      endpoints: {
        blob: 'http://127.0.0.1:10000/devstoreaccount1',
        queue: 'http://127.0.0.1:10001/devstoreaccount1',
        table: 'http://127.0.0.1:10002/devstoreaccount1',
      },
    });
  });

  it('prefers STORAGE_CONNECTION_STRING over AzureWebJobsStorage', () => {
    const config = loadConfig({
      STORAGE_CONNECTION_STRING: realAccount,
      AzureWebJobsStorage: 'UseDevelopmentStorage=true',
    });
    expect(config.storage.name).toBe('STORAGE_CONNECTION_STRING');
    expect(config.storage.endpoints.table).toBe('https://samladprod.table.core.windows.net');
  });

  it('falls back to AzureWebJobsStorage and expands UseDevelopmentStorage=true', () => {
    const config = loadConfig({ AzureWebJobsStorage: 'UseDevelopmentStorage=true' });
    expect(config.storage.name).toBe('AzureWebJobsStorage');
    expect(config.storage.access).toMatchObject({ connectionString: azuriteConnectionString() });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ SAMLAD_ENV: '', STORAGE_CONNECTION_STRING: '' }).storage.form).toBe('azurite-default');
  });

  it('names SAMLAD_ENV and the bad value when it is not a known environment', () => {
    const error = configError({ SAMLAD_ENV: 'prod' });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.setting).toBe('SAMLAD_ENV');
    expect(error.message).toMatch(/SAMLAD_ENV: .*"development"\|"test"\|"production".*\(got "prod"\)/);
  });

  it('requires a storage account in production', () => {
    const error = configError({ SAMLAD_ENV: 'production', ...entra });
    expect(error.issues[0]?.setting).toBe('AzureWebJobsStorage');
    expect(error.message).toContain('required when SAMLAD_ENV=production');
  });

  it('refuses an account key in production unless STORAGE_ALLOW_SHARED_KEY=true', () => {
    const error = configError({ SAMLAD_ENV: 'production', STORAGE_CONNECTION_STRING: realAccount, ...entra });
    expect(error.issues).toEqual([
      { setting: 'STORAGE_CONNECTION_STRING', message: expect.stringMatching(/account key or SAS/) },
    ]);
    expect(error.message).not.toContain('c2VjcmV0');
    const allowed = loadConfig({
      SAMLAD_ENV: 'production',
      STORAGE_CONNECTION_STRING: realAccount,
      STORAGE_ALLOW_SHARED_KEY: 'true',
      ...entra,
    });
    expect(allowed.storage.name).toBe('STORAGE_CONNECTION_STRING');
  });

  it('refuses the Azurite account in production', () => {
    const error = configError({ SAMLAD_ENV: 'production', AzureWebJobsStorage: 'UseDevelopmentStorage=true' });
    expect(error.issues[0]?.setting).toBe('AzureWebJobsStorage');
    expect(error.message).toContain('Azurite development account');
  });

  it('accepts the managed identity and Entra ID settings in production', () => {
    const config = loadConfig({ SAMLAD_ENV: 'production', ...identity, ...entra });
    expect(config.environment).toBe('production');
    expect(config.storage).toMatchObject({
      form: 'identity',
      access: { kind: 'identity', credential: 'managedidentity' },
    });
    expect(config.auth).toEqual({
      mode: 'entra',
      issuer: 'https://login.microsoftonline.com/tenant-guid/v2.0',
      audience: 'api://samlad',
      jwksUri: 'https://login.microsoftonline.com/tenant-guid/discovery/v2.0/keys',
      maxLifetimeSeconds: 24 * 3600,
    });
  });

  it('requires Entra ID settings in production and refuses the dev issuer there', () => {
    const missing = configError({ SAMLAD_ENV: 'production', ...identity });
    expect(missing.issues.map((i) => i.setting)).toEqual(['ENTRA_TENANT_ID', 'ENTRA_AUDIENCE']);
    const dev = configError({ SAMLAD_ENV: 'production', ...identity, AUTH_MODE: 'dev' });
    expect(dev.issues[0]?.setting).toBe('AUTH_MODE');
  });

  it('reports a storage issue and an auth issue together', () => {
    const error = configError({ SAMLAD_ENV: 'production' });
    expect(error.issues.map((i) => i.setting)).toEqual(['AzureWebJobsStorage', 'ENTRA_TENANT_ID', 'ENTRA_AUDIENCE']);
  });

  it('reads the limits and the job wait alert, with their defaults', () => {
    expect(loadConfig({})).toMatchObject({
      rateLimits: { perPrincipal: 120, perAddress: 1200 },
      reports: { waitAlertMs: 300_000, tertialSchedule: '0 0 6 * * *' },
    });
    expect(loadConfig({ RATE_LIMIT_PER_PRINCIPAL: '0', JOB_WAIT_ALERT_SECONDS: '60' })).toMatchObject({
      rateLimits: { perPrincipal: 0 },
      reports: { waitAlertMs: 60_000 },
    });
  });

  it('gives the registrations their settings without the schema, and names a bad schedule', () => {
    expect(registrationSettings({ STORAGE_CONNECTION_STRING: realAccount })).toEqual({
      tertialSchedule: '0 0 6 * * *',
      storageConnection: 'STORAGE_CONNECTION_STRING',
    });
    expect(registrationSettings({ ...identity }).storageConnection).toBe('AzureWebJobsStorage');
    expect(() => registrationSettings({ TERTIAL_SUMMARY_SCHEDULE: 'daily' })).toThrow(
      /TERTIAL_SUMMARY_SCHEDULE: six NCRONTAB fields/,
    );
  });

  it('never echoes the dev signing key', () => {
    const error = configError({ AUTH_DEV_SIGNING_KEY: 'short-secret' });
    expect(error.issues[0]?.setting).toBe('AUTH_DEV_SIGNING_KEY');
    expect(error.message).not.toContain('short-secret');
  });

  it('names the setting of an unusable connection string without echoing it', () => {
    const secretish = 'AccountName=x;Key=do-not-print-me';
    const error = configError({ STORAGE_CONNECTION_STRING: secretish });
    expect(error.issues[0]?.setting).toBe('STORAGE_CONNECTION_STRING');
    expect(error.message).toContain('not a usable storage connection string');
    expect(error.message).not.toContain('do-not-print-me');
  });
});
