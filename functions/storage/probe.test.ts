import { createServer, type Server, type Socket } from 'node:net';
import { azuriteConnectionString } from './connection-string';
import { createStorageClients } from './clients';
import { describeProbeFailure, probeStorage } from './probe';

describe('probeStorage', () => {
  let server: Server;
  const sockets = new Set<Socket>();
  let port: number;

  beforeAll(async () => {
    // Accepts connections and never answers: a hung storage endpoint.
    server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reports "timeout" for an endpoint that never answers, within the time limit', async () => {
    const clients = createStorageClients(
      azuriteConnectionString({ host: '127.0.0.1', blobPort: port, queuePort: port, tablePort: port }),
      { retry: false },
    );
    const started = Date.now();
    const report = await probeStorage(clients, 300);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(report.table).toMatchObject({ ok: false, error: 'timeout' });
    expect(report.blob).toMatchObject({ ok: false, error: 'timeout' });
    expect(report.table.ms).toBeGreaterThanOrEqual(250);
  });
});

describe('describeProbeFailure', () => {
  it.each([
    ['a timeout', new Error('aborted'), true, 'timeout'],
    [
      'an HTTP status with code',
      Object.assign(new Error('x'), { statusCode: 403, code: 'AuthorizationFailure' }),
      false,
      'HTTP 403 AuthorizationFailure',
    ],
    ['an HTTP status', Object.assign(new Error('x'), { statusCode: 500 }), false, 'HTTP 500'],
    [
      'a socket error',
      Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:10002'), { code: 'ECONNREFUSED' }),
      false,
      'unreachable (ECONNREFUSED)',
    ],
    ['anything else', 'weird', false, 'unreachable'],
  ])('%s', (_case, error, timedOut, expected) => {
    expect(describeProbeFailure(error, timedOut)).toBe(expected);
  });
});
