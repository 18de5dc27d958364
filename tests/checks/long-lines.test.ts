import path from 'node:path';
import { ROOT, runScriptIn } from './run-check';

/**
 * `npm test` runs `npm run lint:lines` (scripts/checks/long-lines.ts, built) on the repository.
 * Here the same command runs on a tree with a 121-character line, and on one whose longest line
 * has 120 characters, most of them two bytes in UTF-8.
 */
const fixture = (name: string) => path.join(ROOT, 'tests/fixtures/long-lines', name);

describe('the line-length check', () => {
  it('fails on a line over 120 characters and names its file and line', () => {
    const { status, output } = runScriptIn('lint:lines', fixture('too-long'));
    expect(status).not.toBe(0);
    expect(output).toContain('shared/model.ts:2: 121 characters');
  });

  it('passes lines of 120 characters, counted as characters', () => {
    const { status, output } = runScriptIn('lint:lines', fixture('fine'));
    expect(output).toBe('');
    expect(status).toBe(0);
  });
});
