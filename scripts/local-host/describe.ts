/**
 * The start-up listing of functions, like Core Tools prints it.
 */
import type { FunctionApp } from './function-app';
import type { LocalHost } from './local-host';

export function describeFunctions(app: FunctionApp, host: LocalHost, baseUrl: string, routePrefix: string): string[] {
  const prefix = routePrefix === '' ? '' : `/${routePrefix}`;
  const next = host.scheduler?.nextOccurrences();
  return app.functions.map((fn) => {
    switch (fn.trigger.kind) {
      case 'http': {
        const methods = fn.trigger.methods ? fn.trigger.methods.join(',') : 'any';
        return `${fn.name}: [${methods}] ${baseUrl}${prefix}/${fn.trigger.route.replace(/^\/+/, '')}`;
      }
      case 'timer': {
        const at = next?.get(fn.name);
        return `${fn.name}: timerTrigger (${fn.trigger.schedule})${at ? `, next run ${at.toISOString()}` : ''}`;
      }
      case 'queue':
        return `${fn.name}: queueTrigger (${fn.trigger.queueName}, connection ${fn.trigger.connection})`;
      case 'other':
        return `${fn.name}: ${fn.trigger.type} (not triggered locally; run it with POST /admin/functions/${fn.name})`;
    }
  });
}
