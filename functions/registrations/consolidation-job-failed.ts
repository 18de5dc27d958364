import { app } from '@azure/functions';
import { registrationSettings } from '../config';
import { JOBS_POISON_QUEUE } from '../consolidation/queues';
import { lazyHandler } from '../lazy-handler';

app.storageQueue('consolidationJobFailed', {
  queueName: JOBS_POISON_QUEUE,
  connection: registrationSettings().storageConnection,
  handler: lazyHandler(
    () =>
      (require('../queues/consolidation-worker') as typeof import('../queues/consolidation-worker'))
        .consolidationJobFailed,
  ),
});
