import { SignJWT } from 'jose';
import { roleValue, type Role } from '../../shared/api/principal';

export interface DevTokenRequest {
  forbund?: string;
  party?: string;
  role: Role;
  subject?: string;
  name?: string;
  /** Seconds until expiry; negative makes an already-expired token (for tests). */
  expiresInSeconds?: number;
}

/**
 * Signs a token the dev issuer accepts. Used by `npm run token`, the demo and tests; the
 * Function App refuses the dev issuer when SAMLAD_ENV=production.
 */
export async function signDevToken(
  request: DevTokenRequest,
  settings: { issuer: string; audience: string; signingKey: Uint8Array },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const subject = request.subject ?? `dev-${request.role}-${request.forbund ?? 'alla'}-${request.party ?? 'kansli'}`;
  return new SignJWT({ roles: [roleValue(request)], name: request.name ?? subject })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (request.expiresInSeconds ?? 8 * 3600))
    .sign(settings.signingKey);
}
