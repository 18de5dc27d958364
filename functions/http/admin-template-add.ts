import { z } from 'zod';
import { templateAddedAnswerSchema } from '../../shared/api';
import { adminRoute } from '../api/admin-route';
import { answer } from '../api/error-response';
import { actorOf } from '../api/forbund-route';
import { readJson } from '../api/read-body';
import { addTemplate } from '../configuration/template-catalogue';

const bodySchema = z
  .object({ definition: z.record(z.string(), z.unknown()), comment: z.string().trim().min(1).max(2000).optional() })
  .strict();

/**
 * POST /api/admin/templates {definition, comment?} — administrators: a template definition, or a
 * new version of one, as data. 201 when stored, 200 when the same was stored before, 422 with
 * the schema's findings, 409 for a version that exists (versions are never changed, only
 * succeeded). A förbund then chooses it in its settings (Mallar).
 */
export const adminTemplateAdd = adminRoute(
  async ({ request, services, principal }) => {
    const body = await readJson(request, bodySchema);
    const snapshot = await services.configuration.current();
    const added = await addTemplate(
      services.configurationStore,
      snapshot,
      body.definition,
      actorOf(principal),
      body.comment,
      services.now(),
    );
    if (added.status === 201) services.configuration.invalidate();
    const { id, version, title, years } = added.definition;
    return answer(templateAddedAnswerSchema, added.status, {
      outcome: added.status === 201 ? 'stored' : 'unchanged',
      template: { id, version, title, years, builtIn: false, sha256: added.sha256 },
    });
  },
  { writes: true },
);
