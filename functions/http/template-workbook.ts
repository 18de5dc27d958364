import { resolveTemplate } from '../../shared/model/resolve';
import { templateIdSchema } from '../../shared/model/ids';
import { findTemplate, maySubmit, scopesOf } from '../../shared/model/selectors';
import { badRequest, forbidden, notFound, unprocessable } from '../api/api-error';
import { forbundRoute } from '../api/forbund-route';
import { workbookAnswer } from '../api/workbook-answer';
import { requirePeriodParam } from '../api/query';
import { generateTemplateWorkbook } from '../template-workbook';

/**
 * GET /api/forbund/{forbund}/templates/{id}/workbook?period=&scope=[&format=base64]
 * The template as .xlsx, or as base64 JSON ready for Excel's insertWorksheetsFromBase64.
 */
export const getTemplateWorkbook = forbundRoute(
  'reporter',
  async ({ request, services, principal, atYear }) => {
    const period = requirePeriodParam(request);
    const { registry, forbund } = await atYear(period.year);
    const id = request.params.id ?? '';
    const definition = forbund.templates.includes(id) ? findTemplate(registry, id, period.year) : undefined;
    if (!definition) throw notFound(`Mallen ”${id}” finns inte för ${period.year}.`);
    if (definition.period.kind !== period.kind)
      throw unprocessable('wrong-period-kind', `Mallen ”${definition.title}” lämnas inte för perioden ${period.id}.`);
    const scopeId = request.query.get('scope') ?? '';
    const scope = scopesOf(definition, forbund).find((s) => s.id === scopeId);
    if (!scope)
      throw badRequest(
        'invalid-scope',
        `Ange vad mallen gäller med ?scope=, t.ex. ${scopesOf(definition, forbund)[0]?.id ?? ''}.`,
      );
    if (principal.role === 'reporter' && !maySubmit(definition, forbund, principal.party ?? '', scope.id))
      throw forbidden('Din part lämnar inte den här mallen för det som valts under Gäller.');
    const xlsx = await generateTemplateWorkbook({
      template: resolveTemplate(definition, forbund, period.year),
      forbund,
      period,
      scope,
      generatedAt: services.now(),
    });
    const fileName = `${definition.id}_${forbund.id}_${period.id}_${scope.id}.xlsx`;
    return workbookAnswer(request, fileName, xlsx);
  },
  { ids: { id: (id) => templateIdSchema.safeParse(id).success } },
);
