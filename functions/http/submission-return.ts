import { app } from '@azure/functions';
import { forbundRoute } from '../api/forbund-route';
import { submissionIds, transitionSubmission } from '../submissions/transition';

/** POST /api/forbund/{forbund}/submissions/{id}/return — kansliet sends it back with a comment. */
export const returnSubmission = forbundRoute(
  'kansli',
  (call) => transitionSubmission(call, 'returnerad'),
  submissionIds,
);

app.http('submissionReturn', {
  methods: ['POST'],
  route: 'forbund/{forbund}/submissions/{id}/return',
  authLevel: 'anonymous',
  handler: returnSubmission,
});
