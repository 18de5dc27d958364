/**
 * Storage stops in the middle of a burst of submissions, then comes back.
 *
 * Azurite persists to a temporary folder on fixed loopback ports; the local host runs the
 * built app against it. A bounded burst of valid submissions is fired, and Azurite is stopped
 * once a dozen have been acknowledged. What must hold:
 * - every answer is a 201 (stored), a 200 (identical content) or a 503 with Retry-After and
 *   the "unavailable" code — never a 500, never a hang: the 503 comes within a few seconds;
 * - after Azurite restarts on the same ports and folder, every acknowledged submission is
 *   there and GET submissions/{id} returns exactly the values that were sent;
 * - storage is whole: versions 1..n per report, the pointer at n, one audit event per version,
 *   nothing else in the table (no half-written submission);
 * - clients that retry their 503s after the restart all succeed, and storage is still whole.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite, type RunningAzurite } from '../../scripts/local-stack/azurite';
import { runPool } from '../../scripts/bench/pool';
import { postSubmission, tokenCache, type SubmissionOutcome } from '../../scripts/bench/post-submission';
import { checkStoredSubmissions } from '../../scripts/bench/storage-check';
import { planSubmissions, slotKey, type PlannedSubmission } from '../../scripts/bench/submission-plan';
import { call, devAuth } from '../api/api-client';
import { closedPort } from '../support/ports';
import { startTestHost, type TestHost } from '../support/test-stack';

const auth = devAuth();
const tokenFor = tokenCache(auth.token);
const kansliToken = auth.token({ forbund: 'umearegionen', role: 'kansli' });
const kansliSkelleftea = auth.token({ forbund: 'skelleftea-norsjo', role: 'kansli' });

/** Submissions in the burst, in flight at once, and acknowledged before storage stops. */
const BURST = 48;
const CONCURRENCY = 6;
const STOP_AFTER_ACKNOWLEDGED = 12;
/**
 * The API must give up on unreachable storage within this (bounded SDK retries, then 503). The
 * bounded retries take a few seconds; the rest is room for a loaded 2-core machine: "no hang".
 */
const MAX_503_MS = 10_000;

let location: string;
let ports: { blobPort: number; queuePort: number; tablePort: number };
let azurite: RunningAzurite | undefined;
let host: TestHost | undefined;

beforeAll(async () => {
  location = mkdtempSync(path.join(tmpdir(), 'samlad-fault-'));
  ports = { blobPort: await closedPort(), queuePort: await closedPort(), tablePort: await closedPort() };
  azurite = await startAzurite({ ...ports, location });
  host = await startTestHost({ connectionString: azurite.connectionString, env: auth.env });
}, 60_000);

afterAll(async () => {
  await host?.stop();
  await azurite?.stop();
  rmSync(location, { recursive: true, force: true });
});

const partitionsOf = (plan: readonly PlannedSubmission[]) =>
  plan.map((p) => ({ forbund: p.slot.forbund, period: p.slot.period }));

async function readBack(id: string, planned: PlannedSubmission) {
  const token = await (planned.slot.forbund === 'umearegionen' ? kansliToken : kansliSkelleftea);
  return call(host!.apiUrl, 'GET', `/forbund/${planned.slot.forbund}/submissions/${encodeURIComponent(id)}`, { token });
}

it('answers 503 with Retry-After while storage is down; loses no acknowledged submission, none halfway', async () => {
  const plan = planSubmissions({ count: BURST, resubmissions: 8, seed: 11 });
  let acknowledged = 0;
  let stopping: Promise<void> | undefined;
  const outcomes = await runPool(plan, CONCURRENCY, async (planned): Promise<SubmissionOutcome> => {
    const outcome = await postSubmission(host!.apiUrl, await tokenFor(planned), planned);
    if (outcome.status === 201 && ++acknowledged === STOP_AFTER_ACKNOWLEDGED) stopping = azurite!.stop();
    return outcome;
  });
  await stopping;

  const byStatus = (status: number) => outcomes.filter((o) => o.status === status);
  const unexpected = outcomes.filter((o) => ![200, 201, 503].includes(o.status));
  expect(unexpected.map((o) => `${o.status} ${o.code ?? o.networkError ?? ''}`)).toEqual([]);
  expect(byStatus(201).length).toBeGreaterThanOrEqual(STOP_AFTER_ACKNOWLEDGED);
  const unavailable = byStatus(503);
  expect(unavailable.length).toBeGreaterThan(0);
  for (const o of unavailable) {
    expect(o.code).toBe('unavailable');
    expect(Number(o.retryAfter)).toBeGreaterThan(0);
    expect(o.ms).toBeLessThan(MAX_503_MS);
  }

  // Storage comes back on the same ports and folder.
  azurite = await startAzurite({ ...ports, location });

  const acknowledgedOutcomes = byStatus(201);
  for (const o of acknowledgedOutcomes) {
    const res = await readBack(o.receipt!.id, o.planned);
    expect(res.status).toBe(200);
    expect(res.json.values).toEqual(o.planned.body.values);
    expect(res.json.sha256).toBe(o.receipt!.sha256);
  }
  const afterRestart = await checkStoredSubmissions(azurite.connectionString, partitionsOf(plan));
  expect(afterRestart.problems).toEqual([]);
  for (const o of acknowledgedOutcomes) {
    const stored = afterRestart.versions.get(slotKey(o.planned.slot)) ?? [];
    expect(stored.filter((v) => v.id === o.receipt!.id && v.sha256 === o.receipt!.sha256)).toHaveLength(1);
  }

  // The clients that were told to come back do so; each is stored (201), or had in fact been
  // stored before the answer was lost (200 with the same content).
  const retried = await runPool(unavailable, CONCURRENCY, async (o) =>
    postSubmission(host!.apiUrl, await tokenFor(o.planned), o.planned),
  );
  expect(retried.map((o) => o.status).filter((s) => s !== 201 && s !== 200)).toEqual([]);
  const final = await checkStoredSubmissions(azurite.connectionString, partitionsOf(plan));
  expect(final.problems).toEqual([]);
  for (const o of [...acknowledgedOutcomes, ...retried]) {
    expect((final.versions.get(slotKey(o.planned.slot)) ?? []).some((v) => v.id === o.receipt!.id)).toBe(true);
  }
}, 60_000);
