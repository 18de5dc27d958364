import { forbundRoute } from '../api/forbund-route';
import { validateDraftRequest } from '../submissions/validate-draft';

/** POST /api/forbund/{forbund}/validate — findings only; nothing is stored. */
export const validateDraft = forbundRoute('reporter', ({ request, services, forbund, principal }) =>
  validateDraftRequest(request, services.registry, forbund, principal),
);
