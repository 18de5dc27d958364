import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('consolidate', {
  methods: ['POST'],
  route: 'forbund/{forbund}/consolidate',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/consolidate') as typeof import('../http/consolidate')).consolidateReport,
  ),
});
