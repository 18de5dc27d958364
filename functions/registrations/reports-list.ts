import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('reportsList', {
  methods: ['GET'],
  route: 'forbund/{forbund}/reports',
  authLevel: 'anonymous',
  handler: lazyHandler(() => (require('../http/reports-list') as typeof import('../http/reports-list')).listReports),
});
