/**
 * POST /api/bench/forbund/{forbund}/validate — the validate route's own pipeline
 * (`validateDraftRequest`: body reader, intake checks, validation, findings rendered) behind the
 * same auth wrapper, against the bench registry, whose only template has 2,000 cells. The shipped
 * registry has no template that large, and the
 * app has no hook to add one; the bench host loads this file beside the app's own
 * (`--main dist/scripts/bench/functions/*.js`). Never deployed: package.json "main" does not
 * name it.
 */
import { app } from '@azure/functions';
import { findForbund } from '../../../shared';
import { forbidden, unsupportedMediaType } from '../../../functions/api/api-error';
import { forbundRoute } from '../../../functions/api/forbund-route';
import { validateDraftRequest } from '../../../functions/submissions/validate-draft';
import { benchRegistry } from '../synthetic-template';

export const benchValidate = forbundRoute('reporter', async ({ request, principal, forbund }) => {
  const benchForbund = findForbund(benchRegistry, forbund.id);
  if (!benchForbund) throw forbidden();
  return validateDraftRequest(
    request,
    async () => ({ registry: benchRegistry, forbund: benchForbund }),
    principal,
    async () => {
      throw unsupportedMediaType('Bänken tar bara JSON.');
    },
  );
});

app.http('benchValidate', {
  methods: ['POST'],
  route: 'bench/forbund/{forbund}/validate',
  authLevel: 'anonymous',
  handler: benchValidate,
});
