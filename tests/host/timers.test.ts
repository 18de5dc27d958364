/**
 * Firing a registered timer: through the running host's admin API (what `npm run timer`
 * uses when `npm start` runs) and in-process (what it does when no host runs).
 */
import { TableClient } from '@azure/data-tables';
import { runScript } from '../support/node-process';
import { pollUntil } from '../support/poll';
import { closedPort } from '../support/ports';
import { appMain, childEnv, fixtureFunctions, startTestStack, type TestStack } from '../support/test-stack';

const runsTable = 'fixturetimerruns'; // Written by tests/support/functions/fixture-timer.ts

let stack: TestStack;

async function recordedRuns(): Promise<Record<string, unknown>[]> {
  const table = TableClient.fromConnectionString(stack.connectionString, runsTable, { allowInsecureConnection: true });
  const runs: Record<string, unknown>[] = [];
  try {
    for await (const entity of table.listEntities()) runs.push(entity);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 404) return [];
    throw error;
  }
  return runs;
}

async function waitForRuns(count: number): Promise<Record<string, unknown>[]> {
  return pollUntil(
    async () => {
      const runs = await recordedRuns();
      return runs.length >= count ? runs : undefined;
    },
    { what: `${count} recorded timer run(s)` },
  );
}

const hostPort = () => new URL(stack.baseUrl).port;

beforeAll(async () => {
  stack = await startTestStack({ extraMain: [fixtureFunctions] });
});
afterAll(async () => {
  await stack?.stop();
});

describe('local host: timers', () => {
  it('runs a timer through POST /admin/functions/{name} (202, then the run)', async () => {
    expect(await recordedRuns()).toHaveLength(0);
    const response = await fetch(`${stack.baseUrl}/admin/functions/fixtureRecordRun`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: '' }),
    });
    expect(response.status).toBe(202);
    const [run] = await waitForRuns(1);
    expect(run).toMatchObject({
      functionName: 'fixtureRecordRun',
      isPastDue: false,
      adjustForDST: true,
      realContext: true,
    });
  });

  it.each([
    ['an unknown function', 'POST', 'noSuchTimer', 404],
    ['an HTTP function', 'POST', 'health', 400],
    ['a GET', 'GET', 'fixtureRecordRun', 405],
  ])('refuses %s on the admin API', async (_case, method, name, status) => {
    const response = await fetch(`${stack.baseUrl}/admin/functions/${name}`, {
      method,
      ...(method === 'POST' ? { body: '{"input":""}' } : {}),
    });
    expect(response.status).toBe(status);
  });

  it('npm run timer asks the running host when there is one', async () => {
    const before = (await recordedRuns()).length;
    const result = await runScript('scripts/fire-timer.js', ['fixtureRecordRun'], childEnv({ PORT: hostPort() }));
    expect(result.output).toContain('started on the running host');
    expect(result.code).toBe(0);
    await waitForRuns(before + 1);
  });

  it('npm run timer runs the function in-process when no host is running', async () => {
    const before = (await recordedRuns()).length;
    const result = await runScript(
      'scripts/fire-timer.js',
      ['fixtureRecordRun', '--main', appMain, '--main', fixtureFunctions],
      childEnv({ PORT: String(await closedPort()), STORAGE_CONNECTION_STRING: stack.connectionString }),
    );
    expect(result.output).toContain('running "fixtureRecordRun" in this process');
    expect(result.output).toMatch(/"fixtureRecordRun" succeeded in \d+ ms/);
    expect(result.code).toBe(0);
    // Written before the process exited: no waiting needed.
    expect(await recordedRuns()).toHaveLength(before + 1);
  });

  it('npm run timer without a host also builds the jobs the timer queued, before it exits', async () => {
    const result = await runScript(
      'scripts/fire-timer.js',
      ['tertialSummary', '--main', appMain],
      childEnv({ PORT: String(await closedPort()), STORAGE_CONNECTION_STRING: stack.connectionString }),
      60_000,
    );
    expect(result.output).toMatch(/"tertialSummary" succeeded in \d+ ms/);
    expect(result.code).toBe(0);
    const jobs: Record<string, unknown>[] = [];
    const table = TableClient.fromConnectionString(stack.connectionString, 'samladjobs', {
      allowInsecureConnection: true,
    });
    for await (const job of table.listEntities({ queryOptions: { filter: "trigger eq 'timer'" } })) jobs.push(job);
    expect(jobs.length).toBeGreaterThan(0);
    // Nothing is approved in this empty store: every job is done, having written nothing.
    for (const job of jobs)
      expect(job).toMatchObject({ status: 'done', message: 'Inga godkända inlämningar; ingen rapport skrevs.' });
  }, 90_000);

  it('npm run timer names the runnable functions when the name is wrong', async () => {
    const result = await runScript(
      'scripts/fire-timer.js',
      ['noSuchTimer', '--main', appMain, '--main', fixtureFunctions],
      childEnv({ PORT: String(await closedPort()), STORAGE_CONNECTION_STRING: stack.connectionString }),
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      'No function named "noSuchTimer". Functions this can run: ' +
        'consolidationJobFailed, consolidationWorker, tertialSummary, fixtureRecordRun',
    );
  });
});
