import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('adminTemplateAdd', {
  methods: ['POST'],
  route: 'admin/templates',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/admin-template-add') as typeof import('../http/admin-template-add')).adminTemplateAdd,
  ),
});
