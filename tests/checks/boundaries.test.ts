import path from 'node:path';
import { ROOT, runScriptIn } from './run-check';

/**
 * `npm test` runs `npm run lint:boundaries` (dependency-cruiser with .dependency-cruiser.cjs) on
 * the repository. Here the same command runs on two small trees laid out like the repository:
 * one breaking every rule once, one doing only what is allowed.
 */
const fixture = (name: string) => path.join(ROOT, 'tests/fixtures/boundaries', name);

describe('the boundary check', () => {
  it('fails on a tree that breaks each rule, naming the rule and the import', () => {
    const { status, output } = runScriptIn('lint:boundaries', fixture('violations'));
    expect(status).not.toBe(0);
    const violations = output
      .split('\n')
      .map((line) => /error (\S+): (\S+) → (\S*)/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(([, rule, from, to]) => `${rule}: ${from} → ${to}`);
    expect(violations).toEqual(
      expect.arrayContaining([
        'shared-is-pure: shared/model.ts → functions/store.ts',
        expect.stringMatching(/^shared-is-pure: shared\/model\.ts → .*node_modules\/exceljs\//),
        'shared-no-node-builtins: shared/model.ts → fs',
        'addin-imports-only-shared: addin/src/view.ts → functions/store.ts',
        'functions-not-addin: functions/pane-peek.ts → addin/src/view.ts',
        'product-not-tooling: functions/store.ts → scripts/tool.ts',
        'pane-build-not-functions: scripts/addin-build/icons.ts → functions/store.ts',
        expect.stringMatching(/^no-circular: functions\/(store|other)\.ts → $/),
      ]),
    );
  });

  it('passes a tree that keeps to the rules (zod in shared/, anything in tests and tooling)', () => {
    const { status, output } = runScriptIn('lint:boundaries', fixture('clean'));
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });
});
