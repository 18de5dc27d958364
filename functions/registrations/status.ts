import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('status', {
  methods: ['GET'],
  route: 'forbund/{forbund}/status',
  authLevel: 'anonymous',
  handler: lazyHandler(() => (require('../http/status') as typeof import('../http/status')).getStatus),
});
