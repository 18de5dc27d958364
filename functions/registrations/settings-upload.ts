import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('settingsUpload', {
  methods: ['POST'],
  route: 'forbund/{forbund}/settings/{year:int}/versions',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/settings-upload') as typeof import('../http/settings-upload')).uploadSettings,
  ),
});
