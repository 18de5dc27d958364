import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('plausibilityReferences', {
  methods: ['GET'],
  route: 'forbund/{forbund}/references',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () =>
      (require('../http/plausibility-references') as typeof import('../http/plausibility-references')).getReferences,
  ),
});
