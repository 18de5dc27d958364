import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('obligations', {
  methods: ['GET'],
  route: 'forbund/{forbund}/obligations',
  authLevel: 'anonymous',
  handler: lazyHandler(() => (require('../http/obligations') as typeof import('../http/obligations')).getObligations),
});
