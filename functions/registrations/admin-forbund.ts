import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('adminForbund', {
  methods: ['GET'],
  route: 'admin/forbund',
  authLevel: 'anonymous',
  handler: lazyHandler(() => (require('../http/admin-forbund') as typeof import('../http/admin-forbund')).adminForbund),
});
