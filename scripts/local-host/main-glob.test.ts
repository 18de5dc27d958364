import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expandBraces, expandMainGlob } from './main-glob';

describe('expandBraces', () => {
  it.each([
    ['a.js', ['a.js']],
    ['{a,b}.js', ['a.js', 'b.js']],
    [
      'dist/functions/{index,http/*,timers/*}.js',
      ['dist/functions/index.js', 'dist/functions/http/*.js', 'dist/functions/timers/*.js'],
    ],
    ['x{a,b{c,d}}y', ['xay', 'xbcy', 'xbdy']],
    ['{a,b}{1,2}', ['a1', 'a2', 'b1', 'b2']],
  ])('%s', (pattern, expected) => {
    expect(expandBraces(pattern)).toEqual(expected);
  });

  it('rejects unbalanced braces', () => {
    expect(() => expandBraces('{a,b.js')).toThrow(/Unbalanced/);
  });
});

describe('expandMainGlob', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'samlad-glob-'));
    for (const file of [
      'dist/functions/index.js',
      'dist/functions/index.js.map',
      'dist/functions/http/b.js',
      'dist/functions/http/a.js',
      'dist/functions/http/nested/c.js',
      'dist/functions/other.js',
    ]) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), '');
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('loads the entry file first, then each folder in name order, never .map files or subfolders', () => {
    const files = expandMainGlob(root, 'dist/functions/{index,http/*,timers/*}.js').map((f) => path.relative(root, f));
    expect(files).toEqual(['dist/functions/index.js', 'dist/functions/http/a.js', 'dist/functions/http/b.js']);
  });

  it('matches nothing for a missing folder', () => {
    expect(expandMainGlob(root, 'dist/nothing/*.js')).toEqual([]);
  });

  it('rejects "**"', () => {
    expect(() => expandMainGlob(root, 'dist/**/*.js')).toThrow(/"\*\*" is not supported/);
  });
});
