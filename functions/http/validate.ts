import { app } from '@azure/functions';
import { hasErrors } from '../../shared/validation/findings';
import { renderFinding } from '../../shared/validation/messages-sv';
import { jsonResponse } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { checkDraft } from '../submissions/intake';
import { readDraft } from '../submissions/read-draft';
import { readWorkbookDraft } from '../submissions/workbook-draft';

/** POST /api/forbund/{forbund}/validate — findings only; nothing is stored. */
export const validateDraft = forbundRoute('reporter', async ({ request, services, forbund, principal }) => {
  const { draft } = await readDraft(request, readWorkbookDraft);
  const { validation, template, period, party } = checkDraft(services.registry, forbund, principal, draft);
  return jsonResponse(200, {
    templateId: template.id,
    templateVersion: template.version,
    period: period.id,
    scope: draft.scope,
    party,
    ok: !hasErrors(validation.findings),
    findings: validation.findings.map((f) => ({ ...f, message: renderFinding(f) })),
  });
});

app.http('validate', { methods: ['POST'], route: 'forbund/{forbund}/validate', authLevel: 'anonymous', handler: validateDraft });
