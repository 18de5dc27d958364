import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Principal } from '../../shared/api/principal';
import { getServices, type Services } from '../services';
import { errorResponse } from './error-response';
import { refuseRole, type RouteOptions } from './forbund-route';
import { limitWriteByAddress, limitWriteByPrincipal } from './rate-limit';

export interface AdminCall {
  request: HttpRequest;
  context: InvocationContext;
  principal: Principal;
  services: Services;
}

/** Wraps a handler under /api/admin/: administrators only (`Admin`), everyone else a 403. */
export function adminRoute(
  handler: (call: AdminCall) => Promise<HttpResponseInit>,
  options: RouteOptions = {},
): HttpHandler {
  return async (request, context) => {
    try {
      if (options.writes) limitWriteByAddress(request);
      const services = getServices();
      const principal = await services.verifyToken(request.headers.get('authorization'));
      if (options.writes) limitWriteByPrincipal(principal.subject);
      if (principal.role !== 'admin') refuseRole('admin');
      return await handler({ request, context, principal, services });
    } catch (error) {
      return errorResponse(error, context);
    }
  };
}
