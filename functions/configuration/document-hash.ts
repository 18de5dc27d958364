import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = canonical(item);
  }
  return out;
}

/**
 * A configuration document as stored: JSON with keys sorted and undefined left out, and the
 * SHA-256 of exactly that text, so the same settings always get the same hash and name.
 */
export function canonicalDocument(value: unknown): { json: string; sha256: string } {
  const json = JSON.stringify(canonical(value));
  return { json, sha256: createHash('sha256').update(json, 'utf8').digest('hex') };
}
