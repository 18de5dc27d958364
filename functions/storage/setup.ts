import type { TableClient, TableEntityResult } from '@azure/data-tables';

/**
 * Wraps a storage set-up step (creating a table or container) so it runs once: concurrent first
 * callers share the one attempt, and a failed attempt is forgotten, so the next call tries again
 * instead of every later request failing on an outage that has passed.
 */
export function once(setUp: () => Promise<unknown>): () => Promise<void> {
  let ready: Promise<void> | undefined;
  return () => {
    ready ??= setUp().then(
      () => undefined,
      (error: unknown) => {
        ready = undefined;
        throw error;
      },
    );
    return ready;
  };
}

/** A value made on first use and then kept (a client whose library need not load before it is used). */
export function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** A point read that answers undefined for a missing entity (the SDK throws a 404). */
export async function getEntityIfAny(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<TableEntityResult<Record<string, unknown>> | undefined> {
  try {
    return await table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}
