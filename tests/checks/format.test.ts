import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runScriptIn } from './run-check';

/**
 * `npm test` runs `npm run format:check` (Prettier, the repository's .prettierrc.json) on every
 * file. Here the same command runs in a folder holding the repository's Prettier settings and
 * one file: unformatted it fails and names the file; formatted by Prettier it passes.
 */
describe('the format check', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'samlad-format-'));
    copyFileSync(path.join(ROOT, '.prettierrc.json'), path.join(dir, '.prettierrc.json'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const source = readFileSync(path.join(ROOT, 'tests/fixtures/format/unformatted.ts'), 'utf8');

  it('fails on an unformatted file and names it', () => {
    writeFileSync(path.join(dir, 'unformatted.ts'), source);
    const { status, output } = runScriptIn('format:check', dir);
    expect(status).not.toBe(0);
    expect(output).toContain('unformatted.ts');
  });

  it('passes the same file once `npm run format` has formatted it', () => {
    writeFileSync(path.join(dir, 'unformatted.ts'), source);
    expect(runScriptIn('format', dir).status).toBe(0);
    expect(readFileSync(path.join(dir, 'unformatted.ts'), 'utf8')).not.toBe(source);
    expect(runScriptIn('format:check', dir).status).toBe(0);
  });
});
