import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { requirePeriodParam } from '../api/query';
import { submissionsAnswerSchema } from '../../shared/api';

/** GET /api/forbund/{forbund}/submissions?period= — a reporter sees their own party's; kansliet sees all. */
export const listSubmissions = forbundRoute('reporter', async ({ request, services, forbund, principal }) => {
  const period = requirePeriodParam(request);
  const [current, versions] = await Promise.all([
    services.repository.listCurrent(forbund.id, period.id),
    services.repository.listVersions(forbund.id, period.id),
  ]);
  const visible = <T extends { party: string }>(items: T[]) =>
    principal.role === 'reporter' ? items.filter((i) => i.party === principal.party) : items;
  return answer(submissionsAnswerSchema, 200, {
    period: period.id,
    current: visible(current),
    versions: visible(versions),
  });
});
