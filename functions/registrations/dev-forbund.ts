import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('devForbund', {
  methods: ['GET'],
  route: 'dev/forbund',
  authLevel: 'anonymous',
  handler: lazyHandler(() => (require('../http/dev-forbund') as typeof import('../http/dev-forbund')).devForbund),
});
