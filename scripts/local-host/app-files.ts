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
      http: z
        .object({
          routePrefix: z.string().optional(),
          // Azure's host adds these to every HTTP response it sends (e.g. X-Content-Type-Options).
          customHeaders: z.record(z.string(), z.string()).optional(),
        })
        .optional(),
      queues: queuesSchema.optional(),
    })
    .optional(),
});

export interface HostSettings {
  /** Prefix of every HTTP route, without slashes; "" for none. Azure's default is "api". */
  routePrefix: string;
  /** `extensions.queues`, with the extension's defaults. */
  queues: QueueSettings;
  /** Headers added to every HTTP response (host.json extensions.http.customHeaders). */
  customHeaders: Record<string, string>;
  /** The largest request body taken (the app setting FUNCTIONS_REQUEST_BODY_SIZE_LIMIT). */
  maxRequestBodyBytes: number;
}

/** Azure's default request size limit, and the app setting that changes it. */
export const DEFAULT_REQUEST_BODY_LIMIT = 100 * 1024 * 1024;
export const REQUEST_BODY_LIMIT_SETTING = 'FUNCTIONS_REQUEST_BODY_SIZE_LIMIT';

/** The largest request body the host takes, from FUNCTIONS_REQUEST_BODY_SIZE_LIMIT (bytes) as Azure reads it. */
export function readRequestBodyLimit(env: NodeJS.ProcessEnv): number {
  const value = env[REQUEST_BODY_LIMIT_SETTING];
  if (value === undefined || value.trim() === '') return DEFAULT_REQUEST_BODY_LIMIT;
  const bytes = Number(value);
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw new Error(`${REQUEST_BODY_LIMIT_SETTING} must be a whole number of bytes (got ${JSON.stringify(value)})`);
  return bytes;
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
  const http = parsed.data.extensions?.http;
  const prefix = http?.routePrefix ?? 'api';
  return {
    routePrefix: prefix.replace(/^\/+|\/+$/g, ''),
    customHeaders: http?.customHeaders ?? {},
    maxRequestBodyBytes: readRequestBodyLimit(env),
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
