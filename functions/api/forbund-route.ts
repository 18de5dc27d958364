import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { findParty } from '../../shared/model/selectors';
import { belongsTo, hasRole, type Principal, type Role } from '../../shared/api/principal';
import type { ConfigurationSnapshot, ForbundAtYear } from '../configuration/snapshot';
import { forbidden, notFound } from './api-error';
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
  const at = snapshot.forbundIfReady(id, year) ?? (await snapshot.forbund(id, year));
  if (!at) throw forbidden(NO_ACCESS);
  return at;
}

/** Whether a party is the förbund's in any year with settings (a reporter may still correct last year). */
async function hasPartyInAnyYear(
  snapshot: ConfigurationSnapshot,
  current: ForbundAtYear,
  party: string,
): Promise<boolean> {
  const id = current.forbund.id;
  const documents = await Promise.all(snapshot.years(id).map((y) => snapshot.yearDocument(id, y)));
  return documents.some((d) => d && findParty(d, party));
}

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
 * Who is calling, with the write limits applied around the token check (per client address
 * before it, per principal after): the start of every route wrapper.
 */
export async function authenticate(
  request: HttpRequest,
  options: Pick<RouteOptions, 'writes'>,
): Promise<{ services: Services; principal: Principal }> {
  if (options.writes) limitWriteByAddress(request);
  const services = getServices();
  const principal = await services.verifyToken(request.headers.get('authorization'));
  if (options.writes) limitWriteByPrincipal(principal.subject);
  return { services, principal };
}

/**
 * Wraps a handler under /api/forbund/{forbund}/: authenticates the caller, and refuses a
 * förbund that is not theirs with the same 403 whether or not it exists, so nothing about
 * another tenant leaks; then checks the route's other ids by their patterns, so no malformed
 * id reaches storage. The förbund comes from the configuration store's cache (no storage read on
 * the way). Every error leaves through errorResponse.
 */
export function forbundRoute(
  minimumRole: Role,
  handler: (call: ForbundCall) => Promise<HttpResponseInit>,
  options: RouteOptions = {},
): HttpHandler {
  return async (request, context) => {
    try {
      const { services, principal } = await authenticate(request, options);
      const forbundId = request.params.forbund ?? '';
      if (!belongsTo(principal, forbundId)) throw forbidden(NO_ACCESS);
      // Ids are checked before anything is read, the configuration included.
      for (const [name, isValid] of Object.entries(options.ids ?? {}))
        if (!isValid(request.params[name] ?? '')) throw notFound('Det du söker finns inte.');
      // Nearly always answered from memory without waiting (see ConfigurationCache.fresh).
      const snapshot = services.configuration.fresh() ?? (await services.configuration.current());
      if (!snapshot.has(forbundId)) throw forbidden(NO_ACCESS);
      const year = services.now().getFullYear();
      const current = snapshot.forbundIfReady(forbundId, year) ?? (await forbundAt(snapshot, forbundId, year));
      // A role for a party the förbund does not have is a mistake in the role assignment: refused outright.
      const party = principal.party;
      if (
        party !== undefined &&
        !findParty(current.forbund, party) &&
        !(await hasPartyInAnyYear(snapshot, current, party))
      )
        throw forbidden('Din roll gäller en part som inte finns i förbundet. Be kansliet rätta din behörighet.');
      if (!hasRole(principal, minimumRole)) refuseRole(minimumRole);
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
