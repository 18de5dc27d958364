/**
 * `npm run demo` (the built dist/scripts/demo.js): its own in-memory stack, the seeds sent by
 * their parties, both workbooks written, the headline printed — and nothing left running.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readHeadline } from '../../scripts/demo/headline';
import { spawnScript } from '../support/node-process';
import { childEnv } from '../support/test-stack';

const out = mkdtempSync(path.join(tmpdir(), 'samlad-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('loads the seeds, writes the internal and published workbooks and prints the headline', async () => {
    const proc = spawnScript('scripts/demo.js', ['--out', out], { env: childEnv({ NO_COLOR: '1' }) });
    const code = await proc.exited;
    const output = proc.output();
    expect([code, output.includes('Klart på')]).toEqual([0, true]);
    expect(output).toMatch(/62 inlämningar skickade av sina parter via API:t, 62 godkända av kansliet/);
    expect(output).toMatch(
      /Arbetsmarknadstorgen\s+Andel positiv lösning\s+61,5 %\s+66,1 %\s+-4,5 p\.e\.\s+≥ 70 %\s+Nej/,
    );
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      expect.stringMatching(/^Samlad_umearegionen_2023T3_intern_[0-9a-f]{8}\.xlsx$/),
      expect.stringMatching(/^Samlad_umearegionen_2023T3_publicerad_[0-9a-f]{8}\.xlsx$/),
    ]);
    const headline = await readHeadline(readFileSync(path.join(out, files[0]!)));
    expect(
      headline.find((h) => h.scope === 'Arbetsmarknadstorgen' && h.label === 'Andel positiv lösning'),
    ).toMatchObject({ current: '61,5 %', lastYear: '66,1 %', target: '≥ 70 %', reached: 'Nej' });
    expect(existsSync(path.join(out, files[1]!))).toBe(true);
  }, 120_000);
});
