/**
 * Settings of the local development stack (`npm start`, `npm run timer`): ports and folders.
 * Kept apart from functions/config.ts on purpose: the Function App on Azure never reads
 * these, so a stray value here can never stop the deployed app from starting.
 */
import path from 'node:path';
import { z } from 'zod';

const port = (fallback: number) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? fallback : value),
    z.coerce
      .number()
      .int()
      .min(0, 'must be a port number 0–65535 (0 = any free port)')
      .max(65535, 'must be a port number 0–65535 (0 = any free port)'),
  );

const optionalPath = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());

const stackSettingsSchema = z.object({
  PORT: port(7071),
  ADDIN_PORT: port(3000),
  AZURITE_BLOB_PORT: port(10000),
  AZURITE_QUEUE_PORT: port(10001),
  AZURITE_TABLE_PORT: port(10002),
  AZURITE_LOCATION: optionalPath,
});

export interface StackSettings {
  functionsPort: number;
  addinPort: number;
  azurite: { blobPort: number; queuePort: number; tablePort: number; location: string };
}

export class StackSettingsError extends Error {
  constructor(issues: string[]) {
    super(`Invalid local stack setting:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'StackSettingsError';
  }
}

export function readStackSettings(env: NodeJS.ProcessEnv, root: string): StackSettings {
  const parsed = stackSettingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new StackSettingsError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.map(String).join('.');
        return `${name}: ${issue.message} (got ${JSON.stringify(env[name])})`;
      }),
    );
  }
  const s = parsed.data;
  return {
    functionsPort: s.PORT,
    addinPort: s.ADDIN_PORT,
    azurite: {
      blobPort: s.AZURITE_BLOB_PORT,
      queuePort: s.AZURITE_QUEUE_PORT,
      tablePort: s.AZURITE_TABLE_PORT,
      location: path.resolve(root, s.AZURITE_LOCATION ?? '.azurite'),
    },
  };
}

/**
 * Where local.settings.json is read from: SAMLAD_LOCAL_SETTINGS, or the app root's file;
 * "none" reads nothing (tests use it so a developer's own file cannot leak in).
 */
export function localSettingsFile(env: NodeJS.ProcessEnv, root: string): string | undefined {
  const value = env['SAMLAD_LOCAL_SETTINGS'];
  if (value === 'none') return undefined;
  return path.resolve(root, value || 'local.settings.json');
}
