/**
 * Azurite (Table, Blob and Queue) in this process, through its server classes. In-process rather than
 * a child process: it starts in ~20 ms, needs no process management, and stopping the
 * parent can never leave an emulator running. Telemetry lives only in Azurite's CLI entry
 * points, which are not used, so nothing reaches out of the machine.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type ServerBase from 'azurite/dist/src/common/ServerBase';
import { azuriteConnectionString } from '../../functions/storage/connection-string';

export interface AzuriteOptions {
  /** Interface to bind (default 127.0.0.1: the emulator's key is public). */
  host?: string;
  /** 0 picks a free port. */
  blobPort: number;
  queuePort: number;
  tablePort: number;
  /** Folder to persist data in; undefined keeps everything in memory (tests). */
  location?: string;
}

export interface RunningAzurite {
  readonly host: string;
  readonly blobPort: number;
  readonly queuePort: number;
  readonly tablePort: number;
  readonly location: string | undefined;
  /** Explicit connection string for this instance's ports. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

export class AzuriteStartError extends Error {
  constructor(service: string, host: string, port: number, cause: unknown) {
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
    const hint =
      code === 'EADDRINUSE'
        ? `port ${port} is in use (another Azurite or "npm start"?); stop it or choose another port ` +
          `with AZURITE_${service.toUpperCase()}_PORT`
        : cause instanceof Error
          ? cause.message
          : String(cause);
    super(`Azurite ${service} cannot listen on ${host}:${port}: ${hint}`, { cause });
    this.name = 'AzuriteStartError';
  }
}

function portOf(server: ServerBase): number {
  return Number(new URL(server.getHttpServerAddress()).port);
}

async function startServer(server: ServerBase, service: string, host: string, port: number): Promise<void> {
  try {
    await server.start();
  } catch (error) {
    // start() opened the metadata stores before listen() failed; release them, or their
    // autosave timers keep this process alive after the error.
    await server.afterClose().catch(() => undefined);
    throw new AzuriteStartError(service, host, port, error);
  }
}

/**
 * Azurite's modules take ~0.8 s to load; scripts that may not need them (the host alone,
 * `npm run timer` against a running host) load them only when starting Azurite.
 */
function loadAzurite() {
  return {
    TableServer: (require('azurite/dist/src/table/TableServer') as typeof import('azurite/dist/src/table/TableServer'))
      .default,
    TableConfiguration: (
      require('azurite/dist/src/table/TableConfiguration') as typeof import('azurite/dist/src/table/TableConfiguration')
    ).default,
    BlobServer: (require('azurite/dist/src/blob/BlobServer') as typeof import('azurite/dist/src/blob/BlobServer'))
      .default,
    BlobConfiguration: (
      require('azurite/dist/src/blob/BlobConfiguration') as typeof import('azurite/dist/src/blob/BlobConfiguration')
    ).default,
    QueueServer: (require('azurite/dist/src/queue/QueueServer') as typeof import('azurite/dist/src/queue/QueueServer'))
      .default,
    QueueConfiguration: (
      require('azurite/dist/src/queue/QueueConfiguration') as typeof import('azurite/dist/src/queue/QueueConfiguration')
    ).default,
  };
}

export async function startAzurite(options: AzuriteOptions): Promise<RunningAzurite> {
  const { TableServer, TableConfiguration, BlobServer, BlobConfiguration, QueueServer, QueueConfiguration } =
    loadAzurite();
  const host = options.host ?? '127.0.0.1';
  const location = options.location;
  const inMemory = location === undefined;
  // Same file names as the Azurite CLI, so `npx azurite --location <folder>` can open it too.
  const dir = location ?? '.';
  if (location) mkdirSync(location, { recursive: true });
  const loose = true;
  const skipApiVersionCheck = true; // The SDKs send newer API versions than Azurite knows.

  // Each server is constructed right before it starts: Azurite's Loki stores begin their
  // autosave timers in the constructor, and a server that never starts never closes them.
  const table = new TableServer(
    new TableConfiguration(
      host,
      options.tablePort,
      undefined,
      path.join(dir, '__azurite_db_table__.json'),
      false,
      false,
      undefined,
      undefined,
      loose,
      skipApiVersionCheck,
      '',
      '',
      '',
      undefined,
      false,
      inMemory,
    ),
  );
  await startServer(table, 'Table', host, options.tablePort);

  // Blob and Queue keep data as extents beside their metadata, and take the same arguments.
  const extentService = (name: 'blob' | 'queue', port: number): ConstructorParameters<typeof BlobConfiguration> => [
    host,
    port,
    undefined,
    path.join(dir, `__azurite_db_${name}__.json`),
    path.join(dir, `__azurite_db_${name}_extent__.json`),
    [{ locationId: 'Default', locationPath: path.join(dir, `__${name}storage__`), maxConcurrency: 10 }],
    false,
    undefined,
    false,
    undefined,
    loose,
    skipApiVersionCheck,
    '',
    '',
    '',
    undefined,
    false,
    inMemory,
  ];
  const started: ServerBase[] = [table];
  const startAfter = async (server: ServerBase, service: string, port: number) => {
    try {
      await startServer(server, service, host, port);
    } catch (error) {
      await Promise.all(started.map((s) => s.close()));
      throw error;
    }
    started.push(server);
  };
  const blob = new BlobServer(new BlobConfiguration(...extentService('blob', options.blobPort)));
  await startAfter(blob, 'Blob', options.blobPort);
  const queue = new QueueServer(new QueueConfiguration(...extentService('queue', options.queuePort)));
  await startAfter(queue, 'Queue', options.queuePort);

  const tablePort = portOf(table);
  const blobPort = portOf(blob);
  const queuePort = portOf(queue);
  let stopping: Promise<void> | undefined;
  return {
    host,
    blobPort,
    queuePort,
    tablePort,
    location,
    connectionString: azuriteConnectionString({ host, blobPort, queuePort, tablePort }),
    stop() {
      // Closing saves the Loki databases to disk, which is what makes data survive a restart.
      stopping ??= Promise.all([table.close(), blob.close(), queue.close()]).then(() => undefined);
      return stopping;
    },
  };
}
