import { renderFinding } from '../../shared/validation/messages-sv';
import { answer } from '../api/error-response';
import { forbundWriteRoute } from '../api/forbund-route';
import { readDraft } from '../submissions/read-draft';
import { submitDraft } from '../submissions/submit';
import { readWorkbookDraft } from '../submissions/workbook-draft';
import { receiptSchema } from '../../shared/api';

/** POST /api/forbund/{forbund}/submissions — JSON from the add-in or a filled .xlsx. */
export const createSubmission = forbundWriteRoute('reporter', async (call) => {
  const { draft, source } = await readDraft(call.request, (buffer) => readWorkbookDraft(buffer, call));
  const { receipt, created, warnings, target } = await submitDraft(call, draft, source);
  return answer(receiptSchema, created ? 201 : 200, {
    ...receipt,
    ...target,
    created,
    warnings: warnings.map((f) => ({ ...f, message: renderFinding(f) })),
  });
});
