/**
 * A handler whose module loads on its first call.
 *
 * The worker requires every registration while it indexes the app, before the first request;
 * a registration that imported its handler would put every handler's dependencies — zod, the
 * storage SDKs, jose, the configuration's registry — on every cold start, whatever the request.
 * Registrations therefore name their handler through this, and a cold instance loads only what
 * the functions it runs need (BENCHMARKS.md, cold import, measures it against a bare app).
 *
 * @example
 * app.http('status', {
 *   route: 'forbund/{forbund}/status',
 *   handler: lazyHandler(() => (require('../http/status') as typeof import('../http/status')).getStatus),
 * });
 */
export function lazyHandler<A extends unknown[], R>(load: () => (...args: A) => R): (...args: A) => R {
  let handler: ((...args: A) => R) | undefined;
  return (...args) => (handler ??= load())(...args);
}
