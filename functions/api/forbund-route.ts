import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { belongsTo, hasRole, type Principal, type Role } from '../../shared/api/principal';
import type { ConfigurationSnapshot, ForbundAtYear } from '../configuration/snapshot';
import { forbidden } from './api-error';
import { errorResponse } from './error-response';
import { limitWriteByAddress, limitWriteByPrincipal } from './rate-limit';
import { getServices, type Services } from '../services';

export interface ForbundCall {
  request: HttpRequest;
  context: InvocationContext;
  principal: Principal;
  /** The förbund as this year sees it (its name, parties and platforms now). */
  forbund: ForbundConfig;
  /** The same with its registry and settings version. */
  current: ForbundAtYear;
  /** The förbund as another year sees it: a period's own parties, platforms, templates and settings. */
  atYear: (year: number) => Promise<ForbundAtYear>;
  snapshot: ConfigurationSnapshot;
  services: Services;
}

const NO_ACCESS = 'Du har inte behörighet till detta förbund.';

export function refuseRole(minimumRole: Role): never {
  throw forbidden(
    minimumRole === 'kansli' ? 'Det här får bara kansliet göra.' : 'Det här får bara en administratör göra.',
  );
}

/** The förbund as a year sees it; a year before or after all of its settings takes the nearest. */
export async function forbundAt(snapshot: ConfigurationSnapshot, id: string, year: number): Promise<ForbundAtYear> {
  const at = await snapshot.forbund(id, year);
  if (!at) throw forbidden(NO_ACCESS);
  return at;
}

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
 * another tenant leaks. The förbund comes from the configuration store's cache (no storage read
 * on the way). Every error leaves through errorResponse.
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
      if (!belongsTo(principal, forbundId)) throw forbidden(NO_ACCESS);
      const snapshot = await services.configuration.current();
      if (!snapshot.has(forbundId)) throw forbidden(NO_ACCESS);
      if (!hasRole(principal, minimumRole)) refuseRole(minimumRole);
      const current = await forbundAt(snapshot, forbundId, services.now().getFullYear());
      return await handler({
        request,
        context,
        principal,
        forbund: current.forbund,
        current,
        atYear: (year) => forbundAt(snapshot, forbundId, year),
        snapshot,
        services,
      });
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
