import { parsePeriod } from '../../shared/model/period';
import { badRequest } from '../api/api-error';
import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { reportsAnswerSchema } from '../../shared/api';

/** GET /api/forbund/{forbund}/reports[?period=] — kansliet's consolidated reports, newest first. */
export const listReports = forbundRoute('kansli', async ({ request, services, forbund }) => {
  const period = request.query.get('period') ?? undefined;
  if (period !== undefined && !parsePeriod(period))
    throw badRequest('invalid-period', `Perioden ”${period}” finns inte. Skriv t.ex. 2023 eller 2023T2.`);
  const reports = await services.reports.list(forbund.id, period);
  return answer(reportsAnswerSchema, 200, { reports });
});
