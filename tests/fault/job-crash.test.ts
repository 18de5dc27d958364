/**
 * A consolidation job survives the instance that builds it.
 *
 * Azurite runs in this process, the Functions host (the built app, with a 2-second lease on the
 * queue messages it takes, instead of the runtime's 10 minutes) in a child process, which the
 * tests SIGKILL while a job builds. A new host then takes the message again once the lease lapses,
 * and the job completes with exactly one report. A message delivered twice, or delivered again
 * after its report was stored but before its job was marked done, leaves one report too; and the
 * tertialSummary timer's jobs, killed half-way, leave the clean run's reports byte for byte.
 */
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { QueueClient } from '@azure/storage-queue';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { SUBMISSIONS_TABLE } from '../../functions/services';
import { encodeJobMessage, type JobMessage } from '../../functions/consolidation/job-message';
import { JOBS_QUEUE } from '../../functions/consolidation/queues';
import { JOBS_TABLE, REPORTS_CONTAINER } from '../../functions/services';
import { loadSeeds } from '../../scripts/demo/load-seeds';
import type { RunningAzurite } from '../../scripts/local-stack/azurite';
import { findForbund, registry } from '../../shared';
import { call, devAuth } from '../api/api-client';
import { pollUntil } from '../support/poll';
import { startTestAzurite, startTestHost, type TestHost } from '../support/test-stack';

const auth = devAuth();
const forbund = findForbund(registry, 'umearegionen')!;
const base = `/forbund/${forbund.id}`;
// Far enough back from today for the timer to reach the seeds' 2022 and 2023 tertials.
const env = {
  ...auth.env,
  CONSOLIDATE_SYNC_MS: '0',
  TERTIAL_SUMMARY_LOOKBACK_YEARS: String(Math.max(1, new Date().getUTCFullYear() - 2022)),
};
const LEASE_SECONDS = 2;

let azurite: RunningAzurite;
let host: TestHost | undefined;
let container: ContainerClient;
let jobsTable: TableClient;
let kansli: string;

const startHost = () =>
  startTestHost({ connectionString: azurite.connectionString, env, queueLeaseSeconds: LEASE_SECONDS });
const api = (method: string, route: string, options?: Parameters<typeof call>[3]) =>
  call(host!.apiUrl, method, route, { token: kansli, ...options });

async function killHost(): Promise<void> {
  host!.process.child.kill('SIGKILL');
  await host!.process.exited;
  host = undefined;
}

/** Workbooks stored, with the job each names in its metadata. */
async function workbooks(prefix = ''): Promise<{ name: string; jobId: string | undefined }[]> {
  const out: { name: string; jobId: string | undefined }[] = [];
  for await (const b of container.listBlobsFlat({ prefix, includeMetadata: true }))
    if (b.name.endsWith('.xlsx')) out.push({ name: b.name, jobId: b.metadata?.['jobid'] });
  return out;
}

async function jobRow(jobId: string): Promise<Record<string, unknown> | undefined> {
  try {
    return await jobsTable.getEntity(forbund.id, jobId);
  } catch {
    return undefined;
  }
}

async function waitForJob(jobId: string): Promise<{ status: string; report?: { id: string }; message: string }> {
  return pollUntil(
    async () => {
      const poll = await api('GET', `${base}/consolidate/jobs/${jobId}`);
      return ['done', 'failed'].includes(poll.json.status) ? poll.json : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 100, what: `job ${jobId} to finish` },
  );
}

async function queueIsEmpty(): Promise<boolean> {
  const queue = new QueueClient(azurite.connectionString, JOBS_QUEUE);
  return ((await queue.getProperties()).approximateMessagesCount ?? 0) === 0;
}

beforeAll(async () => {
  azurite = await startTestAzurite();
  const blobs = BlobServiceClient.fromConnectionString(azurite.connectionString);
  container = blobs.getContainerClient(REPORTS_CONTAINER);
  await container.createIfNotExists(); // The app creates it with its first report; listings need it before.
  jobsTable = TableClient.fromConnectionString(azurite.connectionString, JOBS_TABLE, { allowInsecureConnection: true });
  host = await startHost();
  kansli = await auth.token({ forbund: forbund.id, role: 'kansli' });
  const tokenFor = (party: string) =>
    party === 'kansli' ? Promise.resolve(kansli) : auth.token({ forbund: forbund.id, party, role: 'reporter' });
  await loadSeeds(registry, forbund, { apiUrl: host.apiUrl, token: tokenFor, root: path.join(__dirname, '../..') });
}, 120_000);

afterAll(async () => {
  await host?.stop();
  await azurite?.stop();
});

describe('a consolidation job', () => {
  let jobId: string;
  let message: JobMessage;

  it('killed with its host while it builds, completes on a new host with exactly one report', async () => {
    // The kill must land while the job builds; a build that wins the race is not a crash, so try again.
    for (let attempt = 1; ; attempt++) {
      const res = await api('POST', `${base}/consolidate`, { json: { period: '2023T3', variant: 'internal' } });
      expect(res.status).toBe(202);
      jobId = res.json.jobId;
      await pollUntil(async () => (await jobRow(jobId))?.status === 'running', {
        timeoutMs: 30_000,
        intervalMs: 5,
        what: 'the worker to start the job',
      });
      await killHost();
      const stored = (await workbooks()).filter((w) => w.jobId === jobId);
      if (stored.length === 0) break;
      expect(attempt).toBeLessThan(4);
      host = await startHost();
    }
    expect((await jobRow(jobId))?.status).toBe('running'); // Nobody will say otherwise while no host runs.

    host = await startHost();
    const job = await waitForJob(jobId);
    expect(job).toMatchObject({ status: 'done', message: 'Klar' });
    // Delivered a second time, after the first holder's lease lapsed.
    expect(Number((await jobRow(jobId))?.attempts)).toBeGreaterThanOrEqual(2);
    expect((await workbooks()).filter((w) => w.jobId === jobId).map((w) => w.name)).toEqual([
      `${forbund.id}/2023T3/internal/${job.report!.id.slice(-16)}.xlsx`,
    ]);
    const file = await api('GET', `${base}/reports/${job.report!.id}`);
    expect(file.status).toBe(200);
    expect(createHash('sha256').update(file.bytes).digest('hex').startsWith(job.report!.id.slice(-16))).toBe(true);
    message = {
      v: 1,
      jobId,
      forbund: forbund.id,
      period: '2023T3',
      variant: 'internal',
      basis: 'approved',
      trigger: 'api',
      actor: { subject: 'test', role: 'kansli' },
      generatedAt: new Date().toISOString(),
    };
  }, 120_000);

  it('delivered twice, writes one report and leaves the finished job as it was', async () => {
    const before = { job: await jobRow(jobId), reports: await workbooks() };
    await new QueueClient(azurite.connectionString, JOBS_QUEUE).sendMessage(encodeJobMessage(message));
    await pollUntil(queueIsEmpty, { timeoutMs: 30_000, intervalMs: 100, what: 'the duplicate to be taken' });
    expect(await workbooks()).toEqual(before.reports);
    expect((await jobRow(jobId))?.updatedAt).toBe(before.job?.updatedAt);
  }, 60_000);

  it('delivered again after its report was stored, before done, finds that report despite new figures', async () => {
    const before = await workbooks();
    // The state a crash between storing the report and marking the job done leaves…
    await jobsTable.updateEntity(
      { partitionKey: forbund.id, rowKey: jobId, status: 'running', progress: 0.9, report: '', attempts: 1 },
      'Merge',
    );
    // …while kansliet approves a changed submission, so a new build would be a different file.
    const list = await api('GET', `${base}/submissions?period=2023T3`);
    const current = (list.json.current as { id: string; state: string }[]).find((c) => c.state === 'godkand')!;
    const returned = await api('POST', `${base}/submissions/${current.id}/return`, { json: { comment: 'Kontroll' } });
    expect(returned.status).toBe(200);
    const reapproved = await api('POST', `${base}/submissions/${current.id}/approve`, { json: {} });
    expect(reapproved.status).toBe(200);

    await new QueueClient(azurite.connectionString, JOBS_QUEUE).sendMessage(encodeJobMessage(message));
    const job = await waitForJob(jobId);
    expect(job.status).toBe('done');
    expect(await workbooks()).toEqual(before);
  }, 60_000);
});

describe('the tertialSummary timer', () => {
  /** Every blob in the reports container: name → sha256 of its bytes. */
  async function reportBlobs(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for await (const b of container.listBlobsFlat({ prefix: `${forbund.id}/2022` })) {
      const bytes = await container.getBlockBlobClient(b.name).downloadToBuffer();
      out.set(b.name, createHash('sha256').update(bytes).digest('hex'));
    }
    return out;
  }

  /** Fires the timer; resolves with the ids of the jobs its run queued. */
  async function fire(): Promise<string[]> {
    const table = TableClient.fromConnectionString(azurite.connectionString, SUBMISSIONS_TABLE, {
      allowInsecureConnection: true,
    });
    const runs = async () => {
      const found: string[] = [];
      for await (const e of table.listEntities({ queryOptions: { filter: "subject eq 'tertialSummary'" } }))
        if (String(e.partitionKey).startsWith(`${forbund.id}_`)) found.push(String(e.after));
      return found;
    };
    const before = (await runs()).length;
    const res = await fetch(`${host!.baseUrl}/admin/functions/tertialSummary`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: '' }),
    });
    expect(res.status).toBe(202);
    const after = await pollUntil(async () => ((await runs()).length > before ? runs() : undefined), {
      timeoutMs: 30_000,
      what: 'the timer run',
    });
    // 2022's tertials only: this year's and 2023T3 are covered above.
    return after.flatMap((line) => [...line.matchAll(/2022T[123]: köad som jobb ([0-9a-f-]{36})/g)].map((m) => m[1]!));
  }

  it('killed half-way through its jobs, leaves the clean run’s reports byte for byte on a new host', async () => {
    const clean = await fire();
    expect(clean.length).toBe(3);
    for (const id of clean) expect((await waitForJob(id)).status).toBe('done');
    const reports = await reportBlobs();
    expect([...reports.keys()].filter((n) => n.endsWith('.xlsx')).length).toBeGreaterThanOrEqual(1);
    for (const name of reports.keys()) await container.deleteBlob(name);

    const again = await fire();
    await pollUntil(async () => (await workbooks(`${forbund.id}/2022`)).length > 0, {
      timeoutMs: 60_000,
      intervalMs: 5,
      what: 'the first report of the run',
    });
    await killHost();
    const unfinished: string[] = [];
    for (const id of again) if ((await jobRow(id))?.status !== 'done') unfinished.push(id);
    expect(unfinished.length).toBeGreaterThan(0); // It really stopped half-way.
    // The kill may land between a report's manifest and its workbook: make that state too, for a
    // job the kill interrupted.
    for (const w of await workbooks(`${forbund.id}/2022`))
      if (w.jobId && unfinished.includes(w.jobId)) await container.deleteBlob(w.name);

    // No new run: the new host takes the queued and the interrupted jobs off the queue.
    host = await startHost();
    for (const id of again) expect((await waitForJob(id)).status).toBe('done');
    expect(await reportBlobs()).toEqual(reports);
  }, 150_000);
});
