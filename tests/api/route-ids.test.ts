/**
 * Every id in a route's path is checked by its pattern before anything reaches storage
 * (issue 15: `consolidate/jobs/..%2F` took three storage retries and a 503). The host runs
 * against storage that does not answer, so any id that got as far as storage would come back
 * as a 503; a malformed one must come back as a 4xx at once. The routes are read from the
 * host's own listing of its registrations, so a new route with an id is covered without edits.
 */
import { azuriteConnectionString } from '../../functions/storage/connection-string';
import { closedPort } from '../support/ports';
import { startTestHost, type TestHost } from '../support/test-stack';
import { call, devAuth } from './api-client';

const auth = devAuth();
let host: TestHost;
let kansli: string;
let routes: { method: string; template: string }[];

beforeAll(async () => {
  const port = await closedPort();
  host = await startTestHost({
    connectionString: azuriteConnectionString({ host: '127.0.0.1', blobPort: port, queuePort: port, tablePort: port }),
    env: auth.env,
  });
  kansli = await auth.token({ forbund: 'umearegionen', role: 'kansli' });
  routes = [...host.process.output().matchAll(/^\s+\w+: \[([A-Z,]+)\] http:\/\/\S+?\/api\/(\S+)$/gm)]
    .map((m) => ({ method: m[1]!.split(',')[0]!, template: m[2]! }))
    .filter((r) => /\{(?!forbund\})[^}]+\}/.test(r.template));
}, 60_000);
afterAll(() => host?.stop());

const malformed = ['..%2F', '..%2F..%2Fsamladjobs', '%00', "x'or'1'eq'1", 'a'.repeat(400), '%E2%80%AE'];

it('finds the routes that take an id', () => {
  expect(routes.map((r) => r.template).sort()).toEqual(
    expect.arrayContaining([
      'forbund/{forbund}/consolidate/jobs/{jobId}',
      'forbund/{forbund}/reports/{id}',
      'forbund/{forbund}/submissions/{id}',
      'forbund/{forbund}/periods/{period}',
    ]),
  );
});

it('answers a malformed id on every such route with a 4xx before any storage call', async () => {
  for (const route of routes) {
    for (const id of malformed) {
      const path = `/${route.template.replace('{forbund}', 'umearegionen').replace(/\{[^}]+\}/, id)}`;
      const json = route.method === 'GET' ? undefined : { comment: 'rätta raden', locked: true };
      const res = await call(host.apiUrl, route.method, path, { token: kansli, json });
      expect([route.template, id.slice(0, 20), res.status >= 400 && res.status < 500]).toEqual([
        route.template,
        id.slice(0, 20),
        true,
      ]);
      if (res.json) expect(res.json.message).toMatch(/[a-zåäö]{3}/i);
    }
  }
});

it('a well-formed id does reach storage, which here answers 503 (so the test above can tell)', async () => {
  const res = await call(
    host.apiUrl,
    'GET',
    '/forbund/umearegionen/consolidate/jobs/0f8fad5b-d9cb-469f-a165-70867728950e',
    {
      token: kansli,
    },
  );
  expect(res.status).toBe(503);
});
