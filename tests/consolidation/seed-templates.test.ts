/**
 * The templates the first version collected but never consolidated now appear in the workbook by
 * their own definitions: Skellefteå-Norsjö's ArbSam (seed 000, section 2.3) with its errors on
 * Kontroll, and Umeåregionen's samverkansinitiativ (seed 002).
 */
import { consolidate } from '../../shared/consolidation/consolidate';
import { registry } from '../../shared/config/registry';
import type { ReportVariant, SubmissionRecord } from '../../shared/indices/consolidation-model';
import type { CellValue } from '../../shared/model/cell-kind';
import { requirePeriod } from '../../shared/model/period';
import { findForbund } from '../../shared/model/selectors';
import { writeConsolidatedWorkbook } from '../../functions/consolidation/report-workbook/consolidated-workbook';
import { arbsam2025 } from '../fixtures/seeds/seed-000-arbsam';
import { initiativ2024 } from '../fixtures/seeds/seed-002-initiativ';
import { openWorkbook, rowOf } from '../support/workbook-rows';
import { auditPublished } from '../support/suppression-audit';
import { SUPPRESSION } from '../../shared/config/finance';

const record = (
  templateId: string,
  period: string,
  scope: string,
  party: string,
  values: Record<string, CellValue>,
): SubmissionRecord => ({
  id: `${period}~${templateId}~${scope}~${party}~1`,
  templateId,
  templateVersion: 1,
  period,
  scope,
  party,
  version: 1,
  sha256: 'b'.repeat(64),
  state: 'godkand',
  submittedAt: '2026-01-20T08:00:00.000Z',
  updatedAt: '2026-01-20T08:00:00.000Z',
  comment: 'Som i årsredovisningen.',
  values,
});

async function workbook(forbundId: string, period: string, submissions: SubmissionRecord[], variant: ReportVariant) {
  const c = consolidate({
    registry,
    forbund: findForbund(registry, forbundId)!,
    period: requirePeriod(period),
    variant,
    basis: 'approved',
    generatedAt: '2026-02-01T06:00:00.000Z',
    submissions,
  });
  return {
    c,
    workbook: await openWorkbook(await writeConsolidatedWorkbook(c, { inputsHash: 'x', generator: 'test' })),
  };
}

describe('ArbSam (seed 000) in Skellefteå-Norsjö’s workbook', () => {
  const arbsam = [record('arbsam', '2025', 'arbsam', 'skelleftea', arbsam2025)];

  it('shows section 2.3 table by table, with each row’s share of Samtliga', async () => {
    const { workbook: book } = await workbook('skelleftea-norsjo', '2025', arbsam, 'internal');
    const sheet = book.getWorksheet('ArbSam')!;
    expect(rowOf(sheet, '30–50 år').slice(1, 5)).toEqual([28, 52, 80, expect.closeTo((80 / 149) * 100, 9)]);
    expect(rowOf(sheet, 'Kommuner').slice(1, 4)).toEqual([28, 58, 86]);
    expect(rowOf(sheet, 'Åter remittent').slice(1, 5)).toEqual([
      'saknas',
      'saknas',
      24,
      expect.closeTo((24 / 46) * 100, 9),
    ]);
    expect(rowOf(sheet, 'Samtliga avslutade deltagare')[1]).toBe(17.5);
    expect(rowOf(sheet, 'Café Klockaren')[1]).toBe(11);
    expect(rowOf(sheet, 'Personer i kö till ArbSam vid årets slut')[1]).toBe(4);
    // No 2024 figures were sent: last year is missing, never 0.
    expect(rowOf(sheet, '30–50 år')[5]).toBe('saknas');
  });

  it('names its three arithmetic errors on Kontroll: template, scope, cell and difference', async () => {
    const { c, workbook: book } = await workbook('skelleftea-norsjo', '2025', arbsam, 'internal');
    expect(c.checks.map((x) => [x.templateTitle, x.scope, x.cellLabel, x.difference])).toEqual([
      ['ArbSam – deltagare, avslut och förberedande insatser', 'ArbSam', 'Arbetsförmedlingen (Totalt)', 1],
      ['ArbSam – deltagare, avslut och förberedande insatser', 'ArbSam', 'Samtliga (Kvinnor)', 1],
      ['ArbSam – deltagare, avslut och förberedande insatser', 'ArbSam', 'Samtliga (Män)', -1],
      ['ArbSam – deltagare, avslut och förberedande insatser', 'ArbSam', 'Samtliga (Totalt)', -1],
      [
        'ArbSam – deltagare, avslut och förberedande insatser',
        'ArbSam',
        'varav bedömda i behov av utökad samverkan via ArbSam (Antal)',
        2,
      ],
    ]);
    expect(new Set(c.checks.map((x) => x.ruleId))).toEqual(
      new Set(['remittent_kon', 'remittent_samtliga', 'forum_ursprung']),
    );
    const sheet = book.getWorksheet('Kontroll')!;
    expect(String(sheet.getCell('A3').value)).toBe(
      '5 värden bryter mot 3 regler. Rapporten visar värdena som de inrapporterades.',
    );
  });

  it('hides small counts when published: 4 men aged 51–65, and enough around them to keep them protected', async () => {
    const { c, workbook: book } = await workbook('skelleftea-norsjo', '2025', arbsam, 'published');
    // The solver hides Totalt 16 too; the audit below shows every small count keeps five or more values.
    expect(rowOf(book.getWorksheet('ArbSam')!, '51–65 år').slice(1, 4)).toEqual(['–', '–', '–']);
    // No hidden count of 1–4 can be narrowed to fewer than five values through the rules that hold.
    const audited = c.templates.flatMap((figures) => auditPublished(figures, SUPPRESSION.limit));
    expect(audited.length).toBeGreaterThan(0);
    expect(audited.filter((a) => a.high - a.low < SUPPRESSION.limit)).toEqual([]);
  });
});

describe('samverkansinitiativ (seed 002) in Umeåregionen’s 2024 workbook', () => {
  const initiatives = [record('samverkansinitiativ', '2024', 'umearegionen', 'kansli', initiativ2024)];

  it('counts the initiatives per status and feasibility, and lists each with its assessment', async () => {
    const { workbook: book } = await workbook('umearegionen', '2024', initiatives, 'internal');
    const sheet = book.getWorksheet('Samverkansinitiativ')!;
    expect(rowOf(sheet, 'Pågående')[1]).toBe(12);
    expect(rowOf(sheet, 'Svår, lång tid')[1]).toBe(5);
    expect(rowOf(sheet, 'Totalt')[1]).toBe(12);
    expect(rowOf(sheet, '6. Arbetssökande som saknar gymnasieutbildning').slice(1, 4)).toEqual([
      'Pågående',
      'Svår, lång tid',
      5,
    ]);
    expect(rowOf(sheet, '13. SDK – Säker digital kommunikation')[5]).toBe('Påverkan ej bedömd.');
  });

  it('leaves the free-text comments out of the published variant', async () => {
    const { workbook: book } = await workbook('umearegionen', '2024', initiatives, 'published');
    const row = rowOf(book.getWorksheet('Samverkansinitiativ')!, '13. SDK – Säker digital kommunikation');
    // Impact and indicator value not assessed: missing, never 0; then no Kommentar column.
    expect(row.slice(1)).toEqual(['Pågående', 'Svår, lång tid', 'saknas', 'saknas']);
  });
});
