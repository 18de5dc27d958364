import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('health', {
  route: 'health',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: lazyHandler(() => (require('../http/health') as typeof import('../http/health')).health),
});
