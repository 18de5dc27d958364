/**
 * GET /api/health tells whether storage is reachable: 503 while nothing listens on the
 * configured endpoints, 200 once Azurite comes up there (the probe is not cached).
 */
import { startAzurite, type RunningAzurite } from '../../scripts/local-stack/azurite';
import { azuriteConnectionString } from '../../functions/storage/connection-string';
import { closedPort } from '../support/ports';
import { startTestHost, type TestHost } from '../support/test-stack';

let host: TestHost;
let azurite: RunningAzurite | undefined;
let ports: { blobPort: number; queuePort: number; tablePort: number };

beforeAll(async () => {
  ports = { blobPort: await closedPort(), queuePort: await closedPort(), tablePort: await closedPort() };
  host = await startTestHost({ connectionString: azuriteConnectionString({ host: '127.0.0.1', ...ports }) });
});
afterAll(async () => {
  await host?.stop();
  await azurite?.stop();
});

describe('GET /api/health', () => {
  it('answers 503 "degraded" naming each unreachable service, quickly', async () => {
    const started = Date.now();
    const response = await fetch(`${host.apiUrl}/health`);
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'degraded',
      storage: {
        table: { ok: false, error: 'unreachable (ECONNREFUSED)' },
        blob: { ok: false, error: 'unreachable (ECONNREFUSED)' },
      },
      jobs: { error: 'unreachable (ECONNREFUSED)' },
      timers: { error: 'unreachable (ECONNREFUSED)' },
      problems: [expect.stringMatching(/^storage unreachable/), expect.stringMatching(/^job queue unreadable/)],
    });
    // No retries and no secrets: a refused connection is reported at once, without the address.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(JSON.stringify(body)).not.toContain(String(ports.tablePort));
  });

  it('answers 200 "ok" once storage is reachable on the same endpoints', async () => {
    azurite = await startAzurite({ ...ports });
    const response = await fetch(`${host.apiUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      storage: { table: { ok: true }, blob: { ok: true } },
      jobs: { queued: 0, oldestWaitingSeconds: null, failedUnhandled: 0, alertAfterSeconds: 300 },
      timers: { tertialSummary: null },
      problems: [],
    });
  });
});
