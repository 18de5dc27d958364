import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('settingsCopy', {
  methods: ['POST'],
  route: 'forbund/{forbund}/settings/{year:int}/copy',
  authLevel: 'anonymous',
  handler: lazyHandler(() => (require('../http/settings-copy') as typeof import('../http/settings-copy')).copySettings),
});
