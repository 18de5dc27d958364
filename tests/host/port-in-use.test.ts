/**
 * Regression: a port already in use must end the start-up with a message naming the port
 * and its setting, and the process must exit. (Azurite's stores start autosave timers when
 * constructed; a server that never started used to keep `npm start` alive after the error.)
 */
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScript } from '../support/node-process';
import { childEnv } from '../support/test-stack';

let busy: Server;
let busyPort: number;
const dataDir = mkdtempSync(path.join(tmpdir(), 'samlad-busy-'));

beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const address = busy.address();
  busyPort = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise<void>((resolve) => busy.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

const stackEnv = (overrides: NodeJS.ProcessEnv) =>
  childEnv({
    PORT: '0',
    ADDIN_PORT: '0',
    AZURITE_BLOB_PORT: '0',
    AZURITE_TABLE_PORT: '0',
    AZURITE_LOCATION: dataDir,
    ...overrides,
  });

describe('a port in use', () => {
  it.each([
    [
      'Azurite Table',
      'AZURITE_TABLE_PORT',
      /Azurite Table cannot listen on 127\.0\.0\.1:(\d+): port \1 is in use\b.*AZURITE_TABLE_PORT/,
    ],
    [
      'Azurite Blob',
      'AZURITE_BLOB_PORT',
      /Azurite Blob cannot listen on 127\.0\.0\.1:(\d+): port \1 is in use\b.*AZURITE_BLOB_PORT/,
    ],
    ['the Functions host', 'PORT', /The Functions host cannot listen on 127\.0\.0\.1:(\d+): port \1 is in use\b.*PORT/],
    [
      'the task-pane dev server',
      'ADDIN_PORT',
      /Task-pane dev server cannot listen on 127\.0\.0\.1:(\d+): port \1 is in use\b.*ADDIN_PORT/,
    ],
  ])('stops npm start with a clear message when %s cannot listen', async (_part, setting, message) => {
    // runScript kills after 15 s: a hang shows up as a signal instead of exit code 1.
    const result = await runScript('scripts/start.js', [], stackEnv({ [setting]: String(busyPort) }), 15_000);
    expect(result.output).toMatch(message);
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(1);
  });
});
