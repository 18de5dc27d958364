import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('submissionReview', {
  methods: ['GET'],
  route: 'forbund/{forbund}/submissions/{id}/review',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/submission-review') as typeof import('../http/submission-review')).getReview,
  ),
});
