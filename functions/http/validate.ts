import { forbundRoute } from '../api/forbund-route';
import { forbundForDraft } from '../submissions/intake';
import { draftParty, loadReferences } from '../submissions/references';
import { validateDraftRequest } from '../submissions/validate-draft';
import { readWorkbookDraft } from '../submissions/workbook-draft';

/** POST /api/forbund/{forbund}/validate — findings only; nothing is stored. */
export const validateDraft = forbundRoute('reporter', (call) =>
  validateDraftRequest(
    call.request,
    async (draft) => forbundForDraft(call, draft),
    call.principal,
    (buffer) => readWorkbookDraft(buffer, call),
    (draft, { registry, forbund }) =>
      loadReferences(call.services.repository, registry, forbund, {
        ...draft,
        party: draftParty(call.principal, draft),
      }),
  ),
);
