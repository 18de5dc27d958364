/**
 * Decides whether the local stack provides storage itself (Azurite) and, if so, points the
 * app at it. The app's own config (functions/config.ts) then reads the result as any other
 * setting.
 */
import { appStorageConnectionName, resolveStorageConnection } from '../../functions/storage/storage-settings';
import type { HostLogger } from '../local-host';
import { startAzurite, type RunningAzurite } from './azurite';
import type { StackSettings } from './stack-settings';

/**
 * True when no storage is configured (no connection string, no identity settings), or only
 * "UseDevelopmentStorage=true".
 */
export function wantsLocalAzurite(env: NodeJS.ProcessEnv): boolean {
  const name = appStorageConnectionName(env);
  const configured = env[name]?.trim();
  if (configured) return /^UseDevelopmentStorage=true\s*;?$/i.test(configured);
  const resolved = resolveStorageConnection(env, name, { production: false });
  return resolved.ok && resolved.connection.form === 'azurite-default';
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
