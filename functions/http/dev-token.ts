/**
 * POST /api/dev/token {forbund?, party?, role} — signs a dev-issuer token for the task pane's
 * development login ("Logga in som …"), so the pane can be used against the local stack
 * without Entra ID.
 *
 * It exists only where the dev issuer is trusted anyway: with AUTH_MODE=dev and SAMLAD_ENV
 * other than production it answers; otherwise it answers 404 as if it were not there (config
 * already refuses the dev issuer in production, this is the second lock). Anyone who can reach
 * a dev-mode API can mint tokens with the public dev key regardless, so this adds no power.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { z } from 'zod';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { findParty } from '../../shared/model/selectors';
import { badRequest, notFound } from '../api/api-error';
import { answer, errorResponse } from '../api/error-response';
import { readJson } from '../api/read-body';
import { signDevToken } from '../auth/dev-token';
import { getConfig, type AppConfig } from '../config';
import { getServices } from '../services';
import { devTokenAnswerSchema } from '../../shared/api';

const bodySchema = z
  .object({
    forbund: z.string().min(1).max(60).optional(),
    party: z.string().min(1).max(60).optional(),
    role: z.enum(['reporter', 'kansli', 'admin']),
  })
  .strict();

/** A förbund as it is now, from the configuration store. */
export type ForbundLookup = (id: string) => Promise<ForbundConfig | undefined>;

const storedForbund: ForbundLookup = async (id) => {
  const services = getServices();
  return (await (await services.configuration.current()).forbund(id, services.now().getFullYear()))?.forbund;
};

/** Dev tokens live for a working day, like the CLI's. */
const EXPIRES_IN_SECONDS = 8 * 3600;

/** The handler, over a settings and a förbund source so tests can try every mode without a new process. */
export const devTokenHandler =
  (readConfig: () => AppConfig = getConfig, findForbund: ForbundLookup = storedForbund) =>
  async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    try {
      const config = readConfig();
      if (config.auth.mode !== 'dev' || config.environment === 'production') throw notFound();
      const body = await readJson(request, bodySchema);
      if (body.role === 'admin') {
        const token = await signDevToken(
          { role: 'admin', name: 'Utvecklare (administratör)', expiresInSeconds: EXPIRES_IN_SECONDS },
          config.auth,
        );
        return answer(devTokenAnswerSchema, 200, { token, expiresInSeconds: EXPIRES_IN_SECONDS });
      }
      const forbund = body.forbund ? await findForbund(body.forbund) : undefined;
      if (!forbund) throw badRequest('unknown-forbund', `Förbundet ”${body.forbund ?? ''}” finns inte.`);
      if (body.role === 'reporter') {
        if (!body.party || !findParty(forbund, body.party))
          throw badRequest('unknown-party', 'Välj en part i förbundet för att rapportera.');
      }
      const party = body.role === 'reporter' ? body.party : undefined;
      const token = await signDevToken(
        {
          forbund: forbund.id,
          party,
          role: body.role,
          name: party
            ? `Utvecklare (${findParty(forbund, party)?.name ?? party})`
            : `Utvecklare (kansliet, ${forbund.shortName})`,
          expiresInSeconds: EXPIRES_IN_SECONDS,
        },
        config.auth,
      );
      return answer(devTokenAnswerSchema, 200, { token, expiresInSeconds: EXPIRES_IN_SECONDS });
    } catch (error) {
      return errorResponse(error, context);
    }
  };

export const devToken = devTokenHandler();
