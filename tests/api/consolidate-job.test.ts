/**
 * The job path of POST consolidate: with a budget of 0 ms every consolidation answers 202 with a
 * job, which a poll follows to done and whose report downloads like any other; a job that fails
 * every delivery ends in the poison queue and reads as failed, in Swedish, with its error code.
 */
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueClient } from '@azure/storage-queue';
import { SUBMISSIONS_TABLE } from '../../functions/services';
import { JOBS_POISON_QUEUE } from '../../functions/consolidation/queues';
import { REPORTS_CONTAINER } from '../../functions/services';
import { pollUntil } from '../support/poll';
import { zeroSubmission } from '../support/zero-submission';
import { startTestStack, type TestStack } from '../support/test-stack';
import { call, devAuth } from './api-client';

const auth = devAuth();
let stack: TestStack;
let kansli: string;
const base = '/forbund/umearegionen';
const api = (method: string, path: string, options?: Parameters<typeof call>[3]) =>
  call(stack.apiUrl, method, path, options);

beforeAll(async () => {
  stack = await startTestStack({
    env: {
      ...auth.env,
      CONSOLIDATE_SYNC_MS: '0',
      // host.json says 5 deliveries, 30 s apart; the runtime's overrides make the failure quick.
      AzureFunctionsJobHost__extensions__queues__maxDequeueCount: '3',
      AzureFunctionsJobHost__extensions__queues__visibilityTimeout: '00:00:00',
    },
  });
  kansli = await auth.token({ forbund: 'umearegionen', role: 'kansli' });
  const reporter = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
  // One submission a period is enough: the job runs the same code as a quick consolidation.
  for (const period of ['2024T1', '2024T2']) {
    const res = await api('POST', `${base}/submissions`, {
      token: reporter,
      json: zeroSubmission(period),
    });
    expect(res.status).toBe(201);
  }
}, 60_000);
afterAll(() => stack?.stop());

describe('consolidation as a job', () => {
  it('answers 202 {jobId} with a Location, and the poll reaches done with the report', async () => {
    const res = await api('POST', `${base}/consolidate`, {
      token: kansli,
      json: { period: '2024T1', variant: 'internal', basis: 'latest' },
    });
    expect(res.status).toBe(202);
    expect(res.json.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('location')).toBe(`/api${base}/consolidate/jobs/${res.json.jobId}`);
    const seen: number[] = [];
    const job = await pollUntil(
      async () => {
        const poll = await api('GET', `${base}/consolidate/jobs/${res.json.jobId}`, { token: kansli });
        expect(poll.status).toBe(200);
        seen.push(poll.json.progress);
        return ['queued', 'running'].includes(poll.json.status) ? undefined : poll.json;
      },
      { timeoutMs: 30_000, intervalMs: 50, what: 'the job to finish' },
    );
    expect(job).toMatchObject({ status: 'done', progress: 1, message: 'Klar', period: '2024T1', variant: 'internal' });
    expect(Object.keys(job.report).sort()).toEqual([
      'createdAt',
      'fileName',
      'id',
      'period',
      'sha256',
      'size',
      'variant',
    ]);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const file = await api('GET', `${base}/reports/${job.report.id}`, { token: kansli });
    expect(file.status).toBe(200);
    expect(file.bytes.length).toBe(job.report.size);
  });

  it('answers 404 for an unknown job, and 403 for a reporter', async () => {
    expect(
      (await api('GET', `${base}/consolidate/jobs/00000000-0000-0000-0000-000000000000`, { token: kansli })).status,
    ).toBe(404);
    const reporter = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
    expect(
      (await api('GET', `${base}/consolidate/jobs/00000000-0000-0000-0000-000000000000`, { token: reporter })).status,
    ).toBe(403);
  });

  it('fails every delivery of a job whose submissions cannot be read, then reads failed, in Swedish', async () => {
    // Damage 2024T2's stored values: every build of its report throws.
    const table = TableClient.fromConnectionString(stack.connectionString, SUBMISSIONS_TABLE, {
      allowInsecureConnection: true,
    });
    for await (const e of table.listEntities({ queryOptions: { filter: "PartitionKey eq 'umearegionen_2024T2'" } }))
      if (typeof e['values0'] === 'string')
        await table.updateEntity({ partitionKey: e.partitionKey!, rowKey: e.rowKey!, values0: '{"trasig' }, 'Merge');

    const res = await api('POST', `${base}/consolidate`, {
      token: kansli,
      json: { period: '2024T2', variant: 'internal', basis: 'latest' },
    });
    expect(res.status).toBe(202);
    const jobId: string = res.json.jobId;
    const statuses = new Set<string>();
    const job = await pollUntil(
      async () => {
        const poll = await api('GET', `${base}/consolidate/jobs/${jobId}`, { token: kansli });
        statuses.add(poll.json.status);
        return poll.json.status === 'failed' ? poll.json : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 50, what: 'the job to fail' },
    );
    expect(job.message).toBe(
      `Sammanställningen misslyckades efter 3 försök (felkod ${jobId}). Försök igen om en stund; ` +
        'kvarstår felet, kontakta den som förvaltar Samlad och uppge felkoden.',
    );
    expect(job.report).toBeUndefined();
    expect([...statuses].every((s) => ['queued', 'running', 'failed'].includes(s))).toBe(true);
    // The poison queue's handler took the message; nothing was stored for the period.
    const poison = new QueueClient(stack.connectionString, JOBS_POISON_QUEUE);
    await pollUntil(async () => ((await poison.getProperties()).approximateMessagesCount ?? 0) === 0, {
      what: 'the poison queue to be handled',
    });
    const blobs = BlobServiceClient.fromConnectionString(stack.connectionString).getContainerClient(REPORTS_CONTAINER);
    const stored: string[] = [];
    for await (const b of blobs.listBlobsFlat({ prefix: 'umearegionen/2024T2/' })) stored.push(b.name);
    expect(stored).toEqual([]);
  }, 60_000);
});
