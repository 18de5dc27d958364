import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('adminTemplates', {
  methods: ['GET'],
  route: 'admin/templates',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/admin-templates') as typeof import('../http/admin-templates')).adminTemplates,
  ),
});
