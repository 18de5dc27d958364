import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('settingsActivate', {
  methods: ['POST'],
  route: 'forbund/{forbund}/settings/{year:int}/activate',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/settings-activate') as typeof import('../http/settings-activate')).activateSettingsVersion,
  ),
});
