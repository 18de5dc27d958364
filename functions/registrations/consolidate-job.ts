import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('consolidateJob', {
  methods: ['GET'],
  route: 'forbund/{forbund}/consolidate/jobs/{jobId}',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/consolidate-job') as typeof import('../http/consolidate-job')).getConsolidationJob,
  ),
});
