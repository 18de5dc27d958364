import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The Function App's root: the nearest folder above `from` holding host.json. Works both
 * from sources (scripts/) and from the build (dist/scripts/), which has no host.json.
 */
export function findAppRoot(from: string): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'host.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No host.json found above ${from}`);
    dir = parent;
  }
}
