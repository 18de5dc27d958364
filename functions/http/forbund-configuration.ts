import { app } from '@azure/functions';
import { forbundConfigurationAnswerSchema } from '../../shared/api';
import { badRequest } from '../api/api-error';
import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';

/**
 * GET /api/forbund/{forbund}/configuration?year= — the förbund as the year sees it, for the
 * pane's own validation: the same parties, platforms and year settings the API checks with.
 */
export const forbundConfiguration = forbundRoute('reporter', async ({ request, services, atYear }) => {
  const yearText = request.query.get('year') ?? String(services.now().getFullYear());
  if (!/^\d{4}$/.test(yearText)) throw badRequest('invalid-year', 'Ange år med fyra siffror, t.ex. ?year=2024.');
  const at = await atYear(Number(yearText));
  return answer(forbundConfigurationAnswerSchema, 200, {
    year: Number(yearText),
    forbund: at.forbund,
    settings: at.settings,
  });
});

app.http('forbundConfiguration', {
  methods: ['GET'],
  route: 'forbund/{forbund}/configuration',
  authLevel: 'anonymous',
  handler: forbundConfiguration,
});
