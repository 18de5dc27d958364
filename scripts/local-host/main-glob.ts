/**
 * Expands the Function App's entry-point pattern (package.json "main"), e.g.
 * `dist/functions/{index,registrations/*}.js`, the way the Azure worker does, so the local
 * host loads exactly the files Azure loads. Supports `{a,b}` alternatives (nestable) and
 * `*` / `?` within one path segment; `**` is rejected rather than half-supported.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** `a{b,c{d,e}}f` → [abf, acdf, acef]. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (ch === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) throw new Error(`Unbalanced "{" in entry-point pattern "${pattern}"`);
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const bounds = [open, ...commas, close];
  const results: string[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const start = bounds[i];
    const end = bounds[i + 1];
    if (start === undefined || end === undefined) continue;
    for (const expanded of expandBraces(head + pattern.slice(start + 1, end) + tail)) results.push(expanded);
  }
  return results;
}

function segmentMatcher(segment: string): RegExp {
  const source = segment
    .split('')
    .map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function expandWildcards(root: string, pattern: string): string[] {
  const segments = pattern.split('/').filter((s) => s !== '' && s !== '.');
  let candidates = [path.resolve(root, pattern.startsWith('/') ? '/' : '.')];
  for (const segment of segments) {
    if (segment === '**') throw new Error(`"**" is not supported in the entry-point pattern "${pattern}"`);
    const next: string[] = [];
    for (const dir of candidates) {
      if (!/[*?]/.test(segment)) {
        next.push(path.join(dir, segment));
        continue;
      }
      let entries: string[];
      try {
        entries = readdirSync(dir).sort();
      } catch {
        continue; // A folder that does not exist (yet) matches nothing, as in a glob.
      }
      const matcher = segmentMatcher(segment);
      for (const entry of entries) if (matcher.test(entry)) next.push(path.join(dir, entry));
    }
    candidates = next;
  }
  return candidates.filter(isFile);
}

/** Absolute paths of the files matched, in pattern order, each once. */
export function expandMainGlob(root: string, pattern: string): string[] {
  const seen = new Set<string>();
  for (const alternative of expandBraces(pattern)) {
    for (const file of expandWildcards(root, alternative)) seen.add(file);
  }
  return [...seen];
}
