/**
 * The zod schema of the app's settings, loaded by config.ts with the first full read of the
 * configuration (not while the worker indexes the app). Storage settings are resolved apart, in
 * storage/storage-settings.ts, by the runtime's own connection convention.
 */
import { z } from 'zod';
import { authSettingsFrom, authSettingsSchema } from './auth/settings';
import { samladEnvironments, type AppConfig, type ConfigIssue, type SamladEnvironment } from './app-config';
import { ALLOW_SHARED_KEY } from './storage/connection-name';

/** Settings whose values must never appear in an error message. */
const secretSettings = new Set(['STORAGE_CONNECTION_STRING', 'AzureWebJobsStorage', 'AUTH_DEV_SIGNING_KEY']);

/** An unset and an empty variable mean the same thing (`FOO= npm start`). */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);
const count = (fallback: number, max: number) =>
  unsetIfEmpty(z.coerce.number().int().min(0).max(max).default(fallback));

const rawSettingsSchema = z
  .object({
    SAMLAD_ENV: unsetIfEmpty(z.enum(samladEnvironments).default('development')),
    // Days after a tertial's last day that submissions are due, where kansliet set no deadline.
    TERTIAL_DEADLINE_DAYS: count(15, 120),
    // How many years before this one the tertial summary timer still looks at (1 = last year's too).
    TERTIAL_SUMMARY_LOOKBACK_YEARS: count(1, 10),
    // How long POST consolidate waits for its queued job before answering 202 with it.
    CONSOLIDATE_SYNC_MS: count(8000, 120_000),
    // A job waiting in the queue longer than this turns GET /api/health "degraded".
    JOB_WAIT_ALERT_SECONDS: unsetIfEmpty(z.coerce.number().int().min(1).max(86_400).default(300)),
    // Writes per minute per caller (token) and per client address; 0 turns the limit off.
    RATE_LIMIT_PER_PRINCIPAL: count(120, 100_000),
    RATE_LIMIT_PER_ADDRESS: count(1200, 1_000_000),
    // Trusted proxies in front of the app whose X-Forwarded-For entries come after the client's.
    RATE_LIMIT_PROXY_HOPS: count(0, 5),
    // How often an instance checks whether another changed the configuration (one point read).
    CONFIGURATION_REFRESH_MS: count(5000, 600_000),
    [ALLOW_SHARED_KEY]: unsetIfEmpty(z.enum(['true', 'false']).optional()),
  })
  .extend(authSettingsSchema.shape);

function describeReceived(setting: string, env: NodeJS.ProcessEnv): string {
  if (secretSettings.has(setting)) return '';
  const value = env[setting];
  return value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
}

/** The configuration but for what config.ts reads itself: storage and the timer's schedule. */
export type SchemaConfig = Omit<AppConfig, 'storage' | 'reports'> & {
  reports: Omit<AppConfig['reports'], 'tertialSchedule'>;
};

export type ParsedSettings =
  | { ok: true; environment: SamladEnvironment; config: SchemaConfig }
  | { ok: false; environment: SamladEnvironment | undefined; issues: ConfigIssue[] };

/**
 * Everything but storage and the timer's schedule. Issues of the auth settings come with the
 * environment they were judged for, so config.ts can report them beside the storage issues.
 */
export function parseSettings(env: NodeJS.ProcessEnv): ParsedSettings {
  const parsed = rawSettingsSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      environment: undefined,
      issues: parsed.error.issues.map((issue) => {
        const setting = issue.path.map(String).join('.') || '(environment)';
        return { setting, message: issue.message + describeReceived(setting, env) };
      }),
    };
  }
  const raw = parsed.data;
  const auth = authSettingsFrom(raw, raw.SAMLAD_ENV);
  if (Array.isArray(auth)) return { ok: false, environment: raw.SAMLAD_ENV, issues: auth };
  return {
    ok: true,
    environment: raw.SAMLAD_ENV,
    config: {
      environment: raw.SAMLAD_ENV,
      reports: {
        deadlineDays: raw.TERTIAL_DEADLINE_DAYS,
        lookbackYears: raw.TERTIAL_SUMMARY_LOOKBACK_YEARS,
        syncBudgetMs: raw.CONSOLIDATE_SYNC_MS,
        waitAlertMs: raw.JOB_WAIT_ALERT_SECONDS * 1000,
      },
      auth,
      configuration: { refreshMs: raw.CONFIGURATION_REFRESH_MS },
      rateLimits: {
        perPrincipal: raw.RATE_LIMIT_PER_PRINCIPAL,
        perAddress: raw.RATE_LIMIT_PER_ADDRESS,
        proxyHops: raw.RATE_LIMIT_PROXY_HOPS,
      },
    },
  };
}
