import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('submissionReturn', {
  methods: ['POST'],
  route: 'forbund/{forbund}/submissions/{id}/return',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/submission-return') as typeof import('../http/submission-return')).returnSubmission,
  ),
});
