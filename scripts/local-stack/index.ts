export { findAppRoot } from './app-root';
export { AddinServerStartError, startAddinServer, type AddinServer, type AddinServerOptions } from './addin-server';
export { AzuriteStartError, startAzurite, type AzuriteOptions, type RunningAzurite } from './azurite';
export { provideDevStorage, wantsLocalAzurite } from './dev-storage';
export { createLifecycle, exitOnSignals, runMain, type Lifecycle } from './lifecycle';
export { localSettingsFile, readStackSettings, StackSettingsError, type StackSettings } from './stack-settings';

/** Error names whose message alone tells the user what to fix. */
export const expectedStartupErrors = [
  'ConfigError',
  'StackSettingsError',
  'AzuriteStartError',
  'HostStartError',
  'AddinServerStartError',
  'RegistrationError',
  'RouteTemplateError',
  'CronError',
] as const;
