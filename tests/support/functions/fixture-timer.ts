/**
 * A test-only timer that records each run as an entity in Table storage (through the app's
 * own config and storage modules), so a test can see that and how it ran.
 */
import { app, InvocationContext, type Timer } from '@azure/functions';
import { getStorageClients } from '../../../functions/storage';

export const fixtureRunsTable = 'fixturetimerruns';

export async function fixtureRecordRun(timer: Timer, context: InvocationContext): Promise<void> {
  const table = getStorageClients().tableClient(fixtureRunsTable);
  await table.createTable();
  await table.createEntity({
    partitionKey: 'runs',
    rowKey: context.invocationId,
    functionName: context.functionName,
    isPastDue: timer.isPastDue,
    adjustForDST: timer.schedule.adjustForDST,
    realContext: context instanceof InvocationContext,
  });
  context.log(`recorded run ${context.invocationId}`);
}

// Once a year (1 January, 00:00 UTC): never due during a test; tests fire it explicitly.
app.timer('fixtureRecordRun', { schedule: '0 0 0 1 1 *', handler: fixtureRecordRun });
