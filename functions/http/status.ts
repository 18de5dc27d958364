import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { requirePeriodParam } from '../api/query';
import { forbundDeadline } from '../consolidation/tertial-schedule';
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
  const fallback = forbundDeadline(forbund, period, services.deadlineDays);
  const deadline = settings.deadline ?? fallback;
  const rows = statusMatrix(registry, forbund, period, current, deadline, services.now());
  return answer(statusAnswerSchema, 200, {
    period: period.id,
    deadline: settings.deadline ?? null,
    defaultDeadline: fallback,
    locked: settings.locked,
    rows,
  });
});
