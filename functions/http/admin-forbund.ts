import { forbundListAnswerSchema } from '../../shared/api';
import { adminRoute } from '../api/admin-route';
import { answer } from '../api/error-response';
import { listForbund } from '../configuration/forbund-list';

/**
 * GET /api/admin/forbund — administrators: every förbund with settings, its parties over all its
 * years and which years have settings of their own. The app roles to register in Entra ID
 * (`Kansli.<förbund>`, `Reporter.<förbund>.<part>`) follow from it.
 */
export const adminForbund = adminRoute(async ({ services }) => {
  const snapshot = await services.configuration.current();
  return answer(forbundListAnswerSchema, 200, { forbund: await listForbund(snapshot, services.now().getFullYear()) });
});
