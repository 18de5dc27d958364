import { settingsAnswerSchema } from '../../shared/api';
import { structureYear } from '../../shared/settings';
import { answer } from '../api/error-response';
import { settingsRoute } from '../api/settings-route';

/**
 * GET /api/forbund/{forbund}/settings?year= — kansliet (or an administrator): the year's active
 * settings version, the year they carry on from when it has none, and every stored version.
 */
export const settingsOverview = settingsRoute(async ({ services, snapshot, forbundId, year, exists }) => {
  const versions = exists ? await services.configurationStore.listVersions(forbundId, year) : [];
  const pointer = snapshot.pointer(forbundId, year);
  const name = exists ? (await snapshot.forbund(forbundId, year))?.forbund.name : undefined;
  return answer(settingsAnswerSchema, 200, {
    forbund: name ? { id: forbundId, name } : null,
    year,
    active: pointer
      ? {
          version: pointer.version,
          sha256: pointer.sha256,
          activatedAt: pointer.activatedAt,
          activatedBy: pointer.activatedBy,
        }
      : null,
    servedBy: structureYear(snapshot.years(forbundId), year) ?? null,
    versions: versions.map((v) => ({ ...v, active: v.version === pointer?.version })).reverse(),
  });
});
