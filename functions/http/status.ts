import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { requirePeriodParam } from '../api/query';
import { configuredDeadline } from '../../shared/model/year-settings-schema';
import { statusMatrix } from '../submissions/status-matrix';
import { statusAnswerSchema } from '../../shared/api';

/** GET /api/forbund/{forbund}/status?period= — the completeness matrix for kansliet. */
export const getStatus = forbundRoute('kansli', async ({ request, services, atYear }) => {
  const period = requirePeriodParam(request);
  const { registry, forbund } = await atYear(period.year);
  const [current, settings] = await Promise.all([
    services.repository.listCurrent(forbund.id, period.id),
    services.repository.getPeriod(forbund.id, period.id),
  ]);
  // A deadline kansliet set for the period wins over the one the year's settings give.
  const deadline = settings.deadline ?? configuredDeadline(forbund.years, period);
  const rows = statusMatrix(registry, forbund, period, current, { ...settings, deadline }, services.now());
  return answer(statusAnswerSchema, 200, {
    period: period.id,
    deadline: deadline ?? null,
    locked: settings.locked,
    rows,
  });
});
