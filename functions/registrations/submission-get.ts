import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('submissionGet', {
  methods: ['GET'],
  route: 'forbund/{forbund}/submissions/{id}',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/submission-get') as typeof import('../http/submission-get')).getSubmission,
  ),
});
