import { forbundWriteRoute } from '../api/forbund-route';
import { submissionIds, transitionSubmission } from '../submissions/transition';

/** POST /api/forbund/{forbund}/submissions/{id}/return — kansliet sends it back with a comment. */
export const returnSubmission = forbundWriteRoute(
  'kansli',
  (call) => transitionSubmission(call, 'returnerad'),
  submissionIds,
);
