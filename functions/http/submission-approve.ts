import { forbundWriteRoute } from '../api/forbund-route';
import { submissionIds, transitionSubmission } from '../submissions/transition';

/** POST /api/forbund/{forbund}/submissions/{id}/approve — kansliet approves the current version. */
export const approveSubmission = forbundWriteRoute(
  'kansli',
  (call) => transitionSubmission(call, 'godkand'),
  submissionIds,
);
