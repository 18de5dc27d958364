/**
 * End to end: `node dist/scripts/start.js` (what `npm start` runs) on free ports with its own
 * data folder. It serves /api/health and the task pane, builds a consolidation through its job
 * queue, stops completely on Ctrl-C (SIGINT to its process group) and, restarted on the same
 * folder, still has what was stored — tables, blobs and queue messages.
 */
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { QueueClient } from '@azure/storage-queue';
import { call, devAuth } from '../api/api-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { azuriteConnectionString } from '../../functions/storage/connection-string';
import { spawnScript, type NodeProcess } from '../support/node-process';
import { pollUntil } from '../support/poll';
import { isPortFree } from '../support/ports';
import { childEnv } from '../support/test-stack';

interface RunningStack {
  proc: NodeProcess;
  apiUrl: string;
  addinUrl: string;
  ports: { host: number; addin: number; blob: number; queue: number; table: number };
  connectionString: string;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'samlad-e2e-'));
const auth = devAuth();
let current: RunningStack | undefined;

const loopback = (url: string) => url.replace('//localhost:', '//127.0.0.1:');

function group(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: no process left in the group.
  }
}

async function startStack(): Promise<RunningStack> {
  const proc = spawnScript('scripts/start.js', [], {
    detached: true,
    env: childEnv({
      PORT: '0',
      ADDIN_PORT: '0',
      AZURITE_BLOB_PORT: '0',
      AZURITE_QUEUE_PORT: '0',
      AZURITE_TABLE_PORT: '0',
      AZURITE_LOCATION: dataDir,
      ...auth.env,
    }),
  });
  await proc.waitForOutput(/Press Ctrl-C to stop/, 30_000);
  const out = proc.output();
  const find = (pattern: RegExp) => {
    const value = out.match(pattern)?.[1];
    if (!value) throw new Error(`${pattern} not in the start-up output:\n${out}`);
    return value;
  };
  const apiUrl = loopback(find(/API \(Functions host\)\s+(\S+)/));
  const addinUrl = loopback(find(/Task pane\s+(\S+)/));
  const blob = Number(find(/Azurite Blob\s+http:\/\/127\.0\.0\.1:(\d+)\//));
  const queue = Number(find(/Azurite Queue\s+http:\/\/127\.0\.0\.1:(\d+)\//));
  const table = Number(find(/Azurite Table\s+http:\/\/127\.0\.0\.1:(\d+)\//));
  expect(find(/Data folder\s+(\S+)/)).toBe(dataDir);
  return {
    proc,
    apiUrl,
    addinUrl,
    ports: { host: Number(new URL(apiUrl).port), addin: Number(new URL(addinUrl).port), blob, queue, table },
    connectionString: azuriteConnectionString({
      host: '127.0.0.1',
      blobPort: blob,
      queuePort: queue,
      tablePort: table,
    }),
  };
}

async function stopWithCtrlC(stack: RunningStack): Promise<void> {
  group(stack.proc.pid, 'SIGINT'); // What a terminal's Ctrl-C does: signal the whole group.
  const timer = setTimeout(() => group(stack.proc.pid, 'SIGKILL'), 15_000);
  const code = await stack.proc.exited;
  clearTimeout(timer);
  expect(code).toBe(0);
  current = undefined;
}

afterAll(async () => {
  if (current) {
    group(current.proc.pid, 'SIGKILL');
    await current.proc.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start (dist/scripts/start.js)', () => {
  it('serves health with storage OK and the task pane; Ctrl-C leaves no process and frees every port', async () => {
    const stack = (current = await startStack());

    const health = await pollUntil(
      async () => {
        const response = await fetch(`${stack.apiUrl}/health`);
        return response.status === 200 ? response.json() : undefined;
      },
      { what: '/api/health to answer 200' },
    );
    expect(health).toMatchObject({ status: 'ok', storage: { table: { ok: true }, blob: { ok: true } } });

    const page = await fetch(`${stack.addinUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Samlad</title>');
    // The dev server sends the pane's security headers (the development variant of its CSP).
    expect(page.headers.get('content-security-policy')).toMatch(
      /frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/,
    );
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    // The dev server proxies /api to the host, so the task pane calls the API same-origin.
    const proxied = await fetch(`${stack.addinUrl}/api/health`);
    expect(proxied.status).toBe(200);

    // A consolidation goes through the job queue, whose worker the stack runs.
    const kansli = await auth.token({ forbund: 'umearegionen', role: 'kansli' });
    const queued = await call(stack.apiUrl, 'POST', '/forbund/umearegionen/consolidate', {
      token: kansli,
      json: { period: '2024T1', variant: 'internal', basis: 'latest' },
    });
    expect([201, 202]).toContain(queued.status);
    if (queued.status === 202) {
      const job = await pollUntil(
        async () => {
          const poll = await call(stack.apiUrl, 'GET', `/forbund/umearegionen/consolidate/jobs/${queued.json.jobId}`, {
            token: kansli,
          });
          return ['done', 'failed'].includes(poll.json.status) ? poll.json : undefined;
        },
        { timeoutMs: 30_000, what: 'the consolidation job' },
      );
      expect(job.status).toBe('done');
    }

    // Store something, to find again after a restart.
    const table = TableClient.fromConnectionString(stack.connectionString, 'e2epersist', {
      allowInsecureConnection: true,
    });
    await table.createTable();
    await table.createEntity({ partitionKey: 'p', rowKey: 'r', kommun: 'Bjurholm' });
    const container = BlobServiceClient.fromConnectionString(stack.connectionString).getContainerClient('e2epersist');
    await container.create();
    await container
      .getBlockBlobClient('note.txt')
      .upload('kvar efter omstart', Buffer.byteLength('kvar efter omstart'));
    const queue = new QueueClient(stack.connectionString, 'e2epersist');
    await queue.create();
    await queue.sendMessage('kvar i kön');

    await stopWithCtrlC(stack);
    expect(group(stack.proc.pid, 0)).toBe(false);
    for (const [name, port] of Object.entries(stack.ports)) {
      expect([name, await isPortFree(port)]).toEqual([name, true]);
    }
  });

  it('keeps stored data across a restart on the same data folder', async () => {
    const stack = (current = await startStack());
    await pollUntil(async () => (await fetch(`${stack.apiUrl}/health`)).status === 200, {
      what: '/api/health to answer 200',
    });

    const table = TableClient.fromConnectionString(stack.connectionString, 'e2epersist', {
      allowInsecureConnection: true,
    });
    expect(await table.getEntity('p', 'r')).toMatchObject({ kommun: 'Bjurholm' });
    const blob = BlobServiceClient.fromConnectionString(stack.connectionString)
      .getContainerClient('e2epersist')
      .getBlockBlobClient('note.txt');
    expect((await blob.downloadToBuffer()).toString('utf8')).toBe('kvar efter omstart');
    const [message] = (await new QueueClient(stack.connectionString, 'e2epersist').peekMessages()).peekedMessageItems;
    expect(message?.messageText).toBe('kvar i kön');

    await stopWithCtrlC(stack);
    expect(group(stack.proc.pid, 0)).toBe(false);
  });
});
