import { blankDocument } from '../../shared/settings';
import { badRequest } from '../api/api-error';
import { workbookAnswer } from '../api/workbook-answer';
import { settingsRoute } from '../api/settings-route';
import { servingDocument, versionNotFound } from '../configuration/settings-service';
import { generateSettingsWorkbook } from '../settings-workbook/generate';

/**
 * GET /api/forbund/{forbund}/settings/{year}/workbook[?version=][&format=base64] — the
 * *Inställningar* workbook of the year's active version (or of `version`); for a year without
 * settings of its own, the parties, platforms and templates it carries on from; for a förbund an
 * administrator is about to create, an empty one with its id.
 */
export const settingsWorkbook = settingsRoute(async ({ request, services, snapshot, forbundId, year }) => {
  const asked = request.query.get('version');
  let document = (await servingDocument({ snapshot, forbundId, year }))?.document ?? blankDocument(forbundId, year);
  let version = snapshot.pointer(forbundId, year)?.version ?? null;
  if (asked !== null) {
    if (!/^[1-9]\d{0,5}$/.test(asked))
      throw badRequest('invalid-version', 'Ange versionen med siffror, t.ex. ?version=2.');
    const stored = (await services.configurationStore.listVersions(forbundId, year)).find(
      (v) => String(v.version) === asked,
    );
    if (!stored) throw versionNotFound(year, Number(asked));
    document = await snapshot.documentOf(stored.sha256);
    version = stored.version;
  }
  const xlsx = await generateSettingsWorkbook({
    document,
    templates: snapshot.templates,
    version,
    forbundName: document.name,
    generatedAt: services.now(),
  });
  return workbookAnswer(request, `Installningar_${forbundId}_${year}${version ? `_v${version}` : ''}.xlsx`, xlsx);
});
