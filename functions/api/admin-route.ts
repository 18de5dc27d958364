import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Principal } from '../../shared/api/principal';
import type { Services } from '../services';
import { errorResponse } from './error-response';
import { authenticate, refuseRole, type RouteOptions } from './forbund-route';

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
      const { services, principal } = await authenticate(request, options);
      if (principal.role !== 'admin') refuseRole('admin');
      return await handler({ request, context, principal, services });
    } catch (error) {
      return errorResponse(error, context);
    }
  };
}
