/**
 * The Function App's configuration: the one module that reads `process.env`.
 *
 * Settings are parsed with zod once, on first use, and a bad setting fails the app at
 * start-up (functions/index.ts checks them in the app-start hook) with a message that names
 * the setting. Values of secret settings are never echoed into messages or logs.
 *
 * This module itself loads nothing heavy: the registrations read the two settings they need
 * (the timer's schedule and the queue's connection) through {@link registrationSettings}
 * while the worker indexes the app, and the zod schemas (settings-schema.ts) load with the
 * first full read, so a cold start does not pay for them before a function runs.
 *
 * Locally, `local.settings.json` "Values" reach `process.env` through the local host, the way
 * Azure Functions Core Tools does it; on Azure they are the Function App's application settings.
 */
import type { AppConfig, ConfigIssue } from './app-config';
import { ALLOW_SHARED_KEY, APP_STORAGE, appStorageConnectionName, HOST_STORAGE } from './storage/connection-name';

export { samladEnvironments } from './app-config';
export type { AppConfig, ConfigIssue, RateLimitSettings, ReportSettings, SamladEnvironment } from './app-config';

/** Thrown when the environment does not describe a runnable app. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(
      'Invalid configuration (environment variables, or "Values" in local.settings.json):\n' +
        issues.map((issue) => `  - ${issue.setting}: ${issue.message}`).join('\n'),
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/**
 * Every setting the app reads, and whether a deployment to Azure sets it. infra/ sets exactly
 * the `deployed` ones (tests/infra/settings-drift.test.ts compares them), so a setting the code
 * starts reading cannot be forgotten there, nor a stale one linger.
 */
export const appSettings = {
  deployed: [
    'SAMLAD_ENV',
    'AUTH_MODE',
    'ENTRA_TENANT_ID',
    'ENTRA_AUDIENCE',
    'AUTH_MAX_TOKEN_LIFETIME_MINUTES',
    `${HOST_STORAGE}__blobServiceUri`,
    `${HOST_STORAGE}__queueServiceUri`,
    `${HOST_STORAGE}__tableServiceUri`,
    `${HOST_STORAGE}__credential`,
    'TERTIAL_SUMMARY_SCHEDULE',
    'TERTIAL_DEADLINE_DAYS',
    'TERTIAL_SUMMARY_LOOKBACK_YEARS',
    'CONSOLIDATE_SYNC_MS',
    'JOB_WAIT_ALERT_SECONDS',
    'RATE_LIMIT_PER_PRINCIPAL',
    'RATE_LIMIT_PER_ADDRESS',
    'RATE_LIMIT_PROXY_HOPS',
  ],
  /** Read, but left unset on Azure, each for its reason. */
  notDeployed: {
    [APP_STORAGE]: 'a connection string: for Azurite or a separate account, never the deployed identity',
    [HOST_STORAGE]: 'a connection string; the deployment uses the managed identity instead',
    [`${HOST_STORAGE}__accountName`]: 'an alternative to the three service URIs, which infra/ sets',
    [`${HOST_STORAGE}__clientId`]: 'for a user-assigned identity; the deployment uses the system-assigned one',
    [`${HOST_STORAGE}__serviceUri`]: 'read only to refuse it: it names one service, Samlad needs three',
    [ALLOW_SHARED_KEY]: 'an explicit exception for account keys in production, which the deployment has none of',
    AUTH_DEV_SIGNING_KEY: 'the dev issuer, refused in production',
    ENTRA_ISSUER: 'an override for clouds other than the public one',
    ENTRA_JWKS_URI: 'an override for clouds other than the public one',
    CONFIGURATION_REFRESH_MS: 'the default (5 s) suits a deployment; an operator may shorten or lengthen it',
  },
} as const;

/** An unset and an empty variable mean the same thing (`FOO= npm start`). */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

const SCHEDULE = /^\S+( \S+){5}$/;
const DEFAULT_SCHEDULE = '0 0 6 * * *';

/** NCRONTAB (six fields, UTC) for the tertial summary timer; daily at 06:00 by default. */
function tertialSchedule(env: NodeJS.ProcessEnv): string {
  const value = setting(env, 'TERTIAL_SUMMARY_SCHEDULE') ?? DEFAULT_SCHEDULE;
  if (!SCHEDULE.test(value))
    throw new ConfigError([
      {
        setting: 'TERTIAL_SUMMARY_SCHEDULE',
        message: `six NCRONTAB fields, e.g. "${DEFAULT_SCHEDULE}" (got ${JSON.stringify(value)})`,
      },
    ]);
  return value;
}

/**
 * What the registrations need while the worker indexes the app: the timer's schedule and the
 * connection the job queue's trigger names. Read without zod, so indexing stays light.
 */
export function registrationSettings(env: NodeJS.ProcessEnv = process.env): {
  tertialSchedule: string;
  storageConnection: string;
} {
  return { tertialSchedule: tertialSchedule(env), storageConnection: appStorageConnectionName(env) };
}

/**
 * Parses settings from an environment map. Pure: tests call it with their own map;
 * the app uses {@link getConfig}.
 */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const { parseSettings } = require('./settings-schema') as typeof import('./settings-schema');
  const { resolveAppStorage } = require('./storage/storage-settings') as typeof import('./storage/storage-settings');
  const parsed = parseSettings(env);
  if (!parsed.ok && parsed.environment === undefined) throw new ConfigError(parsed.issues);
  const storage = resolveAppStorage(env, { production: parsed.environment === 'production' });
  const issues = [...(storage.ok ? [] : [storage.issue]), ...(parsed.ok ? [] : parsed.issues)];
  if (!parsed.ok || !storage.ok) throw new ConfigError(issues);
  const reports = { ...parsed.config.reports, tertialSchedule: tertialSchedule(env) };
  return { ...parsed.config, reports, storage: storage.connection };
}

let cached: AppConfig | undefined;

/** The app's configuration, read from `process.env` on first call and then fixed. */
export function getConfig(): AppConfig {
  cached ??= loadConfig(process.env);
  return cached;
}
