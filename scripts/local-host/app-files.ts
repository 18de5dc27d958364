/**
 * The Function App's own configuration files, read as Azure Functions Core Tools reads them:
 * host.json (route prefix, queue settings; app settings named `AzureFunctionsJobHost__…`
 * override its values) and local.settings.json ("Values" become environment variables
 * without overriding variables that are already set).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { applyHostJsonOverrides, queueSettingsFrom, queuesSchema, type QueueSettings } from './queue-settings';

const hostJsonSchema = z.object({
  version: z.literal('2.0'),
  extensions: z
    .object({
      http: z.object({ routePrefix: z.string().optional() }).optional(),
      queues: queuesSchema.optional(),
    })
    .optional(),
});

export interface HostSettings {
  /** Prefix of every HTTP route, without slashes; "" for none. Azure's default is "api". */
  routePrefix: string;
  /** `extensions.queues`, with the extension's defaults. */
  queues: QueueSettings;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function issuesText(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

export function readHostSettings(root: string, env: NodeJS.ProcessEnv = process.env): HostSettings {
  const file = path.join(root, 'host.json');
  if (!existsSync(file)) throw new Error(`${file} is missing; every Function App needs one`);
  const parsed = hostJsonSchema.safeParse(applyHostJsonOverrides(readJson(file), env));
  if (!parsed.success) throw new Error(`${file}: ${issuesText(parsed.error)}`);
  const prefix = parsed.data.extensions?.http?.routePrefix ?? 'api';
  return {
    routePrefix: prefix.replace(/^\/+|\/+$/g, ''),
    queues: queueSettingsFrom(parsed.data.extensions?.queues),
  };
}

const localSettingsSchema = z.object({
  IsEncrypted: z.literal(false, { message: 'encrypted local settings are not supported; set IsEncrypted to false' }),
  Values: z.record(z.string(), z.string()).default({}),
});

/**
 * Copies "Values" from a local.settings.json into `env` where `env` has no value yet.
 * Returns the names applied; a missing file applies nothing.
 */
export function applyLocalSettings(file: string, env: NodeJS.ProcessEnv): string[] {
  if (!existsSync(file)) return [];
  const parsed = localSettingsSchema.safeParse(readJson(file));
  if (!parsed.success) throw new Error(`${file}: ${issuesText(parsed.error)}`);
  const applied: string[] = [];
  for (const [name, value] of Object.entries(parsed.data.Values)) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    applied.push(name);
  }
  return applied;
}
