import { app } from '@azure/functions';
import { registrationSettings } from '../config';
import { JOBS_QUEUE } from '../consolidation/queues';
import { lazyHandler } from '../lazy-handler';

// The connection is the one Samlad's own storage comes from, so the trigger reads the queue
// the app writes to (functions/storage/storage-settings.ts).
app.storageQueue('consolidationWorker', {
  queueName: JOBS_QUEUE,
  connection: registrationSettings().storageConnection,
  handler: lazyHandler(
    () =>
      (require('../queues/consolidation-worker') as typeof import('../queues/consolidation-worker'))
        .consolidationWorker,
  ),
});
