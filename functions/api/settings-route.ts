import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { belongsTo, hasRole, type Principal } from '../../shared/api/principal';
import { forbundIdSchema } from '../../shared/model/ids';
import type { SettingsScope } from '../configuration/settings-service';
import type { ConfigurationSnapshot } from '../configuration/snapshot';
import type { Services } from '../services';
import { badRequest, forbidden } from './api-error';
import { errorResponse } from './error-response';
import { authenticate, refuseRole, type RouteOptions } from './forbund-route';

export interface SettingsCall {
  request: HttpRequest;
  context: InvocationContext;
  principal: Principal;
  services: Services;
  snapshot: ConfigurationSnapshot;
  forbundId: string;
  /** The year in the route, when it has one. */
  year: number;
  /** Whether the förbund has any settings yet; only an administrator reaches one that has not. */
  exists: boolean;
}

const NO_ACCESS = 'Du har inte behörighet till detta förbund.';

/** The store, the cache and the submissions a settings call works with, for its förbund and year. */
export function settingsScope(call: SettingsCall, year = call.year): SettingsScope {
  return {
    store: call.services.configurationStore,
    snapshot: call.snapshot,
    submissions: call.services.repository,
    forbundId: call.forbundId,
    year,
  };
}

/**
 * Wraps a settings handler under /api/forbund/{forbund}/settings: kansliet of the förbund, or an
 * administrator — who may also name a förbund that does not exist yet, to create it. Anyone else
 * gets the same 403 as for any route of another förbund.
 */
export function settingsRoute(
  handler: (call: SettingsCall) => Promise<HttpResponseInit>,
  options: RouteOptions = {},
): HttpHandler {
  return async (request, context) => {
    try {
      const { services, principal } = await authenticate(request, options);
      const forbundId = request.params.forbund ?? '';
      if (!belongsTo(principal, forbundId)) throw forbidden(NO_ACCESS);
      const snapshot = await services.configuration.current();
      const exists = snapshot.has(forbundId);
      if (!exists && principal.role !== 'admin') throw forbidden(NO_ACCESS);
      if (!hasRole(principal, 'kansli')) refuseRole('kansli');
      if (!forbundIdSchema.safeParse(forbundId).success)
        throw badRequest('invalid-forbund', 'Förbundets id får bara innehålla a–z, 0–9 och bindestreck.');
      const yearText = request.params.year ?? request.query.get('year') ?? String(services.now().getFullYear());
      if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000 || Number(yearText) > 2100)
        throw badRequest('invalid-year', 'Ange år med fyra siffror, t.ex. 2024.');
      return await handler({
        request,
        context,
        principal,
        services,
        snapshot,
        forbundId,
        year: Number(yearText),
        exists,
      });
    } catch (error) {
      return errorResponse(error, context);
    }
  };
}
