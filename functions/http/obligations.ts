import { z } from 'zod';
import { periodsOfYear } from '../../shared/model/period';
import { templatesForForbund } from '../../shared/model/selectors';
import { obligationsAnswerSchema } from '../../shared/api';
import { badRequest } from '../api/api-error';
import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { forbundDeadline } from '../consolidation/tertial-schedule';
import { statusMatrix } from '../submissions/status-matrix';

const yearSchema = z.coerce.number().int().min(2000).max(2100);

/**
 * GET /api/forbund/{forbund}/obligations?year= — every report the caller's party owes in a year:
 * per period the deadline in force, the lock, and the rows of the status matrix the party is
 * expected in, with state and kansliet's comment on the party's own submissions. Kansliet sees every
 * row and every comment.
 */
export const getObligations = forbundRoute('reporter', async ({ request, services, atYear, principal }) => {
  const year = yearSchema.safeParse(request.query.get('year'));
  if (!year.success) throw badRequest('invalid-year', 'Ange år, t.ex. ?year=2023.');
  const { registry, forbund } = await atYear(year.data);
  const kinds = new Set(templatesForForbund(registry, forbund, year.data).map((t) => t.period.kind));
  const periods = (['tertial', 'halfyear', 'year'] as const)
    .filter((kind) => kinds.has(kind))
    .flatMap((kind) => periodsOfYear(year.data, kind));
  const now = services.now();
  const reporter = principal.role === 'reporter';
  const mine = (parties: readonly string[]) => !reporter || parties.includes(principal.party ?? '');
  // A platform several parties report is done when any of them has sent it, so a co-reporter sees
  // that it was sent and by whom, but kansliet's comment on a return was written to the sender.
  const withoutOthersComment = <R extends { party?: string; stateComment?: string }>(row: R): R => {
    if (!reporter || row.party === undefined || row.party === principal.party) return row;
    const { stateComment: _hidden, ...rest } = row;
    return rest as R;
  };
  const answered = await Promise.all(
    periods.map(async (period) => {
      const [current, settings] = await Promise.all([
        services.repository.listCurrent(forbund.id, period.id),
        services.repository.getPeriod(forbund.id, period.id),
      ]);
      const deadline = settings.deadline ?? forbundDeadline(forbund, period, services.deadlineDays);
      const rows = statusMatrix(registry, forbund, period, current, deadline, now);
      return {
        period: period.id,
        deadline,
        deadlineSet: settings.deadline !== undefined,
        locked: settings.locked,
        rows: rows.filter((r) => mine(r.parties)).map(withoutOthersComment),
      };
    }),
  );
  return answer(obligationsAnswerSchema, 200, { year: year.data, periods: answered.filter((p) => p.rows.length > 0) });
});
