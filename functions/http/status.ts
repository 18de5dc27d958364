import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { requirePeriodParam } from '../api/query';
import { statusMatrix } from '../submissions/status-matrix';
import { statusAnswerSchema } from '../../shared/api';

/** GET /api/forbund/{forbund}/status?period= — the completeness matrix for kansliet. */
export const getStatus = forbundRoute('kansli', async ({ request, services, forbund }) => {
  const period = requirePeriodParam(request);
  const [current, settings] = await Promise.all([
    services.repository.listCurrent(forbund.id, period.id),
    services.repository.getPeriod(forbund.id, period.id),
  ]);
  const rows = statusMatrix(services.registry, forbund, period, current, settings, services.now());
  return answer(statusAnswerSchema, 200, {
    period: period.id,
    deadline: settings.deadline ?? null,
    locked: settings.locked,
    rows,
  });
});
