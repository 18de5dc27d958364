import { settingsCopyAnswerSchema } from '../../shared/api';
import { answer } from '../api/error-response';
import { actorOf } from '../api/forbund-route';
import { settingsRoute, settingsScope } from '../api/settings-route';
import { copyToNextYear } from '../configuration/settings-service';

/**
 * POST /api/forbund/{forbund}/settings/{year}/copy — *Kopiera till nästa år*: the year's active
 * settings as next year's next version; active at once when next year had none.
 */
export const copySettings = settingsRoute(
  async (call) => {
    const scope = settingsScope(call);
    const { status, answer: body } = await copyToNextYear(scope, actorOf(call.principal));
    if (body.activated) call.services.configuration.invalidate();
    return answer(settingsCopyAnswerSchema, status, body);
  },
  { writes: true },
);
