import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('templateWorkbook', {
  methods: ['GET'],
  route: 'forbund/{forbund}/templates/{id}/workbook',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/template-workbook') as typeof import('../http/template-workbook')).getTemplateWorkbook,
  ),
});
