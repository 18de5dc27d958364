import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('forbundConfiguration', {
  methods: ['GET'],
  route: 'forbund/{forbund}/configuration',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () =>
      (require('../http/forbund-configuration') as typeof import('../http/forbund-configuration')).forbundConfiguration,
  ),
});
