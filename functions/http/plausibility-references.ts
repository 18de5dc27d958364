import { referencesAnswerSchema } from '../../shared/api';
import { parsePeriod } from '../../shared/model/period';
import { badRequest } from '../api/api-error';
import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { draftParty, loadReferences } from '../submissions/references';

/**
 * GET /api/forbund/{forbund}/references?templateId=&period=&scope= — the caller's own series'
 * earlier figures (last year, last tertial), so the pane gives the plausibility varning before
 * sending, with the same shared check the API runs on submit. A reporter only ever gets their
 * own party's figures.
 */
export const getReferences = forbundRoute('reporter', async ({ request, services, principal, current, atYear }) => {
  const [templateId, period, scope] = ['templateId', 'period', 'scope'].map((k) => request.query.get(k) ?? '');
  if (!templateId || !period || !scope)
    throw badRequest('missing-parameter', 'Ange mall, period och vad uppgifterna gäller.');
  const party = draftParty(principal, { party: request.query.get('party') ?? undefined });
  // The förbund and templates as the period's year has them (a malformed period finds no references).
  const year = parsePeriod(period)?.year;
  const { registry, forbund } = year === undefined ? current : await atYear(year);
  const references = await loadReferences(services.repository, registry, forbund, {
    templateId,
    period,
    scope,
    party,
  });
  return answer(referencesAnswerSchema, 200, { references });
});
