import { forbundConfigurationAnswerSchema } from '../../shared/api';
import { badRequest } from '../api/api-error';
import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';

/**
 * GET /api/forbund/{forbund}/configuration?year= — the förbund as the year sees it, with every
 * version of the templates it uses, for the pane's own validation: the same parties, platforms,
 * year settings and templates the API checks with.
 */
export const forbundConfiguration = forbundRoute('reporter', async ({ request, services, atYear }) => {
  const yearText = request.query.get('year') ?? String(services.now().getFullYear());
  if (!/^\d{4}$/.test(yearText)) throw badRequest('invalid-year', 'Ange år med fyra siffror, t.ex. ?year=2024.');
  const at = await atYear(Number(yearText));
  const templates = at.registry.templates.filter(
    (t) => at.forbund.templates.includes(t.id) && (t.forbund === undefined || t.forbund.includes(at.forbund.id)),
  );
  return answer(forbundConfigurationAnswerSchema, 200, {
    year: Number(yearText),
    forbund: at.forbund,
    settings: at.settings,
    templates,
  });
});
