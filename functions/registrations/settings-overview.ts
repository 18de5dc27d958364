import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('settingsOverview', {
  methods: ['GET'],
  route: 'forbund/{forbund}/settings',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/settings-overview') as typeof import('../http/settings-overview')).settingsOverview,
  ),
});
