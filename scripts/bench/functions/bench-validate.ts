/**
 * POST /api/bench/forbund/{forbund}/validate — the validate route's pipeline (auth, body
 * reader, intake checks, validation, findings rendered) against the bench registry, whose
 * only template has 2,000 cells. The shipped registry has no template that large, and the
 * app has no hook to add one; the bench host loads this file beside the app's own
 * (`--main dist/scripts/bench/functions/*.js`). Never deployed: package.json "main" does not
 * name it.
 */
import { app } from '@azure/functions';
import { findForbund, hasErrors, renderFinding } from '../../../shared';
import { forbidden } from '../../../functions/api/api-error';
import { jsonResponse } from '../../../functions/api/error-response';
import { forbundRoute } from '../../../functions/api/forbund-route';
import { checkDraft } from '../../../functions/submissions/intake';
import { readDraft } from '../../../functions/submissions/read-draft';
import { readWorkbookDraft } from '../../../functions/submissions/workbook-draft';
import { benchRegistry } from '../synthetic-template';

export const benchValidate = forbundRoute('reporter', async ({ request, principal, forbund }) => {
  const benchForbund = findForbund(benchRegistry, forbund.id);
  if (!benchForbund) throw forbidden();
  const { draft } = await readDraft(request, readWorkbookDraft);
  const { validation, template, period, party } = checkDraft(benchRegistry, benchForbund, principal, draft);
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

app.http('benchValidate', { methods: ['POST'], route: 'bench/forbund/{forbund}/validate', authLevel: 'anonymous', handler: benchValidate });
