import { app } from '@azure/functions';
import { forbundRoute } from '../api/forbund-route';
import { submissionIds, transitionSubmission } from '../submissions/transition';

/** POST /api/forbund/{forbund}/submissions/{id}/approve — kansliet approves the current version. */
export const approveSubmission = forbundRoute('kansli', (call) => transitionSubmission(call, 'godkand'), submissionIds);

app.http('submissionApprove', {
  methods: ['POST'],
  route: 'forbund/{forbund}/submissions/{id}/approve',
  authLevel: 'anonymous',
  handler: approveSubmission,
});
