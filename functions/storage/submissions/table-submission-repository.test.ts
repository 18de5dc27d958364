import { createStorageClients } from '../clients';
import { startAzurite, type RunningAzurite } from '../../../scripts/local-stack/azurite';
import { contentHash } from '../../submissions/content-hash';
import type { NewSubmission } from '../../submissions/model';
import { NotCurrentError } from '../../submissions/repository';
import { TableSubmissionRepository } from './table-submission-repository';

let azurite: RunningAzurite;
let repo: TableSubmissionRepository;
const actor = { subject: 'u1', role: 'reporter:umea' };

beforeAll(async () => {
  azurite = await startAzurite({ blobPort: 0, queuePort: 0, tablePort: 0 });
  const clients = createStorageClients(azurite.connectionString);
  repo = new TableSubmissionRepository(
    clients.tableClient('testsubmissions'),
    clients.blobService.getContainerClient('test-values'),
  );
});
afterAll(() => azurite.stop());

function draft(values: Record<string, number | string | null>, over: Partial<NewSubmission> = {}): NewSubmission {
  const base = {
    forbund: 'umearegionen',
    period: '2023T1',
    templateId: 'deltagare-avslut',
    templateVersion: 1,
    scope: 'ungdomstorget',
    party: 'umea',
    values,
    source: 'json' as const,
    actor,
    late: false,
    ...over,
  };
  return { ...base, sha256: contentHash(base) };
}

it('stores immutable versions, returns the same receipt for identical content, and keeps values', async () => {
  const first = await repo.submit(draft({ 'deltagare.antal.k': 1 }, { period: '2022T1' }));
  const again = await repo.submit(draft({ 'deltagare.antal.k': 1 }, { period: '2022T1' }));
  const second = await repo.submit(draft({ 'deltagare.antal.k': 2, 'deltagare.antal.m': null }, { period: '2022T1' }));
  expect(first).toMatchObject({ created: true, receipt: { version: 1 } });
  expect(again).toEqual({ created: false, receipt: first.receipt });
  expect(second).toMatchObject({ created: true, receipt: { version: 2 } });
  const key = { templateId: 'deltagare-avslut', scope: 'ungdomstorget', party: 'umea' };
  expect((await repo.getVersion('umearegionen', '2022T1', key, 1))?.values).toEqual({ 'deltagare.antal.k': 1 });
  expect((await repo.getVersion('umearegionen', '2022T1', key, 2))?.values).toEqual({
    'deltagare.antal.k': 2,
    'deltagare.antal.m': null,
  });
  const audit = await repo.listAudit('umearegionen', '2022T1');
  expect(audit.map((a) => a.event)).toEqual(['submitted', 'submitted']);
});

it('20 parallel resubmissions of one scope become versions 1–20, the pointer at the last, none lost', async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => repo.submit(draft({ 'deltagare.antal.k': 100 + i }, { period: '2023T2' }))),
  );
  const versions = results.map((r) => r.receipt.version).sort((a, b) => a - b);
  expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  const stored = await repo.listVersions('umearegionen', '2023T2');
  expect(stored.map((v) => v.version).sort((a, b) => a - b)).toEqual(versions);
  expect(new Set(stored.map((v) => v.sha256)).size).toBe(20);
  const [current] = await repo.listCurrent('umearegionen', '2023T2');
  expect(current?.version).toBe(20);
  const latest = results.find((r) => r.receipt.version === 20)!;
  expect(current?.sha256).toBe(latest.receipt.sha256);
});

it('two instances racing for one report still end with contiguous versions, through the pointer ETag', async () => {
  const clients = createStorageClients(azurite.connectionString);
  const other = new TableSubmissionRepository(
    clients.tableClient('testsubmissions'),
    clients.blobService.getContainerClient('test-values'),
  );
  const results = await Promise.all(
    Array.from({ length: 16 }, (_, i) =>
      (i % 2 === 0 ? repo : other).submit(draft({ 'deltagare.antal.k': 300 + i }, { period: '2026T2' })),
    ),
  );
  expect(results.map((r) => r.receipt.version).sort((a, b) => a - b)).toEqual(
    Array.from({ length: 16 }, (_, i) => i + 1),
  );
  const [current] = await repo.listCurrent('umearegionen', '2026T2');
  expect(current?.version).toBe(16);
});

it('moves state only on the current version, and keeps tenants apart', async () => {
  const key = { templateId: 'deltagare-avslut', scope: 'vuxentorget', party: 'umea' };
  await repo.submit(draft({ 'deltagare.antal.k': 5 }, { period: '2023T3', scope: 'vuxentorget' }));
  await repo.submit(draft({ 'deltagare.antal.k': 6 }, { period: '2023T3', scope: 'vuxentorget' }));
  await expect(repo.transition('umearegionen', '2023T3', key, 1, 'godkand', actor)).rejects.toBeInstanceOf(
    NotCurrentError,
  );
  const returned = await repo.transition('umearegionen', '2023T3', key, 2, 'returnerad', actor, 'Kontrollera männen');
  expect(returned).toMatchObject({ state: 'returnerad', stateComment: 'Kontrollera männen', version: 2 });
  expect(await repo.listCurrent('skelleftea-norsjo', '2023T3')).toEqual([]);
});

it('keeps a value set too large for one entity in Blob storage and reads it back', async () => {
  const values: Record<string, string> = {};
  for (let i = 0; i < 400; i++) values[`s.r${i}.text`] = 'x'.repeat(1000);
  const { receipt } = await repo.submit(
    draft(values, { period: '2024', templateId: 'samverkansinitiativ', scope: 'umearegionen', party: 'kansli' }),
  );
  const stored = await repo.getVersion(
    'umearegionen',
    '2024',
    { templateId: 'samverkansinitiativ', scope: 'umearegionen', party: 'kansli' },
    receipt.version,
  );
  expect(stored?.values).toEqual(values);
});

it('stores period settings with an audit event', async () => {
  expect(await repo.getPeriod('umearegionen', '2025T1')).toEqual({ locked: false });
  await repo.putPeriod('umearegionen', '2025T1', { deadline: '2025-05-15T23:59:59+02:00', locked: true }, actor);
  expect(await repo.getPeriod('umearegionen', '2025T1')).toMatchObject({
    deadline: '2025-05-15T23:59:59+02:00',
    locked: true,
  });
  expect((await repo.listAudit('umearegionen', '2025T1')).map((a) => a.event)).toEqual(['period-updated']);
});

it('lets the caller admit or refuse on the period read with the pointer; refused stores nothing', async () => {
  const seen: unknown[] = [];
  const admitAll = (settings: unknown) => {
    seen.push(settings);
    return { late: false };
  };
  await repo.submit(draft({ 'deltagare.antal.k': 1 }, { period: '2024T1' }), admitAll);
  expect(seen).toEqual([{ locked: false }]);

  await repo.putPeriod('umearegionen', '2024T1', { locked: true, deadline: '2024-05-15T23:59:59Z' }, actor);
  const refuse = (settings: { locked: boolean }) => {
    if (settings.locked) throw new Error('låst');
    return { late: false };
  };
  await expect(repo.submit(draft({ 'deltagare.antal.k': 2 }, { period: '2024T1' }), refuse)).rejects.toThrow('låst');
  expect((await repo.listVersions('umearegionen', '2024T1')).map((v) => v.version)).toEqual([1]);

  seen.length = 0;
  await repo.submit(draft({ 'deltagare.antal.k': 3 }, { period: '2024T1' }), admitAll);
  // The lock's fence changed the pointer this instance remembered, so the first attempt may be refused and read again.
  expect(new Set(seen.map((s) => JSON.stringify(s))).size).toBe(1);
  expect(seen[0]).toEqual({ locked: true, deadline: '2024-05-15T23:59:59Z', updatedAt: expect.any(String) });
});

it('takes the same figures again as a new version once kansliet returned them, with the new comment', async () => {
  const key = { templateId: 'deltagare-avslut', scope: 'ungdomstorget', party: 'umea' };
  const first = await repo.submit(draft({ 'deltagare.antal.k': 7 }, { period: '2024T2' }));
  await repo.transition('umearegionen', '2024T2', key, 1, 'returnerad', actor, 'Förklara varför nya minskade.');
  // The content hash is the figures' (submit.ts), so the comment does not change it.
  const again = await repo.submit({
    ...draft({ 'deltagare.antal.k': 7 }, { period: '2024T2' }),
    comment: 'Två deltagare flyttade till Vännäs.',
  });
  expect(again).toMatchObject({ created: true, receipt: { version: 2, replaces: 1, sha256: first.receipt.sha256 } });
  const current = await repo.getCurrent('umearegionen', '2024T2', key);
  expect(current).toMatchObject({ version: 2, state: 'inskickad' });
  const v2 = await repo.getVersion('umearegionen', '2024T2', key, 2);
  expect(v2?.comment).toBe('Två deltagare flyttade till Vännäs.');
  // The same again (a retry after a lost answer) is the same receipt.
  const retry = await repo.submit(draft({ 'deltagare.antal.k': 7 }, { period: '2024T2' }));
  expect(retry).toMatchObject({ created: false, receipt: { version: 2 } });
});

it('stores whether a submission was late, as the caller judged it on the period it read', async () => {
  const late = await repo.submit(draft({ 'deltagare.antal.k': 4 }, { period: '2024T3' }), () => ({ late: true }));
  expect(late.receipt.late).toBe(true);
  const again = await repo.submit(draft({ 'deltagare.antal.k': 4 }, { period: '2024T3' }), () => ({ late: false }));
  // "Already stored" answers with what was stored.
  expect(again).toMatchObject({ created: false, receipt: { late: true } });
  expect((await repo.listCurrent('umearegionen', '2024T3'))[0]?.late).toBe(true);
});

describe('the pointer this instance remembers', () => {
  const key = { templateId: 'deltagare-avslut', scope: 'ungdomstorget', party: 'umea' };
  const period = '2026T3';

  /** A repository on its own client, counting the point reads of pointer rows it makes. */
  function instance() {
    const table = createStorageClients(azurite.connectionString).tableClient('testsubmissions');
    const getEntity = jest.spyOn(table, 'getEntity');
    const pointerReads = () => getEntity.mock.calls.filter(([, rowKey]) => rowKey.startsWith('c_')).length;
    return {
      repo: new TableSubmissionRepository(
        table,
        createStorageClients(azurite.connectionString).blobService.getContainerClient('test-values'),
      ),
      pointerReads,
    };
  }
  const submitted = async (r: TableSubmissionRepository, k: number) =>
    (await r.submit(draft({ 'deltagare.antal.k': k }, { period }))).receipt.version;

  it('spares the pointer read of a new series and a resubmission; the ETag catches a stale guess', async () => {
    const a = instance();
    const b = instance();
    expect(await submitted(a.repo, 1)).toBe(1);
    expect(await submitted(a.repo, 2)).toBe(2);
    expect(a.pointerReads()).toBe(0);

    // b knows nothing: it expects a new report, storage refuses the create, b reads and goes on.
    expect(await submitted(b.repo, 3)).toBe(3);
    expect(b.pointerReads()).toBe(1);
    // a still remembers version 2: its transaction is refused on the ETag and it reads.
    expect(await submitted(a.repo, 4)).toBe(4);
    expect(a.pointerReads()).toBe(1);

    const audit = (await a.repo.listAudit('umearegionen', period)).map((e) => `${e.before} → ${e.after}`);
    expect(audit.sort()).toEqual([
      'inskickad v1 → inskickad v2',
      'inskickad v2 → inskickad v3',
      'inskickad v3 → inskickad v4',
      'saknas → inskickad v1',
    ]);
  });

  it('answers "already stored" only from what storage holds, never from memory', async () => {
    const a = instance();
    const b = instance();
    const [current] = await a.repo.listCurrent('umearegionen', period);
    // a's content is now current; b moves the pointer on; a sends its content again.
    expect(await submitted(a.repo, 10)).toBe(current!.version + 1);
    expect(await submitted(b.repo, 11)).toBe(current!.version + 2);
    const again = await a.repo.submit(draft({ 'deltagare.antal.k': 10 }, { period }));
    expect(again).toMatchObject({ created: true, receipt: { version: current!.version + 3 } });
    // Sent once more, it is what storage holds, so the answer is the same receipt.
    expect(await b.repo.submit(draft({ 'deltagare.antal.k': 10 }, { period }))).toEqual({
      created: false,
      receipt: again.receipt,
    });
  });

  it("keeps every version's large values when a wrong guess is refused, and leaves no stray blob", async () => {
    const large = (c: string) =>
      Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`s.r${i}.text`, c.repeat(1000)]));
    const big = { period: '2026', templateId: 'samverkansinitiativ', scope: 'umearegionen', party: 'kansli' } as const;
    const bigKey = { templateId: big.templateId, scope: big.scope, party: big.party };
    const a = instance();
    const b = instance(); // knows nothing: its first attempt expects a new report and writes "version 1"
    const first = await a.repo.submit(draft(large('x'), big));
    const second = await b.repo.submit(draft(large('y'), big));
    const third = await a.repo.submit(draft(large('z'), big)); // a's memory (version 1) is stale
    expect([first, second, third].map((r) => r.receipt.version)).toEqual([1, 2, 3]);
    for (const [version, c] of [
      [1, 'x'],
      [2, 'y'],
      [3, 'z'],
    ] as const) {
      expect((await a.repo.getVersion('umearegionen', big.period, bigKey, version))?.values['s.r0.text']).toBe(
        c.repeat(1000),
      );
    }
    const container = createStorageClients(azurite.connectionString).blobService.getContainerClient('test-values');
    const blobs: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: `umearegionen_${big.period}/` })) blobs.push(blob.name);
    expect(blobs).toHaveLength(3);
  });

  it('takes a remembered pointer storage no longer has (a new table) as a wrong guess, not a failure', async () => {
    const clients = createStorageClients(azurite.connectionString);
    const table = clients.tableClient('testrecreated');
    const repo = new TableSubmissionRepository(table, clients.blobService.getContainerClient('test-values'));
    expect((await repo.submit(draft({ 'deltagare.antal.k': 1 }, { period }))).receipt.version).toBe(1);
    await table.deleteTable();
    await table.createTable();
    expect(await repo.submit(draft({ 'deltagare.antal.k': 2 }, { period }))).toMatchObject({
      created: true,
      receipt: { version: 1 },
    });
  });

  it('remembers a state change: a fix after "returnerad" needs no read; the audit names the old state', async () => {
    const a = instance();
    const b = instance();
    const version = await submitted(a.repo, 20);
    await a.repo.transition('umearegionen', period, key, version, 'returnerad', actor, 'Kontrollera');
    const readsBefore = a.pointerReads();
    expect(await submitted(a.repo, 21)).toBe(version + 1);
    expect(a.pointerReads()).toBe(readsBefore);
    // Approved by another instance: a's memory is stale and the ETag sends it to read.
    await b.repo.transition('umearegionen', period, key, version + 1, 'godkand', actor);
    expect(await submitted(a.repo, 22)).toBe(version + 2);
    expect(a.pointerReads()).toBe(readsBefore + 1);
    const audit = await a.repo.listAudit('umearegionen', period);
    const replaced = (v: number) => audit.filter((e) => e.after === `inskickad v${v}`).map((e) => e.before);
    expect(replaced(version + 1)).toEqual([`returnerad v${version}`]);
    expect(replaced(version + 2)).toEqual([`godkand v${version + 1}`]);
  });
});

describe('locking a period while submissions arrive (issue 15: a 201 could follow the lock)', () => {
  const refuseLocked = (settings: { locked: boolean }) => {
    if (settings.locked) throw new Error('låst');
    return { late: false };
  };

  /** Storage's own commit times (the entity Timestamp) of the period row and of every version in a period. */
  async function commitTimes(period: string): Promise<{ lock: string; versions: string[] }> {
    const table = createStorageClients(azurite.connectionString).tableClient('testsubmissions');
    let lock = '';
    const versions: string[] = [];
    for await (const e of table.listEntities({
      queryOptions: { filter: `PartitionKey eq 'umearegionen_${period}'` },
    })) {
      if (e.rowKey === 'p') lock = e.timestamp ?? '';
      if (e.rowKey?.startsWith('v_')) versions.push(e.timestamp ?? '');
    }
    return { lock, versions };
  }

  it('stores nothing after the lock: every submission is either committed before it completes or refused', async () => {
    const clients = createStorageClients(azurite.connectionString);
    const other = new TableSubmissionRepository(
      clients.tableClient('testsubmissions'),
      clients.blobService.getContainerClient('test-values'),
    );
    const parties = Array.from({ length: 30 }, (_, i) => `part${i}`);
    const fence = parties.map((party) => ({ templateId: 'deltagare-avslut', scope: 'ungdomstorget', party }));
    let raced = 0;
    for (let round = 0; round < 6; round++) {
      const period = `${2040 + round}T1`;
      // A resubmission too, so some submissions update a pointer rather than create one.
      await repo.submit(draft({ 'deltagare.antal.k': 1 }, { period, party: parties[0]! }));
      const submissions = parties.map((party, i) =>
        new Promise((resolve) => setTimeout(resolve, i % 7)).then(() =>
          (i % 2 ? other : repo).submit(draft({ 'deltagare.antal.k': 10 + i }, { period, party }), refuseLocked).then(
            () => 'stored',
            () => 'refused',
          ),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 2 + round));
      await repo.putPeriod('umearegionen', period, { locked: true }, actor, fence);
      const outcomes = await Promise.all(submissions);
      if (outcomes.includes('stored') && outcomes.includes('refused')) raced += 1;
      const { lock, versions } = await commitTimes(period);
      expect(versions.filter((at) => at > lock)).toEqual([]);
      // And once the lock has answered, nothing more gets in.
      await expect(
        other.submit(draft({ 'deltagare.antal.k': 99 }, { period, party: 'part29' }), refuseLocked),
      ).rejects.toThrow('låst');
    }
    // The rounds did interleave: some submissions came in before the lock and some after.
    expect(raced).toBeGreaterThan(0);
  });
});
