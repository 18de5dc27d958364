import { z } from 'zod';
import { parsePeriod } from '../../shared/model/period';
import { reportsOfPeriod } from '../../shared/model/selectors';
import { answer } from '../api/error-response';
import { actorOf, forbundWriteRoute } from '../api/forbund-route';
import { requirePeriodParam } from '../api/query';
import { readJson } from '../api/read-body';
import { periodAnswerSchema } from '../../shared/api';

const body = z
  .object({
    deadline: z.iso.datetime({ offset: true }).nullable().optional(),
    locked: z.boolean(),
  })
  .strict();

/** PUT /api/forbund/{forbund}/periods/{period} — deadline and lock; kansliet or an admin. */
export const putPeriod = forbundWriteRoute(
  'kansli',
  async ({ request, services, principal, atYear }) => {
    const period = requirePeriodParam(request);
    const settings = await readJson(request, body);
    const { registry, forbund } = await atYear(period.year);
    const saved = await services.repository.putPeriod(
      forbund.id,
      period.id,
      { deadline: settings.deadline ?? undefined, locked: settings.locked },
      actorOf(principal),
      reportsOfPeriod(registry, forbund, period),
    );
    return answer(periodAnswerSchema, 200, { period: period.id, ...saved });
  },
  { period: (id) => parsePeriod(id) !== undefined },
);
