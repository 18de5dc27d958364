/**
 * Routes requests to HTTP-triggered functions by their registered route and methods.
 */
import type { RegisteredFunction } from './core-runtime';
import { compileRoute, comparePrecedence, type CompiledRoute } from './route-template';

export type RouteResolution =
  | { kind: 'found'; fn: RegisteredFunction; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: readonly string[] }
  | { kind: 'not-found' };

interface HttpRoute {
  fn: RegisteredFunction;
  route: CompiledRoute;
  methods: readonly string[] | null;
}

export interface HttpRouter {
  readonly routes: readonly { name: string; template: string; methods: readonly string[] | null }[];
  /** `path` is the part after the route prefix, still percent-encoded, without the query. */
  resolve(method: string, path: string): RouteResolution;
}

export function createHttpRouter(functions: readonly RegisteredFunction[]): HttpRouter {
  const routes: HttpRoute[] = [];
  for (const fn of functions) {
    if (fn.trigger.kind !== 'http') continue;
    routes.push({ fn, route: compileRoute(fn.trigger.route), methods: fn.trigger.methods });
  }
  routes.sort((a, b) => comparePrecedence(a.route, b.route));

  return {
    routes: routes.map((r) => ({ name: r.fn.name, template: r.route.template, methods: r.methods })),
    resolve(method, path) {
      const allow = new Set<string>();
      for (const candidate of routes) {
        const params = candidate.route.match(path);
        if (!params) continue;
        if (candidate.methods === null || candidate.methods.includes(method.toUpperCase())) {
          return { kind: 'found', fn: candidate.fn, params };
        }
        for (const m of candidate.methods) allow.add(m);
      }
      return allow.size > 0 ? { kind: 'method-not-allowed', allow: [...allow] } : { kind: 'not-found' };
    },
  };
}
