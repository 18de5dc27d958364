import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('submissionApprove', {
  methods: ['POST'],
  route: 'forbund/{forbund}/submissions/{id}/approve',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/submission-approve') as typeof import('../http/submission-approve')).approveSubmission,
  ),
});
