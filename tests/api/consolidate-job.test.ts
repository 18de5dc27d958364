/**
 * The job path of POST consolidate: with a budget of 0 ms every consolidation answers 202 with a
 * job, which a poll follows to done and whose report downloads like any other.
 */
import { pollUntil } from '../support/poll';
import { startTestStack, type TestStack } from '../support/test-stack';
import { call, devAuth } from './api-client';

const auth = devAuth();
let stack: TestStack;
let kansli: string;
const base = '/forbund/umearegionen';
const api = (method: string, path: string, options?: Parameters<typeof call>[3]) =>
  call(stack.apiUrl, method, path, options);

beforeAll(async () => {
  stack = await startTestStack({ env: { ...auth.env, CONSOLIDATE_SYNC_MS: '0' } });
  kansli = await auth.token({ forbund: 'umearegionen', role: 'kansli' });
  const reporter = await auth.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
  // One submission is enough: the job runs the same code as a quick consolidation.
  const values: Record<string, number> = {};
  for (const row of [
    'antal',
    'nya',
    'avslutade',
    'positiv',
    'arbete',
    'studier',
    'vidare_af',
    'saknar_arbetsformaga',
    'halsoskal',
    'avbrott',
    'kvar',
  ])
    for (const c of ['k', 'm', 'tot']) values[`deltagare.${row}.${c}`] = 0;
  for (const row of ['aktualiserade', 'ja', 'nej']) {
    for (const c of ['af', 'fk', 'soc', 'ovr_kommun', 'region', 'kriminalvarden', 'tot'])
      values[`aktualiserade.${row}.${c}`] = 0;
    for (const c of ['k', 'm', 'tot']) values[`aktualiserade_kon.${row}.${c}`] = 0;
  }
  const res = await api('POST', `${base}/submissions`, {
    token: reporter,
    json: { templateId: 'deltagare-avslut', period: '2024T1', scope: 'ungdomstorget', values },
  });
  expect(res.status).toBe(201);
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
});
