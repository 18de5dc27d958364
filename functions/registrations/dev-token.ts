import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('devToken', {
  methods: ['POST'],
  route: 'dev/token',
  authLevel: 'anonymous',
  handler: lazyHandler(() => (require('../http/dev-token') as typeof import('../http/dev-token')).devToken),
});
