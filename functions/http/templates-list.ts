import { badRequest } from '../api/api-error';
import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { scopesForParty, scopesOf, templatesForForbund } from '../../shared/model/selectors';
import { templatesAnswerSchema } from '../../shared/api';

/** GET /api/forbund/{forbund}/templates?year= — the definitions the caller may fill, with their scopes. */
export const listTemplates = forbundRoute('reporter', async ({ request, services, principal, atYear }) => {
  const yearText = request.query.get('year') ?? String(services.now().getFullYear());
  if (!/^\d{4}$/.test(yearText)) throw badRequest('invalid-year', 'Ange år med fyra siffror, t.ex. ?year=2023.');
  const year = Number(yearText);
  const { registry, forbund } = await atYear(year);
  const templates = templatesForForbund(registry, forbund, year)
    .map((definition) => ({
      definition,
      scopes:
        principal.role === 'reporter'
          ? scopesForParty(definition, forbund, principal.party ?? '')
          : scopesOf(definition, forbund),
    }))
    .filter((t) => t.scopes.length > 0);
  return answer(templatesAnswerSchema, 200, { forbund: { id: forbund.id, name: forbund.name }, year, templates });
});
