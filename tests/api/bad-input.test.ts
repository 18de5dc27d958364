import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import { CONFIGURATION_TABLE, SUBMISSIONS_TABLE } from '../../functions/services';
import { startTestStack, type TestStack } from '../support/test-stack';
import { call, devAuth } from './api-client';

const corpus = path.join(__dirname, '../fixtures/bad');
const auth = devAuth();
let stack: TestStack;
let token: string;

/** Every entity in the submissions table, as JSON: "storage unchanged" means this is equal. */
async function storageSnapshot(): Promise<string> {
  const table = TableClient.fromConnectionString(stack.connectionString, SUBMISSIONS_TABLE, {
    allowInsecureConnection: true,
  });
  await table.createTable();
  const rows: string[] = [];
  for await (const e of table.listEntities()) rows.push(`${e.partitionKey}/${e.rowKey}/${e.etag}`);
  return rows.sort().join('\n');
}

beforeAll(async () => {
  stack = await startTestStack({ env: auth.env });
  token = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
  // One accepted submission first, so "unchanged" is checked against a table that holds something.
  const good = await call(stack.apiUrl, 'POST', '/forbund/umearegionen/submissions', {
    token,
    json: { ...JSON.parse(readFileSync(path.join(corpus, 'extra-field.json'), 'utf8')), admin: undefined },
  });
  expect(good.status).toBe(201);
}, 60_000);
afterAll(() => stack?.stop());

describe.each([
  ['not-a-workbook.xlsx', 422, 'not-xlsx'],
  ['truncated.xlsx', 422, 'not-xlsx'],
  ['zip-bomb.xlsx', 413, 'too-large'],
  ['zip-bomb-understated.xlsx', 413, 'too-large'],
  ['other-forbund.xlsx', 422, 'wrong-forbund'],
  ['wrong-version.xlsx', 422, 'unknown-template'],
  ['text-in-count.xlsx', 422, 'validation-failed'],
  ['negative-count.xlsx', 422, 'validation-failed'],
  ['formula-without-value.xlsx', 422, 'validation-failed'],
  ['extra-field.json', 400, 'invalid-body'],
  ['missing-field.json', 400, 'invalid-body'],
  ['values-not-object.json', 400, 'invalid-body'],
  ['nan.json', 400, 'invalid-json'],
  ['truncated.json', 400, 'invalid-json'],
  ['nan-as-text.json', 422, 'validation-failed'],
])('%s', (file, status, code) => {
  it.each(['submissions', 'validate'])(
    `POST %s answers ${status} ${code} with a Swedish message and stores nothing`,
    async (route) => {
      const before = await storageSnapshot();
      const content = readFileSync(path.join(corpus, file));
      const options = file.endsWith('.json')
        ? { token, body: content, contentType: 'application/json' }
        : { token, body: content };
      const res = await call(stack.apiUrl, 'POST', `/forbund/umearegionen/${route}`, options);
      expect(res.status).toBe(route === 'validate' && code === 'validation-failed' ? 200 : status);
      if (file === 'formula-without-value.xlsx') {
        expect(res.json.findings.map((f: { code: string }) => f.code)).toEqual(['formula-without-result']);
      }
      if (res.status >= 400) {
        expect(res.json.code).toBe(code);
        expect(res.json.message).toMatch(/[a-zåäö]/i);
      } else {
        expect(res.json.ok).toBe(false);
      }
      expect(await storageSnapshot()).toBe(before);
    },
  );
});

it('refuses an oversized upload by its size, before reading it as a workbook', async () => {
  const res = await call(stack.apiUrl, 'POST', '/forbund/umearegionen/submissions', {
    token,
    body: Buffer.alloc(6 * 1024 * 1024, 1),
  });
  expect(res.status).toBe(413);
});

it('refuses an unknown content type', async () => {
  const res = await call(stack.apiUrl, 'POST', '/forbund/umearegionen/submissions', {
    token,
    body: Buffer.from('a;b;c'),
    contentType: 'text/csv',
  });
  expect(res.status).toBe(415);
});

it('a malformed body on a kansli route is a 400 with no stack trace', async () => {
  const kansli = await auth.token({ forbund: 'umearegionen', role: 'kansli' });
  const res = await call(
    stack.apiUrl,
    'POST',
    '/forbund/umearegionen/submissions/2023T3~deltagare-avslut~ungdomstorget~umea~1/approve',
    { token: kansli, body: Buffer.from('{'), contentType: 'application/json' },
  );
  expect(res.status).toBe(400);
  expect(JSON.stringify(res.json)).not.toMatch(/at .*\.js:\d+/);
});

/**
 * Issue 13's bad uploads to POST settings/{year}/versions, as kansliet: a Swedish finding that
 * names the sheet and cell (or the file refused as a whole), and nothing stored or activated.
 */
describe('the settings workbook', () => {
  let kansli: string;

  /** Every entity of the configuration table: versions and active pointers. */
  async function configurationSnapshot(): Promise<string> {
    const table = TableClient.fromConnectionString(stack.connectionString, CONFIGURATION_TABLE, {
      allowInsecureConnection: true,
    });
    const rows: string[] = [];
    for await (const e of table.listEntities()) rows.push(`${e.partitionKey}/${e.rowKey}/${e.etag}`);
    return rows.sort().join('\n');
  }

  beforeAll(async () => {
    kansli = await auth.token({ forbund: 'umearegionen', role: 'kansli' });
    // The year has a submission for Vuxentorget, so removing the platform must be refused.
    const good = JSON.parse(readFileSync(path.join(corpus, 'extra-field.json'), 'utf8'));
    const sent = await call(stack.apiUrl, 'POST', '/forbund/umearegionen/submissions', {
      token,
      json: { ...good, admin: undefined, period: '2024T1', scope: 'vuxentorget' },
    });
    expect(sent.status).toBe(201);
  });

  // Every row has all five values: jest hands a row with fewer a `done` callback in their place.
  it.each<[string, number, string, string, string]>([
    ['settings-weight-as-text.xlsx', 2023, 'settings-invalid', 'not-a-number', 'Indikatorer!D26'],
    ['settings-weights-off.xlsx', 2023, 'settings-invalid', 'weights-off', 'Indikatorer!D26:D35'],
    ['settings-unknown-formula.xlsx', 2023, 'settings-invalid', 'unknown-formula', 'Indikatorer!H26'],
    ['settings-shares-not-100.xlsx', 2024, 'settings-invalid', 'shares-total', "'Parter och kommuner'!F6:F15"],
    [
      'settings-kommun-without-kommunkod.xlsx',
      2024,
      'settings-invalid',
      'kommun-without-kommunkod',
      "'Parter och kommuner'!D11",
    ],
    ['settings-duplicate-ids.xlsx', 2024, 'settings-invalid', 'duplicate-id', "'Parter och kommuner'!A11"],
    ['settings-platform-in-use.xlsx', 2024, 'settings-invalid', 'scope-in-use', 'Plattformar'],
    ['settings-name-whole-sheet.xlsx', 2024, 'settings-invalid', 'name-missing', 'Indikatorer'],
    ['settings-other-forbund.xlsx', 2023, 'settings-refused', 'wrong-forbund', "'Om inställningarna'!B6"],
    ['settings-other-year.xlsx', 2024, 'settings-refused', 'wrong-year', "'Om inställningarna'!B7"],
    ['settings-a-template.xlsx', 2024, 'settings-refused', 'not-settings-workbook', ''],
    ['not-a-workbook.xlsx', 2024, 'not-xlsx', '', ''],
    ['truncated.xlsx', 2024, 'not-xlsx', '', ''],
    ['zip-bomb-understated.xlsx', 2024, 'too-large', '', ''],
  ])('%s is refused (%s)', async (file, year, code, finding, cell) => {
    const before = await configurationSnapshot();
    const res = await call(stack.apiUrl, 'POST', `/forbund/umearegionen/settings/${year}/versions`, {
      token: kansli,
      body: readFileSync(path.join(corpus, file)),
    });
    expect(res.json.code).toBe(code);
    expect(res.status).toBe(code === 'too-large' ? 413 : 422);
    expect(res.json.message).toMatch(/[a-zåäö]/);
    if (finding) {
      const found = res.json.details.findings.find((f: { code: string }) => f.code === finding);
      expect(found).toMatchObject({ severity: 'fel', ...(cell ? { cell } : {}) });
      expect(found.message).toMatch(/[a-zåäö]/);
    }
    expect(await configurationSnapshot()).toBe(before);
  });
});
