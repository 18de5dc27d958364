import { z } from 'zod';
import { principalFromRoles, type Principal } from '../../../shared/api/principal';

/**
 * Who is signed in, read from the token's payload. The pane does not verify the signature —
 * the API does on every call; the pane only needs the roles to choose its views.
 */
export interface Session {
  token: string;
  principal: Principal;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Shown in the header. */
  displayName: string;
}

const payloadSchema = z.looseObject({
  sub: z.string(),
  name: z.string().optional(),
  exp: z.number(),
  roles: z.array(z.string()).default([]),
});

function decodeBase64Url(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export type SessionResult = { ok: true; session: Session } | { ok: false; reason: 'malformed' | 'expired' | 'no-role' };

/** A session from a bearer token, or why it cannot be one. */
export function sessionFromToken(token: string, now = Date.now()): SessionResult {
  const part = token.split('.')[1];
  if (!part) return { ok: false, reason: 'malformed' };
  let payload: z.infer<typeof payloadSchema>;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(decodeBase64Url(part)));
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    payload = parsed.data;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const expiresAt = payload.exp * 1000;
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  const principal = principalFromRoles(payload.sub, payload.roles, payload.name);
  if (!principal) return { ok: false, reason: 'no-role' };
  return { ok: true, session: { token, principal, expiresAt, displayName: payload.name ?? payload.sub } };
}

const STORAGE_KEY = 'samlad.session.token';

/**
 * Keeps the token for this tab only (sessionStorage): a reload keeps the user signed in, closing
 * Excel forgets them. Storage can be unavailable (Office's webviews in some modes), so every
 * access is guarded.
 */
export const tokenStore = {
  load(): string | undefined {
    try {
      return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  },
  save(token: string): void {
    try {
      sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // Without storage the user signs in again after a reload; nothing else depends on it.
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // See save().
    }
  },
};
