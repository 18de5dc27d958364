/**
 * Unreachable storage must fail fast enough for the API to answer 503 within seconds. The
 * SDKs' default retry policies wait ~6 s (Table) and ~16 s (Blob) on a refused connection;
 * functions/storage/clients.ts bounds them. This pins the bound, and that the error is one
 * errorResponse turns into a 503 with Retry-After.
 */
import { isTransientStorageError } from '../../functions/api/error-response';
import { azuriteConnectionString, createStorageClients } from '../../functions/storage';
import { closedPort } from '../support/ports';

const BOUND_MS = 3_000;

async function failure(attempt: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await attempt();
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('storage answered on a closed port');
}

it.each([
  ['Table', (c: ReturnType<typeof createStorageClients>) => c.tableClient('samladfault').getEntity('p', 'r')],
  [
    'Blob',
    (c: ReturnType<typeof createStorageClients>) => c.blobService.getContainerClient('samladfault').createIfNotExists(),
  ],
])('%s gives up on a refused connection within the bound, with a transient error', async (_name, attempt) => {
  const port = await closedPort();
  const clients = createStorageClients(
    azuriteConnectionString({ host: '127.0.0.1', blobPort: port, queuePort: port, tablePort: port }),
  );
  const { error, ms } = await failure(() => attempt(clients));
  expect(isTransientStorageError(error)).toBe(true);
  expect(ms).toBeLessThan(BOUND_MS);
});
