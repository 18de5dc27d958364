/**
 * Issue 15's attack run against the real built host: workbooks that declare ranges over whole
 * rows, columns or sheets, flood their identity sheet or names, or hide an entity expansion.
 * Before the streaming reader, exceljs expanded such ranges cell by cell on the request thread:
 * one 12 kB file took the host to 4 GB and down, or blocked every request for seconds to minutes.
 * Now each is answered at once — read normally when what it declares is harmless, refused with
 * a Swedish reason when it is not — and `/api/health` answers while it is read and after.
 * tests/fixtures/bad/README.md says what each file is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestStack, type TestStack } from '../support/test-stack';
import { call, devAuth, type ApiResponse } from './api-client';

const corpus = path.join(__dirname, '../fixtures/bad');
const auth = devAuth();
/** Far above what a linear reader needs, far below what the expansion cost (seconds to a crash). */
const GENEROUS_MS = 5_000;
let stack: TestStack;
let token: string;
let goodSha: string;

beforeAll(async () => {
  stack = await startTestStack({ env: auth.env });
  token = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
  const good = JSON.parse(readFileSync(path.join(corpus, 'extra-field.json'), 'utf8'));
  const stored = await call(stack.apiUrl, 'POST', '/forbund/umearegionen/submissions', {
    token,
    json: { ...good, admin: undefined },
  });
  expect(stored.status).toBe(201);
  goodSha = stored.json.sha256;
}, 60_000);
afterAll(() => stack?.stop());

/** Sends the file and asks for /api/health while it is being read; both must answer promptly. */
async function sendWithHealth(route: string, file: string): Promise<ApiResponse> {
  const started = Date.now();
  const upload = call(stack.apiUrl, 'POST', `/forbund/umearegionen/${route}`, {
    token,
    body: readFileSync(path.join(corpus, file)),
  }).then((res) => ({ res, ms: Date.now() - started }));
  const health = fetch(`${stack.apiUrl}/health`).then((res) => ({ status: res.status, ms: Date.now() - started }));
  const [{ res, ms }, during] = await Promise.all([upload, health]);
  expect(during.status).toBe(200);
  expect(during.ms).toBeLessThan(GENEROUS_MS);
  expect(ms).toBeLessThan(GENEROUS_MS);
  return res;
}

describe.each([
  'range-merge-whole-sheet.xlsx',
  'range-merges-40000.xlsx',
  'range-validation-whole-sheet.xlsx',
  'range-validation-whole-sheet-identity.xlsx',
  'range-validation-one-column.xlsx',
  'range-validation-five-columns.xlsx',
  'range-conditional-format-whole-sheet.xlsx',
  'range-filter-and-hyperlink-whole-sheet.xlsx',
  'range-columns-past-the-grid.xlsx',
  'range-defined-names-whole-sheet.xlsx',
  'own-sheet-whole-column-validation.xlsx',
])('%s declares ranges that a submission does not read', (file) => {
  it('is validated clean, promptly, with the host answering', async () => {
    const res = await sendWithHealth('validate', file);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, findings: [] });
  });

  it('is accepted as the same figures as the JSON submission', async () => {
    const res = await sendWithHealth('submissions', file);
    expect([200, 201]).toContain(res.status);
    expect(res.json.sha256).toBe(goodSha);
  });
});

describe.each([
  ['range-input-name-whole-sheet.xlsx', 422, 'missing-cells', /Antal deltagare – Kvinnor/],
  ['identity-sheet-flooded.xlsx', 422, 'too-complex', /för omfattande/],
  ['names-flooded.xlsx', 422, 'too-complex', /för omfattande/],
  ['entity-expansion.xlsx', 422, 'not-xlsx', /inte en Excel-arbetsbok/],
])('%s', (file, status, code, message) => {
  it.each(['validate', 'submissions'])(
    `POST %s answers ${status} ${code} promptly, with the host answering`,
    async (route) => {
      const res = await sendWithHealth(route, file);
      expect(res.status).toBe(status);
      expect(res.json.code).toBe(code);
      expect(res.json.message).toMatch(message);
    },
  );
});

it('answers /api/health after every hostile file, and a plain submission still goes through', async () => {
  expect((await fetch(`${stack.apiUrl}/health`)).status).toBe(200);
  const again = await call(stack.apiUrl, 'POST', '/forbund/umearegionen/validate', {
    token,
    body: readFileSync(path.join(corpus, 'negative-count.xlsx')),
  });
  expect(again.status).toBe(200);
  expect(again.json.ok).toBe(false);
});
