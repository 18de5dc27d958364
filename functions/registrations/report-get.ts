import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('reportGet', {
  methods: ['GET'],
  route: 'forbund/{forbund}/reports/{id}',
  authLevel: 'anonymous',
  handler: lazyHandler(() => (require('../http/report-get') as typeof import('../http/report-get')).getReport),
});
