/**
 * The tertialSummary timer killed half-way through a run, then run again, leaves exactly the
 * reports one uninterrupted run leaves: the same blobs, byte for byte, and nothing else.
 *
 * tests/api/consolidate.test.ts covers the timer fired twice in a row; this covers the crash.
 * A clean run's reports are recorded and removed; the timer is fired again and its host is
 * SIGKILLed as soon as the first report blob appears in storage; the newest workbook is then
 * removed, as if the crash had come between a report's manifest and its workbook (the two
 * writes of one report). A new host then runs the timer to completion.
 */
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { REPORTS_CONTAINER, SUBMISSIONS_TABLE } from '../../functions/services';
import { loadSeeds } from '../../scripts/demo/load-seeds';
import type { RunningAzurite } from '../../scripts/local-stack/azurite';
import { findForbund, registry } from '../../shared';
import { call, devAuth } from '../api/api-client';
import { pollUntil } from '../support/poll';
import { startTestAzurite, startTestHost, type TestHost } from '../support/test-stack';

const auth = devAuth();
const forbund = findForbund(registry, 'umearegionen')!;
// Far enough back from today for the timer to reach the seeds' 2022 and 2023 tertials.
const env = { ...auth.env, TERTIAL_SUMMARY_LOOKBACK_YEARS: String(Math.max(1, new Date().getUTCFullYear() - 2022)) };

let azurite: RunningAzurite;
let host: TestHost | undefined;
let container: ContainerClient;

/** Every blob in the reports container: name → sha256 of its bytes and its metadata. */
async function reportBlobs(): Promise<Map<string, { sha256: string; metadata: Record<string, string> }>> {
  const out = new Map<string, { sha256: string; metadata: Record<string, string> }>();
  for await (const b of container.listBlobsFlat({ includeMetadata: true })) {
    const bytes = await container.getBlockBlobClient(b.name).downloadToBuffer();
    out.set(b.name, { sha256: createHash('sha256').update(bytes).digest('hex'), metadata: b.metadata ?? {} });
  }
  return out;
}

async function blobNames(): Promise<string[]> {
  const names: string[] = [];
  for await (const b of container.listBlobsFlat()) names.push(b.name);
  return names;
}

/** Completed runs: each leaves one audit event per förbund with subject "tertialSummary". */
async function completedRuns(): Promise<number> {
  const table = TableClient.fromConnectionString(azurite.connectionString, SUBMISSIONS_TABLE, {
    allowInsecureConnection: true,
  });
  let count = 0;
  for await (const e of table.listEntities({ queryOptions: { filter: "subject eq 'tertialSummary'" } }))
    if (String(e.partitionKey).startsWith(`${forbund.id}_`)) count += 1;
  return count;
}

async function fire(h: TestHost): Promise<void> {
  const res = await fetch(`${h.baseUrl}/admin/functions/tertialSummary`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: '' }),
  });
  expect(res.status).toBe(202);
}

async function runToCompletion(h: TestHost): Promise<void> {
  const before = await completedRuns();
  await fire(h);
  await pollUntil(async () => (await completedRuns()) > before, {
    timeoutMs: 40_000,
    intervalMs: 100,
    what: 'a completed tertialSummary run',
  });
}

beforeAll(async () => {
  azurite = await startTestAzurite();
  container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(REPORTS_CONTAINER);
  host = await startTestHost({ connectionString: azurite.connectionString, env });
  const tokenFor = (party: string) =>
    party === 'kansli'
      ? auth.token({ forbund: forbund.id, role: 'kansli' })
      : auth.token({ forbund: forbund.id, party, role: 'reporter' });
  await loadSeeds(registry, forbund, { apiUrl: host.apiUrl, token: tokenFor, root: path.join(__dirname, '../..') });
}, 90_000);

afterAll(async () => {
  await host?.stop();
  await azurite?.stop();
});

it('a run killed half-way and run again leaves the same reports as one clean run, byte for byte', async () => {
  await runToCompletion(host!);
  const clean = await reportBlobs();
  const reports = [...clean.keys()].filter((n) => n.endsWith('.xlsx'));
  expect(reports.length).toBeGreaterThanOrEqual(1);
  for (const name of reports) expect(clean.has(name.replace(/\.xlsx$/, '.json'))).toBe(true);

  // Back to "never summarised"; the submissions and their approvals stay as they are.
  for (const name of clean.keys()) await container.deleteBlob(name);

  await fire(host!);
  const seen = await pollUntil(
    async () => {
      const names = await blobNames();
      return names.length > 0 ? names : undefined;
    },
    { timeoutMs: 40_000, intervalMs: 5, what: 'the first report blob of the crashing run' },
  );
  host!.process.child.kill('SIGKILL');
  await host!.process.exited;
  host = undefined;
  // The kill tends to land between two reports. A crash can as well land between a report's
  // manifest and its workbook: make that state too, by removing the newest workbook.
  const written = (await blobNames()).filter((n) => n.endsWith('.xlsx'));
  if (written.length > 0) await container.deleteBlob(written[written.length - 1]!);
  const afterCrash = await blobNames();
  expect(seen.length).toBeGreaterThan(0);
  // It really stopped half-way: fewer blobs than a whole run leaves, and a manifest without its workbook.
  expect(afterCrash.length).toBeLessThan(clean.size);
  expect(afterCrash.some((n) => n.endsWith('.json') && !afterCrash.includes(n.replace(/\.json$/, '.xlsx')))).toBe(true);

  host = await startTestHost({ connectionString: azurite.connectionString, env });
  await runToCompletion(host);
  expect(await reportBlobs()).toEqual(clean);

  // And the reports still download through the API as before.
  const kansli = await auth.token({ forbund: forbund.id, role: 'kansli' });
  const list = await call(host.apiUrl, 'GET', `/forbund/${forbund.id}/reports`, { token: kansli });
  expect(list.status).toBe(200);
}, 60_000);
