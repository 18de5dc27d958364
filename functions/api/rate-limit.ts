/**
 * Limits on how fast one caller may write: a token bucket per principal and per client address,
 * each holding a minute's allowance and refilled evenly (RATE_LIMIT_PER_PRINCIPAL and
 * RATE_LIMIT_PER_ADDRESS writes per minute), so a burst up to the allowance passes and a steady
 * stream beyond it is told when to come back. The buckets live in the instance: across N instances
 * a caller gets at most N times the allowance (SECURITY.md, Limits).
 */
import type { HttpRequest } from '@azure/functions';
import { getConfig } from '../config';
import { tooManyRequests } from './api-error';

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Keys kept at most; beyond it the oldest go first (a full bucket is the same as none). */
const MAX_KEYS = 20_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys: number = MAX_KEYS,
  ) {
    this.perMs = perMinute / 60_000;
  }

  take(key: string): Take {
    if (this.perMinute <= 0) return { ok: true };
    const at = this.now();
    const held = this.buckets.get(key);
    const tokens = held ? Math.min(this.perMinute, held.tokens + (at - held.at) * this.perMs) : this.perMinute;
    // Re-inserted, so the map's order is least recently used first.
    this.buckets.delete(key);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at });
      if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
      return { ok: true };
    }
    this.buckets.set(key, { tokens, at });
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
  }
}

/**
 * The client's address: from X-Forwarded-For, which Azure's front end appends the caller to.
 * Entries a client sent itself come first and are not trusted; `proxyHops` skips that many
 * trusted proxies' entries from the right (one behind the Static Web App). Ports are dropped.
 */
export function clientAddress(request: Pick<HttpRequest, 'headers'>, proxyHops: number): string {
  const entries = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const entry = entries[entries.length - 1 - proxyHops] ?? entries[0];
  if (!entry) return 'unknown';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  return /^[\d.]+:\d+$/.test(entry) ? entry.slice(0, entry.lastIndexOf(':')) : entry;
}

interface WriteLimits {
  address: TokenBuckets;
  principal: TokenBuckets;
  proxyHops: number;
}

let limits: WriteLimits | undefined;

function writeLimits(): WriteLimits {
  if (!limits) {
    const { perAddress, perPrincipal, proxyHops } = getConfig().rateLimits;
    limits = { address: new TokenBuckets(perAddress), principal: new TokenBuckets(perPrincipal), proxyHops };
  }
  return limits;
}

function refuse(taken: Take): void {
  if (!taken.ok) throw tooManyRequests(taken.retryAfterSeconds);
}

/** Before anything else is done for a write: its client address's allowance. */
export function limitWriteByAddress(request: Pick<HttpRequest, 'headers'>): void {
  const { address, proxyHops } = writeLimits();
  refuse(address.take(clientAddress(request, proxyHops)));
}

/** Once the caller is known: their own allowance. */
export function limitWriteByPrincipal(subject: string): void {
  refuse(writeLimits().principal.take(subject));
}
