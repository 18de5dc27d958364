import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('settingsWorkbook', {
  methods: ['GET'],
  route: 'forbund/{forbund}/settings/{year:int}/workbook',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/settings-workbook') as typeof import('../http/settings-workbook')).settingsWorkbook,
  ),
});
