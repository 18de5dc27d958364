import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('templatesList', {
  methods: ['GET'],
  route: 'forbund/{forbund}/templates',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/templates-list') as typeof import('../http/templates-list')).listTemplates,
  ),
});
