/**
 * Decides whether the local stack provides storage itself (Azurite) and, if so, points the
 * app at it. The app's own config (functions/config.ts) then reads the result as any other
 * setting.
 */
import type { HostLogger } from '../local-host';
import { startAzurite, type RunningAzurite } from './azurite';
import type { StackSettings } from './stack-settings';

/** True when no storage is configured, or only "UseDevelopmentStorage=true". */
export function wantsLocalAzurite(env: NodeJS.ProcessEnv): boolean {
  const configured = env['STORAGE_CONNECTION_STRING'] || env['AzureWebJobsStorage'];
  return !configured || /^\s*UseDevelopmentStorage=true\s*;?\s*$/i.test(configured);
}

/**
 * Starts Azurite when the app wants development storage, persisting under the configured
 * folder, and sets STORAGE_CONNECTION_STRING to its actual ports. Returns undefined when
 * the app is configured for another storage account.
 */
export async function provideDevStorage(
  settings: StackSettings,
  env: NodeJS.ProcessEnv,
  logger: HostLogger,
): Promise<RunningAzurite | undefined> {
  if (!wantsLocalAzurite(env)) {
    logger.log('information', 'stack', 'Storage: using the configured connection string; Azurite not started');
    return undefined;
  }
  const azurite = await startAzurite({ ...settings.azurite });
  env['STORAGE_CONNECTION_STRING'] = azurite.connectionString;
  return azurite;
}
