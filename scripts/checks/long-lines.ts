/**
 * `npm run lint:lines`: no line of product, tooling or test code (TypeScript, JavaScript, HTML, CSS)
 * is longer than 120 characters.
 * Prettier keeps code within its printWidth (120) but never breaks a string, a comment or a
 * regular expression; this check covers those. It reads the folders below the current one, so
 * tests/checks/long-lines.test.ts can run it on a fixture tree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const MAX_LINE = 120;
const FOLDERS = ['shared', 'functions', 'addin', 'scripts', 'tests'];
const EXTENSIONS = /\.(ts|js|cjs|mjs|html|css)$/;
/** Data and generated files: fixtures keep what their publishers wrote. */
const SKIP = /^(node_modules|dist|test-artifacts|coverage)$|^tests[\\/]fixtures$/;

export interface LongLine {
  file: string;
  line: number;
  length: number;
}

function* sourceFiles(root: string, relative: string): Generator<string> {
  for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const child = path.join(relative, entry.name);
    if (SKIP.test(child) || SKIP.test(entry.name)) continue;
    if (entry.isDirectory()) yield* sourceFiles(root, child);
    else if (EXTENSIONS.test(entry.name)) yield child;
  }
}

/** Every line over `max` characters (code points) under root's source folders. */
export function findLongLines(root: string, max = MAX_LINE): LongLine[] {
  const found: LongLine[] = [];
  for (const folder of FOLDERS) {
    let files: string[];
    try {
      files = [...sourceFiles(root, folder)];
    } catch {
      continue; // a folder this tree does not have
    }
    for (const file of files) {
      readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const length = [...text].length;
          if (length > max) found.push({ file: file.split(path.sep).join('/'), line: i + 1, length });
        });
    }
  }
  return found;
}

if (require.main === module) {
  const long = findLongLines(process.cwd());
  for (const l of long) console.error(`${l.file}:${l.line}: ${l.length} characters (at most ${MAX_LINE})`);
  if (long.length > 0) {
    console.error(`${long.length} line(s) longer than ${MAX_LINE} characters.`);
    process.exitCode = 1;
  }
}
