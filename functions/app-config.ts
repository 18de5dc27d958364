/**
 * The shape of the app's configuration, apart from config.ts (which reads it) so that the settings'
 * schema (settings-schema.ts), which config.ts loads, can name it without an import cycle.
 */
import type { AuthSettings } from './auth/token-verifier';
import type { StorageConnection } from './storage/storage-settings';

export const samladEnvironments = ['development', 'test', 'production'] as const;
export type SamladEnvironment = (typeof samladEnvironments)[number];

export interface ReportSettings {
  /** When the tertialSummary timer runs (NCRONTAB, UTC). */
  tertialSchedule: string;
  /** Default deadline: this many days after a tertial's last day. */
  deadlineDays: number;
  /** Years before this one whose tertials the timer still summarises. */
  lookbackYears: number;
  /** How long POST consolidate waits for its queued job before answering 202. */
  syncBudgetMs: number;
  /** A job waiting in the queue longer than this makes GET /api/health "degraded". */
  waitAlertMs: number;
}

/** Writes allowed per minute (token buckets of that size, refilled evenly); 0 = no limit. */
export interface RateLimitSettings {
  perPrincipal: number;
  perAddress: number;
  /** Trusted proxies (the Static Web App) whose X-Forwarded-For entries follow the client's. */
  proxyHops: number;
}

export interface AppConfig {
  environment: SamladEnvironment;
  reports: ReportSettings;
  /** How bearer tokens are verified (dev issuer locally, Entra ID in production). */
  auth: AuthSettings;
  /** Samlad's storage account (tables, blobs and the job queue) and how the app signs in to it. */
  storage: StorageConnection;
  rateLimits: RateLimitSettings;
  /** The configuration store's cache: at most this long before a change made on another instance is seen. */
  configuration: { refreshMs: number };
}

export interface ConfigIssue {
  setting: string;
  message: string;
}
