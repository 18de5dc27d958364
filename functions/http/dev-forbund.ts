/**
 * GET /api/dev/forbund — the förbund and parties the task pane's dev login offers, from the
 * configuration store (so a förbund created by an administrator can be signed into at once).
 * Like POST /api/dev/token it exists only with AUTH_MODE=dev outside production (404 otherwise).
 */
import { type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { forbundListAnswerSchema } from '../../shared/api';
import { notFound } from '../api/api-error';
import { answer, errorResponse } from '../api/error-response';
import { getConfig } from '../config';
import { listForbund } from '../configuration/forbund-list';
import { getServices } from '../services';

export async function devForbund(_request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  try {
    const config = getConfig();
    if (config.auth.mode !== 'dev' || config.environment === 'production') throw notFound();
    const services = getServices();
    const snapshot = await services.configuration.current();
    return answer(forbundListAnswerSchema, 200, { forbund: await listForbund(snapshot, services.now().getFullYear()) });
  } catch (error) {
    return errorResponse(error, context);
  }
}
