/**
 * The local Azure Functions host: loads the Function App's own `app.http` / `app.timer`
 * registrations (through `@azure/functions-core`, as the Azure worker does) and serves them.
 */
export {
  applyLocalSettings,
  readHostSettings,
  readRequestBodyLimit,
  REQUEST_BODY_LIMIT_SETTING,
  type HostSettings,
} from './app-files';
export { describeFunctions } from './describe';
export {
  AppLoadError,
  loadFunctionApp,
  readMainPattern,
  type FunctionApp,
  type LoadFunctionAppOptions,
} from './function-app';
export { createConsoleLogger, type HostLogger } from './host-logger';
export { HostStartError, startLocalHost, type LocalHost, type LocalHostOptions } from './local-host';
export { parseNcrontab, CronError, type CronSchedule } from './ncrontab';
export { poisonQueueName, RUNTIME_LEASE_MS, type QueueListener } from './queue-listener';
export { startQueueListeners } from './queue-listeners';
export type { QueueSettings } from './queue-settings';
export { compileRoute, RouteTemplateError, type CompiledRoute } from './route-template';
export { timerTriggerData } from './timer-data';
export type { RegisteredFunction } from './core-runtime';
