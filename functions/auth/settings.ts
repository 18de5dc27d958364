import { z } from 'zod';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, type AuthSettings } from './token-verifier';

/**
 * The dev issuer's key when none is configured. Like Azurite's well-known account key it is
 * public on purpose: the dev issuer exists for the local stack and tests, and configuration
 * refuses it when SAMLAD_ENV=production.
 */
export const DEFAULT_DEV_SIGNING_KEY = 'samlad-local-development-only-signing-key';
export const DEV_ISSUER = 'samlad-dev';
export const DEV_AUDIENCE = 'api://samlad-dev';

const optional = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());

export const authSettingsSchema = z.object({
  AUTH_MODE: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['dev', 'entra']).optional()),
  AUTH_DEV_SIGNING_KEY: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(32, 'minst 32 tecken').optional(),
  ),
  ENTRA_TENANT_ID: optional,
  ENTRA_AUDIENCE: optional,
  /** Overrides for clouds other than the public one (and for tests against a local key server). */
  ENTRA_ISSUER: optional,
  ENTRA_JWKS_URI: optional,
  /** The longest a token may be valid for, issue to expiry, in minutes. */
  AUTH_MAX_TOKEN_LIFETIME_MINUTES: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS / 60),
  ),
});

export interface AuthIssue {
  setting: string;
  message: string;
}

/** Derives token settings from already-parsed settings; returns issues instead of throwing. */
export function authSettingsFrom(
  raw: z.infer<typeof authSettingsSchema>,
  environment: 'development' | 'test' | 'production',
): AuthSettings | AuthIssue[] {
  const mode = raw.AUTH_MODE ?? (environment === 'production' ? 'entra' : 'dev');
  const maxLifetimeSeconds = raw.AUTH_MAX_TOKEN_LIFETIME_MINUTES * 60;
  if (mode === 'dev') {
    if (environment === 'production')
      return [{ setting: 'AUTH_MODE', message: 'dev issuer is not allowed when SAMLAD_ENV=production; use entra' }];
    return {
      mode: 'dev',
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      signingKey: new TextEncoder().encode(raw.AUTH_DEV_SIGNING_KEY ?? DEFAULT_DEV_SIGNING_KEY),
      maxLifetimeSeconds,
    };
  }
  const issues: AuthIssue[] = [];
  if (!raw.ENTRA_TENANT_ID && !(raw.ENTRA_ISSUER && raw.ENTRA_JWKS_URI))
    issues.push({ setting: 'ENTRA_TENANT_ID', message: 'required when AUTH_MODE=entra' });
  if (!raw.ENTRA_AUDIENCE)
    issues.push({
      setting: 'ENTRA_AUDIENCE',
      message: 'required when AUTH_MODE=entra (the API app registration, e.g. api://<client-id>)',
    });
  if (issues.length > 0) return issues;
  const tenant = raw.ENTRA_TENANT_ID ?? '';
  return {
    mode: 'entra',
    issuer: raw.ENTRA_ISSUER ?? `https://login.microsoftonline.com/${tenant}/v2.0`,
    audience: raw.ENTRA_AUDIENCE ?? '',
    jwksUri: raw.ENTRA_JWKS_URI ?? `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
    maxLifetimeSeconds,
  };
}
