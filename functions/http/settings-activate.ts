import { z } from 'zod';
import { settingsActivateAnswerSchema } from '../../shared/api';
import { answer } from '../api/error-response';
import { actorOf } from '../api/forbund-route';
import { readJson } from '../api/read-body';
import { settingsRoute, settingsScope } from '../api/settings-route';
import { activateSettings } from '../configuration/settings-service';

const bodySchema = z
  .object({
    version: z.number().int().positive(),
    /** The version the caller saw active (null: none); another activation since is a 409. */
    expectedActive: z.number().int().positive().nullable(),
    /** Chosen from the history (a rollback), not the upload just made. */
    fromHistory: z.boolean().default(false),
  })
  .strict();

/**
 * POST /api/forbund/{forbund}/settings/{year}/activate {version, expectedActive, fromHistory?} —
 * makes a stored version the year's active one, under the pointer's ETag: 409 with a clear
 * message when someone else activated meanwhile, and nothing changes.
 */
export const activateSettingsVersion = settingsRoute(
  async (call) => {
    const body = await readJson(call.request, bodySchema);
    const scope = settingsScope(call);
    const pointer = await activateSettings(scope, body, actorOf(call.principal));
    // This instance sees its own change at once; the others within their refresh interval.
    call.services.configuration.invalidate();
    const { version, sha256, activatedAt, activatedBy } = pointer;
    return answer(settingsActivateAnswerSchema, 200, {
      year: call.year,
      active: { version, sha256, activatedAt, activatedBy },
    });
  },
  { writes: true },
);
