/**
 * Consolidation through the local host and Azurite: the seed figures sent by their parties and
 * approved (the demo's own loading code), then POST consolidate, download, list, the published
 * variant, LibreOffice reading the file, and the tertialSummary timer fired twice (its jobs built
 * by the queue's worker).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { loadSeeds } from '../../scripts/demo/load-seeds';
import { bilaga3Utfall2023 } from '../fixtures/seeds/seed-004-bilaga-3';
import { registry } from '../../shared/config/registry';
import { findForbund } from '../../shared/model/selectors';
import { convertSheetsToCsv, findSoffice, parseCsv } from '../support/libreoffice';
import { pollUntil } from '../support/poll';
import { readXlsxParts } from '../support/xlsx-parts';
import { startTestStack, type TestStack } from '../support/test-stack';
import { call, devAuth } from './api-client';
import { openWorkbook, rowOf } from '../support/workbook-rows';
import { editSettings, summaryTarget } from '../support/settings-workbook';

const auth = devAuth();
const forbund = findForbund(registry, 'umearegionen')!;
const base = '/forbund/umearegionen';
let stack: TestStack;
let kansli: string;
const api = (method: string, path: string, options?: Parameters<typeof call>[3]) =>
  call(stack.apiUrl, method, path, options);
const tokenFor = (party: string) =>
  party === 'kansli'
    ? auth.token({ forbund: 'umearegionen', role: 'kansli' })
    : auth.token({ forbund: 'umearegionen', party, role: 'reporter' });

let loadMs = 0;
beforeAll(async () => {
  // Look back far enough from today for the timer to reach 2022 and 2023.
  const lookback = String(Math.max(1, new Date().getUTCFullYear() - 2022));
  stack = await startTestStack({
    env: { ...auth.env, TERTIAL_SUMMARY_LOOKBACK_YEARS: lookback, CONSOLIDATE_SYNC_MS: '60000' },
  });
  kansli = await tokenFor('kansli');
  const started = Date.now();
  await loadSeeds(registry, forbund, { apiUrl: stack.apiUrl, token: tokenFor, root: join(__dirname, '../..') });
  loadMs = Date.now() - started;
}, 120_000);
afterAll(() => stack?.stop());

describe('POST consolidate, then download', () => {
  let report: {
    id: string;
    fileName: string;
    period: string;
    variant: string;
    createdAt: string;
    sha256: string;
    size: number;
  };
  let xlsx: Buffer;

  it('loaded the seeds through the API as their parties, all approved', async () => {
    const list = await api('GET', `${base}/submissions?period=2023T3`, { token: kansli });
    expect(
      list.json.current
        .map((c: { scope: string; party: string; state: string }) => `${c.scope}/${c.party}/${c.state}`)
        .sort(),
    ).toEqual([
      'samordningsteamen/vannas/godkand',
      'umearegionen/kansli/godkand',
      'ungdomstorget/umea/godkand',
      'vuxentorget/umea/godkand',
    ]);
    expect(loadMs).toBeLessThan(60_000);
  });

  it('answers 201 with the stored report', async () => {
    const res = await api('POST', `${base}/consolidate`, {
      token: kansli,
      json: { period: '2023T3', variant: 'internal' },
    });
    expect(res.status).toBe(201);
    report = res.json.report;
    expect(Object.keys(report).sort()).toEqual(['createdAt', 'fileName', 'id', 'period', 'sha256', 'size', 'variant']);
    expect(report).toMatchObject({ period: '2023T3', variant: 'internal' });
    expect(report.id).toBe(`2023T3-internal-${report.sha256.slice(0, 16)}`);
    expect(report.fileName).toMatch(/^Samlad_umearegionen_2023T3_intern_[0-9a-f]{8}\.xlsx$/);
  });

  it('downloads the very file (sha256 and size), as xlsx and as base64', async () => {
    const res = await api('GET', `${base}/reports/${report.id}`, { token: kansli });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    xlsx = res.bytes;
    expect(createHash('sha256').update(xlsx).digest('hex')).toBe(report.sha256);
    expect(xlsx.length).toBe(report.size);
    const b64 = await api('GET', `${base}/reports/${report.id}?format=base64`, { token: kansli });
    expect(b64.json.fileName).toBe(report.fileName);
    expect(Buffer.from(b64.json.base64, 'base64').equals(xlsx)).toBe(true);
  });

  it('holds the seed figures: Tabell 1 for Arbetsmarknadstorgen, 62 % positiv lösning', async () => {
    const workbook = await openWorkbook(xlsx);
    const torgen = workbook.getWorksheet('Arbetsmarknadstorgen')!;
    const positive = rowOf(torgen, 'Avslutade till en för individen positiv lösning');
    expect(positive.slice(1, 4)).toEqual([71, 73, 144]);
    expect(Math.round(positive[4] as number)).toBe(62);
    expect(rowOf(torgen, 'Antal deltagare').slice(1, 4)).toEqual([398, 374, 772]);
    expect(rowOf(torgen, 'Antal deltagare')[5]).toBe(705);
    const economy = workbook.getWorksheet('Ekonomi')!;
    expect(rowOf(economy, 'Kanslipersonal').slice(1, 5)).toEqual([-1977, -2010, -2010, 33]);
    const about = workbook.getWorksheet('Om rapporten')!;
    const hashes: string[] = [];
    about.eachRow((row) => {
      const v = String(row.getCell(2).value ?? '');
      if (/^[0-9a-f]{64}$/.test(v)) hashes.push(v);
    });
    const stored = await api('GET', `${base}/submissions?period=2023T3`, { token: kansli });
    for (const c of stored.json.current as { sha256: string }[]) expect(hashes).toContain(c.sha256);
  });

  it('lists it, and records an audit event', async () => {
    const list = await api('GET', `${base}/reports?period=2023T3`, { token: kansli });
    expect(list.status).toBe(200);
    expect(list.json.reports.map((r: { id: string }) => r.id)).toContain(report.id);
    const table = TableClient.fromConnectionString(stack.connectionString, 'samladsubmissions', {
      allowInsecureConnection: true,
    });
    const events: Record<string, unknown>[] = [];
    for await (const e of table.listEntities({
      queryOptions: { filter: "PartitionKey eq 'umearegionen_2023T3' and event eq 'report-written'" },
    }))
      events.push(e);
    expect(events.map((e) => e.subject)).toContain(report.id);
  });

  it('opens in LibreOffice, whose CSV export shows the figures as Swedish users see them', async () => {
    if (!findSoffice() && !process.env.CI) return;
    const dir = await mkdtemp(join(tmpdir(), 'samlad-consolidated-'));
    try {
      const path = join(dir, 'rapport.xlsx');
      await writeFile(path, xlsx);
      const csv = await convertSheetsToCsv(path, ['Sammanfattning', 'Arbetsmarknadstorgen', 'Indikatorer', 'Ekonomi']);
      const summary = parseCsv(csv.get('Sammanfattning')!);
      expect(summary).toContainEqual([
        'Arbetsmarknadstorgen',
        'Andel positiv lösning',
        '61,5 %',
        '66,1 %',
        '-4,5 p.e.',
        '≥ 70 %',
        'Nej',
      ]);
      const torgen = parseCsv(csv.get('Arbetsmarknadstorgen')!);
      expect(torgen.find((r) => r[0] === 'Avslutade till en för individen positiv lösning')?.slice(0, 5)).toEqual([
        'Avslutade till en för individen positiv lösning',
        '71',
        '73',
        '144',
        '61,5 %',
      ]);
      // Bilaga 4's layout: a table per indicator, the kommuner as rows, the förbund's sum last.
      const indicators = parseCsv(csv.get('Indikatorer')!);
      const title = indicators.findIndex((r) => r[0]?.startsWith('Långtidsarbetslösa 25–65 år, mer än 12'));
      const rowAfter = (label: string) => indicators.slice(title).find((r) => r[0] === label)!;
      expect(
        rowAfter('Umeå')
          .slice(1, 4)
          .map((v) => v.replace(/\s/g, '')),
      ).toEqual(['1061', '866', '-195']);
      expect(
        rowAfter('Umeåregionen')
          .slice(1, 4)
          .map((v) => v.replace(/\s/g, '')),
      ).toEqual(['1296', '1063', '-233']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('writes the published variant with small counts suppressed', async () => {
    const res = await api('POST', `${base}/consolidate`, {
      token: kansli,
      json: { period: '2023T3', variant: 'published', basis: 'approved' },
    });
    expect(res.status).toBe(201);
    const file = await api('GET', `${base}/reports/${res.json.report.id}`, { token: kansli });
    const workbook = await openWorkbook(file.bytes);
    expect(rowOf(workbook.getWorksheet('Samordningsteamen')!, 'varav till studier').slice(1, 4)).toEqual([
      '–',
      '–',
      '–',
    ]);
  });
});

describe('text from submissions', () => {
  it('comes out as text, never as a formula — a comment "=HYPERLINK(…)" and a submission comment "+46 …"', async () => {
    const hyperlink = '=HYPERLINK("http://example.invalid","Klicka här")';
    const phone = '+46 90 16 10 00';
    const res = await api('POST', `${base}/submissions`, {
      token: kansli,
      json: {
        templateId: 'ekonomi-utfall',
        period: '2023T2',
        scope: 'umearegionen',
        values: { ...bilaga3Utfall2023, 'kansli.kanslipersonal.kommentar': hyperlink },
        comment: phone,
      },
    });
    expect(res.status).toBe(201);
    expect(
      (await api('POST', `${base}/submissions/${encodeURIComponent(res.json.id)}/approve`, { token: kansli })).status,
    ).toBe(200);
    const made = await api('POST', `${base}/consolidate`, {
      token: kansli,
      json: { period: '2023T2', variant: 'internal' },
    });
    expect(made.status).toBe(201);
    const file = await api('GET', `${base}/reports/${made.json.report.id}`, { token: kansli });
    const parts = await readXlsxParts(file.bytes);
    for (const [name, xml] of parts)
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) expect([name, /<f[ >]/.test(xml)]).toEqual([name, false]);
    const workbook = await openWorkbook(file.bytes);
    expect(rowOf(workbook.getWorksheet('Ekonomi')!, 'Kanslipersonal')[5]).toBe(hyperlink);
    const texts: unknown[] = [];
    workbook.getWorksheet('Inlämningar')!.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts).toContain(phone);
  });
});

describe('refusals', () => {
  it.each([
    ['a reporter', () => tokenFor('umea'), { period: '2023T3', variant: 'internal' }, 403],
    [
      "another förbund's kansli",
      () => auth.token({ forbund: 'skelleftea-norsjo', role: 'kansli' }),
      { period: '2023T3', variant: 'internal' },
      403,
    ],
    ['an unknown variant', () => tokenFor('kansli'), { period: '2023T3', variant: 'hemlig' }, 400],
    ['an extra field', () => tokenFor('kansli'), { period: '2023T3', variant: 'internal', format: 'pdf' }, 400],
    ['a half-year', () => tokenFor('kansli'), { period: '2023H1', variant: 'internal' }, 400],
    ['no such period', () => tokenFor('kansli'), { period: '2023T4', variant: 'internal' }, 400],
    [
      'a year before any template (issue 15: was a 500)',
      () => tokenFor('kansli'),
      { period: '2000', variant: 'internal' },
      400,
    ],
    ['a tertial before any template', () => tokenFor('kansli'), { period: '2000T1', variant: 'published' }, 400],
  ])('refuses %s', async (_name, token, json, status) => {
    const res = await api('POST', `${base}/consolidate`, { token: await token(), json });
    expect(res.status).toBe(status);
    expect(res.json.message).toMatch(/[a-zåäö]{3}/i);
  });

  it("answers 404 for a report that does not exist, or that is another förbund's", async () => {
    expect((await api('GET', `${base}/reports/2023T3-internal-0123456789abcdef`, { token: kansli })).status).toBe(404);
    expect((await api('GET', `${base}/reports/inte-ett-id`, { token: kansli })).status).toBe(404);
    const list = await api('GET', `${base}/reports`, { token: kansli });
    const id = list.json.reports[0].id;
    const other = await auth.token({ forbund: 'skelleftea-norsjo', role: 'kansli' });
    expect((await api('GET', `/forbund/skelleftea-norsjo/reports/${id}`, { token: other })).status).toBe(404);
  });
});

describe('timer tertialSummary', () => {
  const container = () =>
    BlobServiceClient.fromConnectionString(stack.connectionString).getContainerClient('samlad-reports');
  const table = () =>
    TableClient.fromConnectionString(stack.connectionString, 'samladsubmissions', { allowInsecureConnection: true });

  /** Every stored report of the förbund: name → last modified and hash. */
  async function reportBlobs(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for await (const b of container().listBlobsFlat({ prefix: 'umearegionen/', includeMetadata: true }))
      out.set(b.name, `${b.properties.lastModified?.toISOString()} ${b.metadata?.sha256}`);
    return out;
  }

  /** The run-level audit events, oldest first: which job each run queued per tertial. */
  async function runs(): Promise<string[]> {
    const out: { at: string; after: string }[] = [];
    for await (const e of table().listEntities({ queryOptions: { filter: "subject eq 'tertialSummary'" } }))
      if (String(e.partitionKey).startsWith('umearegionen_')) out.push({ at: String(e.at), after: String(e.after) });
    return out.sort((a, b) => a.at.localeCompare(b.at)).map((r) => r.after);
  }

  /** Fires the timer, then waits for the jobs its run queued: tertial → the finished job. */
  async function fire(
    expectedRuns: number,
  ): Promise<Map<string, { status: string; message: string; report?: { id: string } }>> {
    const res = await fetch(`${stack.baseUrl}/admin/functions/tertialSummary`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: '' }),
    });
    expect(res.status).toBe(202);
    const all = await pollUntil(async () => ((await runs()).length >= expectedRuns ? runs() : undefined), {
      timeoutMs: 60_000,
      intervalMs: 200,
      what: `tertialSummary run ${expectedRuns}`,
    });
    const queued = [...all[expectedRuns - 1]!.matchAll(/(\d{4}T[123]): köad som jobb ([0-9a-f-]{36})/g)];
    expect(queued.length).toBeGreaterThan(0);
    const jobs = new Map<string, { status: string; message: string; report?: { id: string } }>();
    for (const [, period, jobId] of queued) {
      const job = await pollUntil(
        async () => {
          const poll = await api('GET', `${base}/consolidate/jobs/${jobId}`, { token: kansli });
          return ['done', 'failed'].includes(poll.json.status) ? poll.json : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 200, what: `the timer's job for ${period}` },
      );
      jobs.set(period!, job);
    }
    return jobs;
  }

  it('writes each due tertial once; fired again it writes nothing, and the file is byte-identical', async () => {
    const first = await fire(1);
    for (const job of first.values()) expect(job.status).toBe('done');
    // The same inputs and time can give the very file POST consolidate stored.
    const id = first.get('2023T3')?.report?.id;
    expect(id).toMatch(/^2023T3-internal-[0-9a-f]{16}$/);
    expect(first.get('2022T3')?.report?.id).toMatch(/^2022T3-internal-[0-9a-f]{16}$/);
    const afterFirst = await reportBlobs();
    const blobName = `umearegionen/2023T3/internal/${id!.slice(-16)}.xlsx`;
    expect(afterFirst.has(blobName)).toBe(true);
    const bytes = await container().getBlockBlobClient(blobName).downloadToBuffer();

    const second = await fire(2);
    expect(second.get('2023T3')).toMatchObject({ status: 'done', report: { id } });
    expect(await reportBlobs()).toEqual(afterFirst);
    const again = await container().getBlockBlobClient(blobName).downloadToBuffer();
    expect(again.equals(bytes)).toBe(true);
    // Content-addressed: the name is the file's own hash.
    expect(createHash('sha256').update(bytes).digest('hex').startsWith(id!.slice(-16))).toBe(true);
    const unchanged: unknown[] = [];
    for await (const e of table().listEntities({
      queryOptions: { filter: "PartitionKey eq 'umearegionen_2023T3' and event eq 'report-unchanged'" },
    }))
      unchanged.push(e);
    expect(unchanged.length).toBeGreaterThanOrEqual(1);
  }, 150_000);

  it("after kansliet changes 2023's settings the next run writes a new report, then nothing new", async () => {
    const before = (await fire(3)).get('2023T3')?.report?.id;
    const workbook = await api('GET', `${base}/settings/2023/workbook`, { token: kansli });
    const edited = await editSettings(workbook.bytes, [
      { table: 'mal', row: 'deltagare-avslut.andel_positiv', column: 'value', value: 72 },
    ]);
    const uploaded = await api('POST', `${base}/settings/2023/versions`, { token: kansli, body: edited });
    expect(uploaded.status).toBe(201);
    const activated = await api('POST', `${base}/settings/2023/activate`, {
      token: kansli,
      json: { version: uploaded.json.version.version, expectedActive: uploaded.json.active },
    });
    expect(activated.status).toBe(200);
    const after = (await fire(4)).get('2023T3')?.report?.id;
    expect(after).toMatch(/^2023T3-internal-[0-9a-f]{16}$/);
    expect(after).not.toBe(before);
    const report = await api('GET', `${base}/reports/${after}`, { token: kansli });
    expect(await summaryTarget(report.bytes, 'Arbetsmarknadstorgen', 'Andel positiv lösning')).toBe('≥ 72 %');
    const blobs = await reportBlobs();
    expect((await fire(5)).get('2023T3')?.report?.id).toBe(after);
    expect(await reportBlobs()).toEqual(blobs);
  }, 150_000);
});
