import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { findForbund, findParty } from '../../shared/model/selectors';
import { belongsTo, hasRole, type Principal, type Role } from '../../shared/api/principal';
import { forbidden, notFound } from './api-error';
import { errorResponse } from './error-response';
import { limitWriteByAddress, limitWriteByPrincipal } from './rate-limit';
import { getServices, type Services } from '../services';

export interface ForbundCall {
  request: HttpRequest;
  context: InvocationContext;
  principal: Principal;
  forbund: ForbundConfig;
  services: Services;
}

const NO_ACCESS = 'Du har inte behörighet till detta förbund.';

/** The ids a route reads from its path (besides {forbund}), each with the check its values must pass. */
export type RouteIds = Readonly<Record<string, (value: string) => boolean>>;

export interface RouteOptions {
  /**
   * A route that stores something: limited per client address (before the token is checked)
   * and per principal (after), answering 429 with Retry-After beyond the allowance.
   */
  writes?: boolean;
  /** Checked before the handler runs, so before any storage call; a malformed id is a 404. */
  ids?: RouteIds;
}

/**
 * Wraps a handler under /api/forbund/{forbund}/: authenticates the caller, and refuses a
 * förbund that is not theirs with the same 403 whether or not it exists, so nothing about
 * another tenant leaks; then checks the route's other ids by their patterns, so no malformed
 * id reaches storage. Every error leaves through errorResponse.
 */
export function forbundRoute(
  minimumRole: Role,
  handler: (call: ForbundCall) => Promise<HttpResponseInit>,
  options: RouteOptions = {},
): HttpHandler {
  return async (request, context) => {
    try {
      if (options.writes) limitWriteByAddress(request);
      const services = getServices();
      const principal = await services.verifyToken(request.headers.get('authorization'));
      if (options.writes) limitWriteByPrincipal(principal.subject);
      const forbundId = request.params.forbund ?? '';
      const forbund = findForbund(services.registry, forbundId);
      if (!forbund || !belongsTo(principal, forbundId)) throw forbidden(NO_ACCESS);
      // A role for a party the förbund does not have is a mistake in the role assignment: refused outright.
      if (principal.party !== undefined && !findParty(forbund, principal.party))
        throw forbidden('Din roll gäller en part som inte finns i förbundet. Be kansliet rätta din behörighet.');
      if (!hasRole(principal, minimumRole))
        throw forbidden(
          minimumRole === 'kansli' ? 'Det här får bara kansliet göra.' : 'Det här får bara en administratör göra.',
        );
      for (const [name, isValid] of Object.entries(options.ids ?? {}))
        if (!isValid(request.params[name] ?? '')) throw notFound('Det du söker finns inte.');
      return await handler({ request, context, principal, forbund, services });
    } catch (error) {
      return errorResponse(error, context);
    }
  };
}

/** {@link forbundRoute} for a route that stores something: limited per address and principal. */
export function forbundWriteRoute(
  minimumRole: Role,
  handler: (call: ForbundCall) => Promise<HttpResponseInit>,
  ids?: RouteIds,
): HttpHandler {
  return forbundRoute(minimumRole, handler, { writes: true, ids });
}

export function actorOf(principal: Principal): { subject: string; name?: string; role: string } {
  return {
    subject: principal.subject,
    name: principal.name,
    role: principal.party ? `${principal.role}:${principal.party}` : principal.role,
  };
}
