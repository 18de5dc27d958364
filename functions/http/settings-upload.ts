import { settingsProposalAnswerSchema } from '../../shared/api';
import { answer } from '../api/error-response';
import { actorOf } from '../api/forbund-route';
import { settingsRoute, settingsScope } from '../api/settings-route';
import { proposeSettings } from '../configuration/settings-service';
import { readSettingsRequest } from '../settings-workbook/read-request';

/**
 * POST /api/forbund/{forbund}/settings/{year}/versions — an *Inställningar* workbook (.xlsx),
 * the open workbook's areas or a settings document (JSON). Checked; with errors a 422 whose
 * details list the findings (sheet and cell) and the changes, nothing stored; otherwise stored
 * as the year's next version (201), or the stored version it equals (200). Never active until
 * POST …/activate.
 */
export const uploadSettings = settingsRoute(
  async (call) => {
    const { upload, comment } = await readSettingsRequest(call.request);
    const { status, answer: body } = await proposeSettings(
      settingsScope(call),
      upload,
      actorOf(call.principal),
      comment,
    );
    return answer(settingsProposalAnswerSchema, status, body);
  },
  { writes: true },
);
