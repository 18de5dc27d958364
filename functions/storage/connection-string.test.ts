import { azuriteConnectionString, parseConnectionString } from './connection-string';

describe('parseConnectionString', () => {
  it.each([
    [
      'an account key string',
      'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net',
      'https://acct.blob.core.windows.net',
      'https://acct.table.core.windows.net',
    ],
    [
      'explicit endpoints with a SAS',
      'BlobEndpoint=https://b.example/;QueueEndpoint=https://q.example/;TableEndpoint=https://t.example/;' +
        'SharedAccessSignature=sv=2024&sig=x',
      'https://b.example/',
      'https://t.example/',
    ],
    [
      'case-insensitive keys',
      'defaultendpointsprotocol=https;accountname=acct;accountkey=a2V5',
      'https://acct.blob.core.windows.net',
      'https://acct.table.core.windows.net',
    ],
    [
      'a key containing "="',
      'AccountName=acct;AccountKey=YWJj==;',
      'https://acct.blob.core.windows.net',
      'https://acct.table.core.windows.net',
    ],
  ])('accepts %s', (_name, input, blob, table) => {
    const parsed = parseConnectionString(input);
    expect(parsed).toMatchObject({ ok: true, endpoints: { blob, table }, isDevelopmentStorage: false });
  });

  it('expands UseDevelopmentStorage=true to Azurite on its standard ports', () => {
    const parsed = parseConnectionString('UseDevelopmentStorage=true');
    expect(parsed).toMatchObject({ ok: true, isDevelopmentStorage: true, connectionString: azuriteConnectionString() });
  });

  it('builds Azurite strings for other ports', () => {
    const parsed = parseConnectionString(
      azuriteConnectionString({ host: '127.0.0.1', blobPort: 1234, queuePort: 4321, tablePort: 5678 }),
    );
    expect(parsed).toMatchObject({
      ok: true,
      isDevelopmentStorage: true,
      endpoints: {
        blob: 'http://127.0.0.1:1234/devstoreaccount1',
        queue: 'http://127.0.0.1:4321/devstoreaccount1',
        table: 'http://127.0.0.1:5678/devstoreaccount1',
      },
    });
  });

  it.each([
    ['no credential', 'AccountName=acct', /AccountKey or SharedAccessSignature/],
    ['a key without account', 'AccountKey=a2V5', /no AccountName/],
    ['a SAS without endpoints', 'SharedAccessSignature=sv=1', /AccountName or explicit/],
    [
      'an endpoint that is not a URL',
      'AccountName=a;AccountKey=k;TableEndpoint=not a url',
      /TableEndpoint is not an http\(s\) URL/,
    ],
    ['plain garbage', 'hello', /AccountKey or SharedAccessSignature/],
  ])('rejects %s', (_name, input, reason) => {
    const parsed = parseConnectionString(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
