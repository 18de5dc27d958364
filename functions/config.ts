/**
 * The Function App's configuration: the one module that reads `process.env`.
 *
 * Settings are parsed with zod once, on first use, and a bad setting fails the app at
 * start-up (functions/index.ts asks for the config while the app loads) with a message that
 * names the setting. Values of secret settings are never echoed into messages or logs.
 *
 * Locally, `local.settings.json` "Values" reach `process.env` through the local host, the way
 * Azure Functions Core Tools does it; on Azure they are the Function App's application settings.
 */
import { z } from 'zod';
import { authSettingsFrom, authSettingsSchema } from './auth/settings';
import type { AuthSettings } from './auth/token-verifier';
import { azuriteConnectionString, parseConnectionString } from './storage/connection-string';

export const samladEnvironments = ['development', 'test', 'production'] as const;
export type SamladEnvironment = (typeof samladEnvironments)[number];

/** Settings whose values must never appear in an error message. */
const secretSettings = new Set(['STORAGE_CONNECTION_STRING', 'AzureWebJobsStorage', 'AUTH_DEV_SIGNING_KEY']);

/** An unset and an empty variable mean the same thing (`FOO= npm start`). */
const optionalSetting = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().trim().min(1).optional(),
);

const rawSettingsSchema = z
  .object({
    SAMLAD_ENV: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.enum(samladEnvironments).default('development'),
    ),
    STORAGE_CONNECTION_STRING: optionalSetting,
    // Azure's own storage setting; every Function App has it, so it is the fallback.
    AzureWebJobsStorage: optionalSetting,
    // NCRONTAB (six fields, UTC) for the tertial summary timer; daily at 06:00 by default.
    TERTIAL_SUMMARY_SCHEDULE: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .trim()
        .regex(/^\S+( \S+){5}$/, 'six NCRONTAB fields, e.g. "0 0 6 * * *"')
        .default('0 0 6 * * *'),
    ),
    // Days after a tertial's last day that submissions are due, where kansliet set no deadline.
    TERTIAL_DEADLINE_DAYS: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.coerce.number().int().min(0).max(120).default(15),
    ),
    // How many years before this one the tertial summary timer still looks at (1 = last year's too).
    TERTIAL_SUMMARY_LOOKBACK_YEARS: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.coerce.number().int().min(0).max(10).default(1),
    ),
    // How long POST consolidate waits for the workbook before answering 202 with a job to poll.
    CONSOLIDATE_SYNC_MS: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.coerce.number().int().min(0).max(120_000).default(8000),
    ),
    // How often an instance checks whether another changed the configuration (one point read).
    CONFIGURATION_REFRESH_MS: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.coerce.number().int().min(0).max(600_000).default(5000),
    ),
  })
  .extend(authSettingsSchema.shape);

export type StorageSettingSource = 'STORAGE_CONNECTION_STRING' | 'AzureWebJobsStorage' | 'azurite-default';

export interface ReportSettings {
  /** When the tertialSummary timer runs (NCRONTAB, UTC). */
  tertialSchedule: string;
  /** Default deadline: this many days after a tertial's last day. */
  deadlineDays: number;
  /** Years before this one whose tertials the timer still summarises. */
  lookbackYears: number;
  /** Time budget of a synchronous consolidation before it becomes a job. */
  syncBudgetMs: number;
}

export interface AppConfig {
  environment: SamladEnvironment;
  reports: ReportSettings;
  /** The configuration store's cache: at most this long before a change elsewhere is seen. */
  configuration: { refreshMs: number };
  /** How bearer tokens are verified (dev issuer locally, Entra ID in production). */
  auth: AuthSettings;
  storage: {
    /** The connection string to hand the SDKs (`UseDevelopmentStorage=true` already expanded). */
    connectionString: string;
    /** Which setting supplied it, for start-up messages. */
    source: StorageSettingSource;
    /** True for Azurite's well-known account: a local emulator, not a real account. */
    isDevelopmentStorage: boolean;
    endpoints: { blob: string; table: string };
  };
}

export interface ConfigIssue {
  setting: string;
  message: string;
}

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

function describeReceived(setting: string, env: NodeJS.ProcessEnv): string {
  if (secretSettings.has(setting)) return '';
  const value = env[setting];
  return value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
}

/**
 * Parses settings from an environment map. Pure: tests call it with their own map;
 * the app uses {@link getConfig}.
 */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = rawSettingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const setting = issue.path.map(String).join('.') || '(environment)';
        return { setting, message: issue.message + describeReceived(setting, env) };
      }),
    );
  }
  const raw = parsed.data;

  let source: StorageSettingSource;
  let connectionString: string;
  if (raw.STORAGE_CONNECTION_STRING !== undefined) {
    source = 'STORAGE_CONNECTION_STRING';
    connectionString = raw.STORAGE_CONNECTION_STRING;
  } else if (raw.AzureWebJobsStorage !== undefined) {
    source = 'AzureWebJobsStorage';
    connectionString = raw.AzureWebJobsStorage;
  } else if (raw.SAMLAD_ENV === 'production') {
    throw new ConfigError([
      {
        setting: 'STORAGE_CONNECTION_STRING',
        message:
          'required when SAMLAD_ENV=production (or set AzureWebJobsStorage); the Azurite default is for local use only',
      },
    ]);
  } else {
    source = 'azurite-default';
    connectionString = azuriteConnectionString();
  }

  const storage = parseConnectionString(connectionString);
  if (!storage.ok) {
    const setting = source === 'azurite-default' ? 'STORAGE_CONNECTION_STRING' : source;
    throw new ConfigError([{ setting, message: `not a usable storage connection string: ${storage.reason}` }]);
  }
  if (raw.SAMLAD_ENV === 'production' && storage.isDevelopmentStorage) {
    throw new ConfigError([
      {
        setting: source,
        message: 'points at the Azurite development account, which SAMLAD_ENV=production does not allow',
      },
    ]);
  }

  const auth = authSettingsFrom(raw, raw.SAMLAD_ENV);
  if (Array.isArray(auth)) throw new ConfigError(auth);

  return {
    environment: raw.SAMLAD_ENV,
    reports: {
      tertialSchedule: raw.TERTIAL_SUMMARY_SCHEDULE,
      deadlineDays: raw.TERTIAL_DEADLINE_DAYS,
      lookbackYears: raw.TERTIAL_SUMMARY_LOOKBACK_YEARS,
      syncBudgetMs: raw.CONSOLIDATE_SYNC_MS,
    },
    configuration: { refreshMs: raw.CONFIGURATION_REFRESH_MS },
    auth,
    storage: {
      connectionString: storage.connectionString,
      source,
      isDevelopmentStorage: storage.isDevelopmentStorage,
      endpoints: storage.endpoints,
    },
  };
}

let cached: AppConfig | undefined;

/** The app's configuration, read from `process.env` on first call and then fixed. */
export function getConfig(): AppConfig {
  cached ??= loadConfig(process.env);
  return cached;
}
