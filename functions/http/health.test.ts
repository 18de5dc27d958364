/**
 * GET /api/health's job queue and timer figures, against Azurite with no worker taking the
 * queue (the handler called directly): a job waiting longer than JOB_WAIT_ALERT_SECONDS makes it
 * "degraded" (still 200: no instance is to blame for a backlog), and the timer's last run shows.
 */
import { HttpRequest, InvocationContext } from '@azure/functions';
import { encodeJobMessage } from '../consolidation/job-message';
import { TableJobStore } from '../storage/table-job-store';
import { JOBS_QUEUE } from '../consolidation/queues';
import { JOBS_TABLE } from '../services';
import { createStorageClients } from '../storage';
import { startAzurite, type RunningAzurite } from '../../scripts/local-stack/azurite';
import type { HealthAnswer as HealthReport } from '../../shared/api';

let azurite: RunningAzurite;
let health: typeof import('./health').health;
const saved = { ...process.env };

beforeAll(async () => {
  azurite = await startAzurite({ blobPort: 0, queuePort: 0, tablePort: 0 });
  // The app reads its settings once: set them before it loads.
  Object.assign(process.env, { STORAGE_CONNECTION_STRING: azurite.connectionString, JOB_WAIT_ALERT_SECONDS: '1' });
  health = (require('./health') as typeof import('./health')).health;
});
afterAll(async () => {
  process.env = saved;
  await azurite.stop();
});

const logged: string[] = [];

async function check(): Promise<{ status: number; body: HealthReport }> {
  const context = new InvocationContext({ logHandler: (_level, ...args) => logged.push(String(args[0])) });
  const response = await health(new HttpRequest({ method: 'GET', url: 'http://localhost/api/health' }), context);
  return { status: response.status ?? 200, body: response.jsonBody as HealthReport };
}

describe('GET /api/health: jobs and timers', () => {
  it('is ok with an empty queue, and says the timer has not run', async () => {
    const { status, body } = await check();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      jobs: { queued: 0, oldestWaitingSeconds: null, failedUnhandled: 0, alertAfterSeconds: 1 },
      timers: { tertialSummary: null },
      problems: [],
    });
  });

  it('turns degraded, still 200, once a job has waited longer than the alert', async () => {
    const clients = createStorageClients(azurite.connectionString);
    const queue = clients.queueClient(JOBS_QUEUE);
    await queue.createIfNotExists();
    await queue.sendMessage(
      encodeJobMessage({
        v: 1,
        jobId: '7d2c6a3e-5b0f-4c8e-9a1d-2f3b4c5d6e7f',
        forbund: 'umearegionen',
        period: '2024T1',
        variant: 'internal',
        basis: 'approved',
        trigger: 'api',
        actor: { subject: 'test', role: 'kansli' },
      }),
    );
    expect((await check()).body.status).toBe('ok');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const { status, body } = await check();
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    expect(body.jobs).toMatchObject({ queued: 1, oldestWaitingSeconds: expect.any(Number) });
    expect((body.jobs as { oldestWaitingSeconds: number }).oldestWaitingSeconds).toBeGreaterThanOrEqual(2);
    expect(body.problems).toEqual([expect.stringMatching(/^a job has waited \d+ s for a worker$/)]);
    expect(logged.map((line) => JSON.parse(line) as { event: string; problems: string[] }).at(-1)).toMatchObject({
      event: 'health.degraded',
      problems: body.problems,
    });
  });

  it("shows the timer's last run", async () => {
    const run = { at: '2026-12-04T06:00:00.000Z', outcome: '6 jobb köade' };
    await new TableJobStore(createStorageClients(azurite.connectionString).tableClient(JOBS_TABLE)).recordTimerRun(
      'tertialSummary',
      run,
    );
    expect((await check()).body.timers).toEqual({ tertialSummary: run });
  });
});
