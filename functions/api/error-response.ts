import { randomUUID } from 'node:crypto';
import type { HttpResponseInit, InvocationContext } from '@azure/functions';
import type { z } from 'zod';
import type { ErrorBody } from '../../shared/api';
import { renderFinding } from '../../shared/validation/messages-sv';
import { AuthenticationError, KeyServiceUnavailableError } from '../auth/token-verifier';
import { logEvent } from '../log-event';
import { ApiError, serviceUnavailable, unauthorized } from './api-error';

/** Storage that cannot be reached is worth a retry; the client is told when. */
export function isTransientStorageError(error: unknown): boolean {
  const e = error as { code?: string; statusCode?: number; name?: string };
  if (e?.name === 'RestError' && (e.statusCode === undefined || e.statusCode >= 500)) return true;
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(e?.code ?? '');
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Cache-Control': 'no-store', ...headers } };
}

/**
 * A JSON answer in the API's contract (shared/api): the compiler holds `body` to the schema's
 * shape, the one the pane parses it with. Not parsed here at run time (an answer is built from
 * typed data); tests/api/contract.test.ts sends every route's real answer through the pane's parser.
 */
export function answer<S extends z.ZodType>(
  _schema: S,
  status: number,
  body: z.input<S>,
  headers: Record<string, string> = {},
): HttpResponseInit {
  return jsonResponse(status, body, headers);
}

/**
 * The one place where errors become HTTP responses. Every body is `{code, message}` in
 * Swedish, with findings when there are some; anything unexpected is a 500 with a correlation
 * id to quote, and its details go to the log only.
 */
export function errorResponse(error: unknown, context: InvocationContext): HttpResponseInit {
  const known =
    error instanceof AuthenticationError
      ? unauthorized()
      : error instanceof KeyServiceUnavailableError
        ? serviceUnavailable(
            'Inloggningen kan inte kontrolleras just nu (Microsofts nyckeltjänst svarar inte). ' +
              'Försök igen om en stund.',
            30,
          )
        : isTransientStorageError(error)
          ? serviceUnavailable('Lagringen svarar inte just nu. Försök igen om en stund – inget har sparats.')
          : error;
  if (known instanceof ApiError) {
    const findings = known.extra.findings?.map((f) => ({ ...f, message: renderFinding(f) }));
    if (known.status >= 500 || known.status === 429)
      logEvent(
        context,
        'warn',
        'request.refused',
        { status: known.status, code: known.code },
        known === error ? undefined : error,
      );
    const body: ErrorBody = {
      code: known.code,
      message: known.messageSv,
      ...(findings ? { findings } : {}),
      ...(known.extra.details ? { details: known.extra.details } : {}),
    };
    return jsonResponse(known.status, body, known.extra.headers);
  }
  const correlationId =
    context.invocationId && context.invocationId !== 'unknown' ? context.invocationId : randomUUID();
  logEvent(context, 'error', 'request.failed', { errorCode: correlationId }, error);
  const body: ErrorBody = {
    code: 'internal',
    message: `Ett oväntat fel inträffade. Uppge felkod ${correlationId} om du kontaktar kansliet.`,
    correlationId,
  };
  return jsonResponse(500, body);
}
