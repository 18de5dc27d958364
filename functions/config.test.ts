import { ConfigError, loadConfig } from './config';
import { azuriteConnectionString } from './storage/connection-string';

const realAccount =
  'DefaultEndpointsProtocol=https;AccountName=samladprod;' +
  'AccountKey=c2VjcmV0LWtleS1ub3QtcmVhbA==;EndpointSuffix=core.windows.net';

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
    expect(config.storage.source).toBe('azurite-default');
    expect(config.storage.isDevelopmentStorage).toBe(true);
    expect(config.storage.connectionString).toBe(azuriteConnectionString());
    expect(config.storage.endpoints).toEqual({
      blob: 'http://127.0.0.1:10000/devstoreaccount1',
      table: 'http://127.0.0.1:10002/devstoreaccount1',
    });
  });

  it('prefers STORAGE_CONNECTION_STRING over AzureWebJobsStorage', () => {
    const config = loadConfig({
      STORAGE_CONNECTION_STRING: realAccount,
      AzureWebJobsStorage: 'UseDevelopmentStorage=true',
    });
    expect(config.storage.source).toBe('STORAGE_CONNECTION_STRING');
    expect(config.storage.endpoints.table).toBe('https://samladprod.table.core.windows.net');
  });

  it('falls back to AzureWebJobsStorage and expands UseDevelopmentStorage=true', () => {
    const config = loadConfig({ AzureWebJobsStorage: 'UseDevelopmentStorage=true' });
    expect(config.storage.source).toBe('AzureWebJobsStorage');
    expect(config.storage.connectionString).toBe(azuriteConnectionString());
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ SAMLAD_ENV: '', STORAGE_CONNECTION_STRING: '' }).storage.source).toBe('azurite-default');
  });

  it('names SAMLAD_ENV and the bad value when it is not a known environment', () => {
    const error = configError({ SAMLAD_ENV: 'prod' });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.setting).toBe('SAMLAD_ENV');
    expect(error.message).toMatch(/SAMLAD_ENV: .*"development"\|"test"\|"production".*\(got "prod"\)/);
  });

  it('requires a storage account in production', () => {
    const error = configError({ SAMLAD_ENV: 'production' });
    expect(error.issues[0]?.setting).toBe('STORAGE_CONNECTION_STRING');
    expect(error.message).toContain('required when SAMLAD_ENV=production');
  });

  it('refuses the Azurite account in production', () => {
    const error = configError({ SAMLAD_ENV: 'production', AzureWebJobsStorage: 'UseDevelopmentStorage=true' });
    expect(error.issues[0]?.setting).toBe('AzureWebJobsStorage');
    expect(error.message).toContain('Azurite development account');
  });

  it.each([
    [
      'a SAS to a loopback endpoint',
      'BlobEndpoint=https://127.0.0.1:10000/acct;TableEndpoint=https://127.0.0.1:10002/acct;' +
        'SharedAccessSignature=sv=2022&sig=x',
    ],
    [
      'localhost by name',
      'AccountName=samladprod;AccountKey=c2VjcmV0;BlobEndpoint=https://localhost/x;' +
        'TableEndpoint=https://samladprod.table.core.windows.net',
    ],
    [
      'IPv6 loopback',
      'BlobEndpoint=https://[::1]:10000/a;TableEndpoint=https://[::1]:10002/a;SharedAccessSignature=sig=x',
    ],
    [
      'an IPv4-mapped loopback',
      'BlobEndpoint=https://[::ffff:127.0.0.1]/a;TableEndpoint=https://[::ffff:7f00:1]/a;SharedAccessSignature=sig=x',
    ],
    ['any address', 'BlobEndpoint=https://0.0.0.0/a;TableEndpoint=https://0.0.0.0/a;SharedAccessSignature=sig=x'],
    [
      'plain http to a remote host',
      'DefaultEndpointsProtocol=http;AccountName=samladprod;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net',
    ],
    [
      "the emulator's account in the path",
      'BlobEndpoint=https://emulator.example/devstoreaccount1;' +
        'TableEndpoint=https://emulator.example/devstoreaccount1;SharedAccessSignature=sig=x',
    ],
  ])('refuses %s in production, naming the setting', (_name, connection) => {
    const error = configError({
      SAMLAD_ENV: 'production',
      STORAGE_CONNECTION_STRING: connection,
      ENTRA_TENANT_ID: 'tenant-guid',
      ENTRA_AUDIENCE: 'api://samlad',
    });
    expect(error.issues[0]?.setting).toBe('STORAGE_CONNECTION_STRING');
    expect(error.message).toMatch(/SAMLAD_ENV=production does not allow/);
    expect(error.message).not.toContain('sig=x');
  });

  it('accepts a real account and Entra ID settings in production', () => {
    const config = loadConfig({
      SAMLAD_ENV: 'production',
      STORAGE_CONNECTION_STRING: realAccount,
      ENTRA_TENANT_ID: 'tenant-guid',
      ENTRA_AUDIENCE: 'api://samlad',
    });
    expect(config.environment).toBe('production');
    expect(config.auth).toEqual({
      mode: 'entra',
      issuer: 'https://login.microsoftonline.com/tenant-guid/v2.0',
      audience: 'api://samlad',
      jwksUri: 'https://login.microsoftonline.com/tenant-guid/discovery/v2.0/keys',
      maxLifetimeSeconds: 24 * 3600,
    });
  });

  it('requires Entra ID settings in production and refuses the dev issuer there', () => {
    const missing = configError({ SAMLAD_ENV: 'production', STORAGE_CONNECTION_STRING: realAccount });
    expect(missing.issues.map((i) => i.setting)).toEqual(['ENTRA_TENANT_ID', 'ENTRA_AUDIENCE']);
    const dev = configError({ SAMLAD_ENV: 'production', STORAGE_CONNECTION_STRING: realAccount, AUTH_MODE: 'dev' });
    expect(dev.issues[0]?.setting).toBe('AUTH_MODE');
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
