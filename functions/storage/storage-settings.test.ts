import { azuriteConnectionString } from './connection-string';
import {
  appStorageConnectionName,
  resolveAppStorage,
  resolveStorageConnection,
  type StorageResolution,
} from './storage-settings';

const KEY = 'c2VjcmV0LWtleS1ub3QtcmVhbA==';
const accountKey = (account: string) =>
  `DefaultEndpointsProtocol=https;AccountName=${account};AccountKey=${KEY};EndpointSuffix=core.windows.net`;
const uri = (service: string) => `https://samladprod.${service}.core.windows.net/`;

/** Connection strings by where they are set. */
const connectionStrings = {
  none: {},
  'app key': { STORAGE_CONNECTION_STRING: accountKey('samladdata') },
  'host key': { AzureWebJobsStorage: accountKey('samladhost') },
  'host Azurite': { AzureWebJobsStorage: 'UseDevelopmentStorage=true' },
} satisfies Record<string, NodeJS.ProcessEnv>;

/** Identity settings of the host connection, as the runtime names them. */
const identities = {
  none: {},
  'account name': {
    AzureWebJobsStorage__accountName: 'samladprod',
    AzureWebJobsStorage__credential: 'managedidentity',
  },
  'three URIs': {
    AzureWebJobsStorage__blobServiceUri: uri('blob'),
    AzureWebJobsStorage__queueServiceUri: uri('queue'),
    AzureWebJobsStorage__tableServiceUri: uri('table'),
    AzureWebJobsStorage__credential: 'managedidentity',
  },
  'two URIs': {
    AzureWebJobsStorage__blobServiceUri: uri('blob'),
    AzureWebJobsStorage__queueServiceUri: uri('queue'),
  },
  'one serviceUri': { AzureWebJobsStorage__serviceUri: uri('blob') },
} satisfies Record<string, NodeJS.ProcessEnv>;

type Outcome = string;

/** What a resolution amounts to, in the words of the table below. */
function outcome(resolution: StorageResolution): Outcome {
  if (!resolution.ok) return `refused: ${resolution.issue.setting}`;
  const c = resolution.connection;
  if (c.form === 'azurite-default') return 'Azurite (default)';
  if (c.access.kind === 'identity') return `identity: ${c.name}`;
  return `${c.access.isDevelopmentStorage ? 'Azurite' : 'key'}: ${c.name}`;
}

/** [connection strings, identity settings] → outcome in development, production, production allowing keys. */
const expected: Record<keyof typeof connectionStrings, Record<keyof typeof identities, [Outcome, Outcome, Outcome]>> = {
  none: {
    none: ['Azurite (default)', 'refused: AzureWebJobsStorage', 'refused: AzureWebJobsStorage'],
    'account name': ['identity: AzureWebJobsStorage', 'identity: AzureWebJobsStorage', 'identity: AzureWebJobsStorage'],
    'three URIs': ['identity: AzureWebJobsStorage', 'identity: AzureWebJobsStorage', 'identity: AzureWebJobsStorage'],
    'two URIs': [
      'refused: AzureWebJobsStorage__tableServiceUri',
      'refused: AzureWebJobsStorage__tableServiceUri',
      'refused: AzureWebJobsStorage__tableServiceUri',
    ],
    'one serviceUri': [
      'refused: AzureWebJobsStorage__serviceUri',
      'refused: AzureWebJobsStorage__serviceUri',
      'refused: AzureWebJobsStorage__serviceUri',
    ],
  },
  // A connection string, where set, is the connection: the identity settings beside it are not read.
  'app key': sameForEveryIdentity([
    'key: STORAGE_CONNECTION_STRING',
    'refused: STORAGE_CONNECTION_STRING',
    'key: STORAGE_CONNECTION_STRING',
  ]),
  'host key': sameForEveryIdentity([
    'key: AzureWebJobsStorage',
    'refused: AzureWebJobsStorage',
    'key: AzureWebJobsStorage',
  ]),
  // Azurite's account is public: production refuses it even where keys are allowed.
  'host Azurite': sameForEveryIdentity([
    'Azurite: AzureWebJobsStorage',
    'refused: AzureWebJobsStorage',
    'refused: AzureWebJobsStorage',
  ]),
};

function sameForEveryIdentity(row: [Outcome, Outcome, Outcome]): Record<keyof typeof identities, typeof row> {
  return Object.fromEntries(Object.keys(identities).map((k) => [k, row])) as Record<
    keyof typeof identities,
    typeof row
  >;
}

const cases = Object.entries(expected).flatMap(([cs, byIdentity]) =>
  Object.entries(byIdentity).map(([identity, outcomes]) => [cs, identity, outcomes] as const),
);

describe('resolveAppStorage, every combination', () => {
  it.each(cases)('connection string %s, identity %s', (cs, identity, [dev, prod, prodAllowingKeys]) => {
    const env = {
      ...connectionStrings[cs as keyof typeof connectionStrings],
      ...identities[identity as keyof typeof identities],
    };
    expect(outcome(resolveAppStorage(env, { production: false }))).toBe(dev);
    expect(outcome(resolveAppStorage(env, { production: true }))).toBe(prod);
    expect(outcome(resolveAppStorage({ ...env, STORAGE_ALLOW_SHARED_KEY: 'true' }, { production: true }))).toBe(
      prodAllowingKeys,
    );
  });

  it('names the connection the queue trigger uses after the setting that supplied the account', () => {
    for (const [cs, identity] of cases.map(([c, i]) => [c, i] as const)) {
      const env = {
        ...connectionStrings[cs as keyof typeof connectionStrings],
        ...identities[identity as keyof typeof identities],
      };
      const resolved = resolveAppStorage(env, { production: false });
      if (resolved.ok)
        expect([cs, identity, resolved.connection.name]).toEqual([cs, identity, appStorageConnectionName(env)]);
    }
  });
});

describe('resolveStorageConnection', () => {
  it('derives the three endpoints from the account name', () => {
    const resolved = resolveAppStorage(identities['account name'], { production: true });
    expect(resolved).toEqual({
      ok: true,
      connection: {
        name: 'AzureWebJobsStorage',
        form: 'identity',
        access: { kind: 'identity', credential: 'managedidentity' },
        endpoints: {
          blob: 'https://samladprod.blob.core.windows.net',
          queue: 'https://samladprod.queue.core.windows.net',
          table: 'https://samladprod.table.core.windows.net',
        },
      },
    });
  });

  it('takes a service URI over the one the account name implies', () => {
    const env = { ...identities['account name'], AzureWebJobsStorage__tableServiceUri: 'https://tables.example.net/' };
    const resolved = resolveAppStorage(env, { production: true });
    expect(resolved.ok && resolved.connection.endpoints).toEqual({
      blob: 'https://samladprod.blob.core.windows.net',
      queue: 'https://samladprod.queue.core.windows.net',
      table: 'https://tables.example.net',
    });
  });

  it.each([
    ['an unknown credential', { AzureWebJobsStorage__credential: 'clientsecret' }, 'AzureWebJobsStorage__credential'],
    ['a client id that is no GUID', { AzureWebJobsStorage__clientId: 'samlad-app' }, 'AzureWebJobsStorage__clientId'],
    [
      'an account name with capitals',
      { AzureWebJobsStorage__accountName: 'SamladProd' },
      'AzureWebJobsStorage__accountName',
    ],
    [
      'a URI that is no URL',
      { AzureWebJobsStorage__blobServiceUri: 'samladprod blob' },
      'AzureWebJobsStorage__blobServiceUri',
    ],
  ])('refuses %s', (_case, override, setting) => {
    const resolved = resolveAppStorage({ ...identities['three URIs'], ...override }, { production: false });
    expect(resolved).toMatchObject({ ok: false, issue: { setting } });
  });

  it('passes a user-assigned identity on, and leaves the credential to the default chain when unset', () => {
    const clientId = '0b4d1b7e-8d2f-4a8e-9a53-6b1f3c2d4e5f';
    const { AzureWebJobsStorage__credential: _unset, ...withoutCredential } = identities['three URIs'];
    const resolved = resolveAppStorage(
      { ...withoutCredential, AzureWebJobsStorage__clientId: clientId },
      { production: true },
    );
    expect(resolved.ok && resolved.connection.access).toEqual({ kind: 'identity', credential: 'default', clientId });
  });

  it('accepts http service URIs outside production only', () => {
    const env = {
      AzureWebJobsStorage__blobServiceUri: 'http://127.0.0.1:10000/devstoreaccount1',
      AzureWebJobsStorage__queueServiceUri: 'http://127.0.0.1:10001/devstoreaccount1',
      AzureWebJobsStorage__tableServiceUri: 'http://127.0.0.1:10002/devstoreaccount1',
    };
    expect(resolveAppStorage(env, { production: false }).ok).toBe(true);
    expect(resolveAppStorage(env, { production: true })).toMatchObject({
      ok: false,
      issue: {
        setting: 'AzureWebJobsStorage__blobServiceUri',
        message: expect.stringMatching(/https URL in production/),
      },
    });
  });

  it('refuses service URIs on this machine in production', () => {
    const env = {
      AzureWebJobsStorage__blobServiceUri: 'https://localhost:10000/devstoreaccount1',
      AzureWebJobsStorage__queueServiceUri: 'https://127.0.0.1:10001/devstoreaccount1',
      AzureWebJobsStorage__tableServiceUri: 'https://[::1]:10002/devstoreaccount1',
    };
    expect(resolveAppStorage(env, { production: false }).ok).toBe(true);
    expect(resolveAppStorage(env, { production: true })).toMatchObject({
      ok: false,
      issue: { setting: 'AzureWebJobsStorage__blobServiceUri', message: expect.stringMatching(/names this machine/) },
    });
  });

  // Issue 15: a SAS to a loopback endpoint was accepted in production (only the account name was checked).
  it.each([
    [
      'a SAS to loopback',
      'BlobEndpoint=https://127.0.0.1:10000/a;QueueEndpoint=https://127.0.0.1:10001/a;' +
        'TableEndpoint=https://127.0.0.1:10002/a;SharedAccessSignature=sv=2022&sig=x',
    ],
    ['localhost by name', `${accountKey('samladprod')};BlobEndpoint=https://storage.localhost/x`],
    [
      'IPv6 loopback',
      'BlobEndpoint=https://[::1]/a;QueueEndpoint=https://[::1]/a;TableEndpoint=https://[::1]/a;' +
        'SharedAccessSignature=sig=x',
    ],
    [
      'an IPv4-mapped loopback',
      'BlobEndpoint=https://[::ffff:127.0.0.1]/a;QueueEndpoint=https://[::ffff:7f00:1]/a;' +
        'TableEndpoint=https://[::ffff:7f00:1]/a;SharedAccessSignature=sig=x',
    ],
    [
      'any address',
      'BlobEndpoint=https://0.0.0.0/a;QueueEndpoint=https://0.0.0.0/a;TableEndpoint=https://0.0.0.0/a;' +
        'SharedAccessSignature=sig=x',
    ],
    ['plain http to a remote host', accountKey('samladprod').replace('Protocol=https', 'Protocol=http')],
    [
      "the emulator's account in the path",
      'BlobEndpoint=https://emulator.example/devstoreaccount1;' +
        'QueueEndpoint=https://emulator.example/devstoreaccount1;' +
        'TableEndpoint=https://emulator.example/devstoreaccount1;SharedAccessSignature=sig=x',
    ],
  ])('refuses %s in production, even with shared keys allowed, naming the setting', (_name, value) => {
    const env = { STORAGE_CONNECTION_STRING: value, STORAGE_ALLOW_SHARED_KEY: 'true' };
    expect(resolveAppStorage(env, { production: false }).ok).toBe(true);
    const resolved = resolveAppStorage(env, { production: true });
    expect(resolved).toMatchObject({
      ok: false,
      issue: { setting: 'STORAGE_CONNECTION_STRING', message: expect.stringMatching(/production does not allow/) },
    });
    if (!resolved.ok) expect(resolved.issue.message).not.toContain('sig=x');
  });

  it('refuses IPv4-mapped loopback, *.localhost and the emulator account as service URIs in production', () => {
    for (const host of ['[::ffff:7f00:1]', 'blob.localhost', 'emulator.example/devstoreaccount1']) {
      const env = Object.fromEntries(
        ['blob', 'queue', 'table'].map((s) => [`AzureWebJobsStorage__${s}ServiceUri`, `https://${host}/${s}`]),
      );
      expect(resolveAppStorage(env, { production: true }).ok).toBe(false);
    }
  });

  it('resolves any named connection by the same convention, and refuses one that is not set', () => {
    const named = resolveStorageConnection({ JobsStorage__accountName: 'samladjobs' }, 'JobsStorage', {
      production: true,
    });
    expect(named.ok && named.connection.endpoints.queue).toBe('https://samladjobs.queue.core.windows.net');
    // Only the host's own connection falls back to Azurite's standard ports.
    expect(resolveStorageConnection({}, 'JobsStorage', { production: false })).toMatchObject({
      ok: false,
      issue: { setting: 'JobsStorage' },
    });
    const azurite = resolveStorageConnection({}, 'AzureWebJobsStorage', { production: false });
    expect(azurite.ok && azurite.connection.access).toEqual({
      kind: 'connection-string',
      connectionString: azuriteConnectionString(),
      isDevelopmentStorage: true,
    });
  });

  it('never echoes a connection string in its messages', () => {
    for (const production of [false, true]) {
      for (const value of [accountKey('samladdata'), 'AccountName=x;Key=do-not-print-me']) {
        const resolved = resolveAppStorage({ STORAGE_CONNECTION_STRING: value }, { production });
        if (!resolved.ok) {
          expect(resolved.issue.message).not.toContain(KEY);
          expect(resolved.issue.message).not.toContain('do-not-print-me');
        }
      }
    }
  });
});
