import { templateCatalogueAnswerSchema } from '../../shared/api';
import { registry as shipped } from '../../shared/config/registry';
import { adminRoute } from '../api/admin-route';
import { answer } from '../api/error-response';
import { catalogueEntries } from '../configuration/template-catalogue';

/** GET /api/admin/templates — administrators: every template version, built in or added as data. */
export const adminTemplates = adminRoute(async ({ services }) => {
  const snapshot = await services.configuration.current();
  return answer(templateCatalogueAnswerSchema, 200, {
    templates: catalogueEntries(snapshot, new Set(shipped.templates)),
  });
});
