import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { findForbund } from '../../shared/model/selectors';
import { belongsTo, hasRole, type Principal, type Role } from '../../shared/api/principal';
import { forbidden } from './api-error';
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

export interface RouteOptions {
  /**
   * A route that stores something: limited per client address (before the token is checked)
   * and per principal (after), answering 429 with Retry-After beyond the allowance.
   */
  writes?: boolean;
}

/**
 * Wraps a handler under /api/forbund/{forbund}/: authenticates the caller, and refuses a
 * förbund that is not theirs with the same 403 whether or not it exists, so nothing about
 * another tenant leaks. Every error leaves through errorResponse.
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
      if (!hasRole(principal, minimumRole))
        throw forbidden(
          minimumRole === 'kansli' ? 'Det här får bara kansliet göra.' : 'Det här får bara en administratör göra.',
        );
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
): HttpHandler {
  return forbundRoute(minimumRole, handler, { writes: true });
}

export function actorOf(principal: Principal): { subject: string; name?: string; role: string } {
  return {
    subject: principal.subject,
    name: principal.name,
    role: principal.party ? `${principal.role}:${principal.party}` : principal.role,
  };
}
