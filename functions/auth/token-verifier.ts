import { webcrypto } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { principalFromRoles, type Principal } from '../../shared/api/principal';

/**
 * How tokens are checked. `dev` trusts an HMAC key held by this machine (local stack and tests
 * only — refused in production); `entra` trusts Microsoft Entra ID's signing keys for one
 * tenant and audience, which is what the add-in's nested app authentication presents.
 */
export type AuthSettings = (
  | { mode: 'dev'; issuer: string; audience: string; signingKey: Uint8Array }
  | { mode: 'entra'; issuer: string; audience: string; jwksUri: string }
) & {
  /** The longest a token may be valid for, from its issue to its expiry (AUTH_MAX_TOKEN_LIFETIME_MINUTES). */
  maxLifetimeSeconds?: number;
};

/** Entra ID's access tokens live 60–90 minutes; a day is far beyond any token Samlad's issuers give. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
  constructor(readonly reason: 'missing' | 'malformed' | 'expired' | 'invalid' | 'no-role' | 'too-long-lived') {
    super(`authentication failed: ${reason}`);
  }
}

/**
 * Entra ID's key service could not be reached, so no token can be checked right now: a
 * transient failure (503 with Retry-After), not the caller's fault (401).
 */
export class KeyServiceUnavailableError extends Error {
  override name = 'KeyServiceUnavailableError';
}

/** The key set's fetch failed (network, timeout, an answer other than 200): not a verdict on the token. */
function isKeyServiceFailure(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout) return true;
  // fetch's own failure (by name: it may come from another realm than this module's TypeError).
  const failure = error as { name?: string; message?: string; code?: string };
  if (failure?.name === 'TypeError' && /fetch failed/i.test(failure.message ?? '')) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT'].includes(failure?.code ?? '')) return true;
  return error instanceof errors.JOSEError && /HTTP response|200 OK/i.test(error.message);
}

export type TokenVerifier = (authorization: string | null | undefined) => Promise<Principal>;

const CLOCK_TOLERANCE_SECONDS = 60;

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function principalFromPayload(payload: JWTPayload): Principal {
  // Entra puts a stable per-app user id in `oid`; `sub` is per-app pairwise. Either identifies the caller.
  const subject = typeof payload.oid === 'string' ? payload.oid : payload.sub;
  const name =
    typeof payload.name === 'string'
      ? payload.name
      : typeof payload.preferred_username === 'string'
        ? payload.preferred_username
        : undefined;
  if (!subject) throw new AuthenticationError('invalid');
  const principal = principalFromRoles(subject, stringArray(payload.roles), name);
  if (!principal) throw new AuthenticationError('no-role');
  return principal;
}

function createVerify(settings: AuthSettings, now: () => number): (token: string) => Promise<{ payload: JWTPayload }> {
  const common = {
    issuer: settings.issuer,
    audience: settings.audience,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp'],
  };
  const options = () => ({ ...common, currentDate: new Date(now()) });
  if (settings.mode === 'dev') {
    // Imported once: handing jose the raw bytes would import the key again on every request.
    let key: Promise<CryptoKey> | undefined;
    return async (token) => {
      key ??= webcrypto.subtle
        .importKey('raw', settings.signingKey, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
        .catch((error: unknown) => {
          key = undefined; // Try again on the next request rather than failing every one.
          throw error;
        });
      return jwtVerify(token, await key, { ...options(), algorithms: ['HS256'] });
    };
  }
  // Keys are fetched on first use and cached; a token signed with an unknown key id triggers a refresh.
  const keys = createRemoteJWKSet(new URL(settings.jwksUri), { cooldownDuration: 30_000, cacheMaxAge: 3_600_000 });
  return (token) => jwtVerify(token, keys, { ...options(), algorithms: ['RS256'] });
}

/**
 * Verified tokens are remembered until they expire, at most {@link REMEMBER_MS}: the add-in
 * sends one token with every check, submission and status poll of a session, and signature
 * checks were 7–10 % of the host's CPU in a profile of the deadline burst. Only a token
 * that passed every check is remembered, under its whole text, so a hit is that very token
 * again; its expiry is checked on every hit. A token signed with a key Entra withdraws is
 * trusted at most REMEMBER_MS longer than the key set's own cache (an hour) would trust it.
 */
const REMEMBER_MS = 10 * 60_000;
const REMEMBERED_TOKENS = 2_000;

/** A token's check, shared by every request with it; `until`: epoch ms after which it is checked again. */
type Remembered = Promise<{ principal: Principal; until: number }>;

export function createTokenVerifier(settings: AuthSettings, now: () => number = Date.now): TokenVerifier {
  const verify = createVerify(settings, now);
  const remembered = new Map<string, Remembered>();

  const maxLifetime = settings.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const check = async (token: string): Promise<{ principal: Principal; until: number }> => {
    try {
      const { payload } = await verify(token);
      // From its issue (never later than now) to its expiry: a token valid for years is refused.
      const issued = Math.min(payload.iat ?? Infinity, now() / 1000);
      if ((payload.exp ?? 0) - issued > maxLifetime + CLOCK_TOLERANCE_SECONDS)
        throw new AuthenticationError('too-long-lived');
      return {
        principal: Object.freeze(principalFromPayload(payload)),
        until: Math.min((payload.exp ?? 0) * 1000, now() + REMEMBER_MS),
      };
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      if (error instanceof errors.JWTExpired) throw new AuthenticationError('expired');
      if (isKeyServiceFailure(error)) throw new KeyServiceUnavailableError(String((error as Error)?.message ?? error));
      throw new AuthenticationError('invalid');
    }
  };

  return async (authorization) => {
    if (!authorization) throw new AuthenticationError('missing');
    const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/.exec(authorization);
    const token = match?.[1];
    if (!token) throw new AuthenticationError('malformed');
    const known = remembered.get(token);
    if (known) {
      // Requests that arrive while the check runs share its answer, a refusal too (which then leaves the map).
      const { principal, until } = await known;
      if (now() < until) return principal;
      if (remembered.get(token) === known) remembered.delete(token);
    }
    const checked = check(token);
    remembered.set(token, checked);
    void checked.catch(() => remembered.get(token) === checked && remembered.delete(token));
    if (remembered.size > REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value as string);
    return (await checked).principal;
  };
}
