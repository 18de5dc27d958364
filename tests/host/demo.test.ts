/**
 * `npm run demo` (the built dist/scripts/demo.js): its own in-memory stack, the seeds of both
 * förbund sent by their parties, all four workbooks written, the headlines and the flagged
 * figures printed — and nothing left running.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readChecks, readHeadline } from '../../scripts/demo/headline';
import { spawnScript } from '../support/node-process';
import { childEnv } from '../support/test-stack';

const out = mkdtempSync(path.join(tmpdir(), 'samlad-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('runs both förbund: loads their seeds, writes both workbooks, prints the headlines and the checks', async () => {
    const proc = spawnScript('scripts/demo.js', ['--out', out], { env: childEnv({ NO_COLOR: '1' }) });
    const code = await proc.exited;
    const output = proc.output();
    expect([code, output.includes('Klart på')]).toEqual([0, true]);
    expect(output).toMatch(/Umeåregionen: 65 inlämningar skickade av sina parter via API:t, 65 godkända av kansliet/);
    expect(output).toMatch(
      /Skellefteå-Norsjö: 1 inlämningar skickade av sina parter via API:t, 1 godkända av kansliet/,
    );
    expect(output).toMatch(
      /Arbetsmarknadstorgen\s+Andel positiv lösning\s+61,5 %\s+66,1 %\s+-4,5 p\.e\.\s+≥ 70 %\s+Nej/,
    );
    // Seed 004, Tabell 2: Arbetsmarknadstorgen's Impactindex 68 in 2023 (70 published for 2022; the method gives 68,4).
    expect(output).toMatch(/Arbetsmarknadstorgen\s+Impactindex\s+68,1\s+68,4\s+-0,3\s+≥ 70\s+Nej/);
    expect(output).toMatch(/Sammanfattning – Samordningsförbundet Skellefteå-Norsjö, Helår 2025/);
    expect(output).toMatch(/Kontroll: 5 värden bryter mot 3 regler i mallarna/);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      expect.stringMatching(/^Samlad_skelleftea-norsjo_2025_intern_[0-9a-f]{8}\.xlsx$/),
      expect.stringMatching(/^Samlad_skelleftea-norsjo_2025_publicerad_[0-9a-f]{8}\.xlsx$/),
      expect.stringMatching(/^Samlad_umearegionen_2023T3_intern_[0-9a-f]{8}\.xlsx$/),
      expect.stringMatching(/^Samlad_umearegionen_2023T3_publicerad_[0-9a-f]{8}\.xlsx$/),
    ]);
    const umea = readFileSync(path.join(out, files[2]!));
    expect(
      (await readHeadline(umea)).find((h) => h.scope === 'Arbetsmarknadstorgen' && h.label === 'Andel positiv lösning'),
    ).toMatchObject({ current: '61,5 %', lastYear: '66,1 %', target: '≥ 70 %', reached: 'Nej' });
    // Seed 000's three arithmetic errors, each named on the Kontroll sheet with its difference.
    const checks = await readChecks(readFileSync(path.join(out, files[0]!)));
    expect(checks.map((c) => [c.cell, c.actual, c.expected, c.difference])).toEqual([
      ['Arbetsförmedlingen (Totalt)', '25', '24', '+1'],
      ['Samtliga (Kvinnor)', '62', '61', '+1'],
      ['Samtliga (Män)', '87', '88', '-1'],
      ['Samtliga (Totalt)', '149', '150', '-1'],
      ['varav bedömda i behov av utökad samverkan via ArbSam (Antal)', '60', '58', '+2'],
    ]);
  }, 180_000);
});
