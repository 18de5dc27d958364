import { webcrypto } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { principalFromRoles, type Principal } from './principal';

/**
 * How tokens are checked. `dev` trusts an HMAC key held by this machine (local stack and tests
 * only — refused in production); `entra` trusts Microsoft Entra ID's signing keys for one
 * tenant and audience, which is what the add-in's nested app authentication presents.
 */
export type AuthSettings =
  | { mode: 'dev'; issuer: string; audience: string; signingKey: Uint8Array }
  | { mode: 'entra'; issuer: string; audience: string; jwksUri: string };

export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
  constructor(readonly reason: 'missing' | 'malformed' | 'expired' | 'invalid' | 'no-role') {
    super(`authentication failed: ${reason}`);
  }
}

export type TokenVerifier = (authorization: string | null | undefined) => Promise<Principal>;

const CLOCK_TOLERANCE_SECONDS = 60;

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function principalFromPayload(payload: JWTPayload): Principal {
  // Entra puts a stable per-app user id in `oid`; `sub` is per-app pairwise. Either identifies the caller.
  const subject = typeof payload.oid === 'string' ? payload.oid : payload.sub;
  const name = typeof payload.name === 'string' ? payload.name : typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined;
  if (!subject) throw new AuthenticationError('invalid');
  const principal = principalFromRoles(subject, stringArray(payload.roles), name);
  if (!principal) throw new AuthenticationError('no-role');
  return principal;
}

function createVerify(settings: AuthSettings): (token: string) => Promise<{ payload: JWTPayload }> {
  const options = { issuer: settings.issuer, audience: settings.audience, clockTolerance: CLOCK_TOLERANCE_SECONDS, requiredClaims: ['exp'] };
  if (settings.mode === 'dev') {
    // Imported once: handing jose the raw bytes would import the key again on every request.
    let key: Promise<CryptoKey> | undefined;
    return async (token) => {
      key ??= webcrypto.subtle.importKey('raw', settings.signingKey, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']).catch((error: unknown) => {
        key = undefined; // Try again on the next request rather than failing every one.
        throw error;
      });
      return jwtVerify(token, await key, { ...options, algorithms: ['HS256'] });
    };
  }
  // Keys are fetched on first use and cached; a token signed with an unknown key id triggers a refresh.
  const keys = createRemoteJWKSet(new URL(settings.jwksUri), { cooldownDuration: 30_000, cacheMaxAge: 3_600_000 });
  return (token) => jwtVerify(token, keys, { ...options, algorithms: ['RS256'] });
}

export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  const verify = createVerify(settings);
  return async (authorization) => {
    if (!authorization) throw new AuthenticationError('missing');
    const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/.exec(authorization);
    if (!match?.[1]) throw new AuthenticationError('malformed');
    try {
      const { payload } = await verify(match[1]);
      return principalFromPayload(payload);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      if (error instanceof errors.JWTExpired) throw new AuthenticationError('expired');
      throw new AuthenticationError('invalid');
    }
  };
}
