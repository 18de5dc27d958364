import { forbundRoute } from '../api/forbund-route';
import { draftParty, loadReferences } from '../submissions/references';
import { validateDraftRequest } from '../submissions/validate-draft';

/** POST /api/forbund/{forbund}/validate — findings only; nothing is stored. */
export const validateDraft = forbundRoute('reporter', ({ request, services, forbund, principal }) =>
  validateDraftRequest(request, services.registry, forbund, principal, (draft) =>
    loadReferences(services.repository, services.registry, forbund, { ...draft, party: draftParty(principal, draft) }),
  ),
);
