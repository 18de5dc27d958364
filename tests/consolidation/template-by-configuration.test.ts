/**
 * A template added by configuration alone — no code names it — appears in the consolidated
 * workbook, internal and published: a sheet per platform and for their group, the platforms'
 * counts summed into the group, its ratio computed from the sums against its target, its
 * headline on Sammanfattning, a defined name for every figure, and small counts suppressed.
 */
import type ExcelJS from 'exceljs';
import { consolidate } from '../../shared/consolidation/consolidate';
import { hiddenKey } from '../../shared/consolidation/template-figures';
import { SUPPRESSION } from '../../shared/config/finance';
import { skellefteaNorsjo } from '../../shared/config/forbund/skelleftea-norsjo';
import { umearegionen } from '../../shared/config/forbund/umearegionen';
import { buildRegistry } from '../../shared/config/registry';
import { TEMPLATE_INPUTS } from '../../shared/config/templates';
import type { ReportVariant, SubmissionRecord } from '../../shared/indices/consolidation-model';
import { requirePeriod } from '../../shared/model/period';
import { findForbund } from '../../shared/model/selectors';
import { writeConsolidatedWorkbook } from '../../functions/consolidation/report-workbook/consolidated-workbook';
import { motesplatser } from '../fixtures/templates/motesplatser';
import { openWorkbook, rowOf } from '../support/workbook-rows';
import { readXlsxParts } from '../support/xlsx-parts';
import { auditPublished } from '../support/suppression-audit';

const registry = buildRegistry(
  [{ ...umearegionen, templates: [...umearegionen.templates, 'motesplatser'] }, skellefteaNorsjo],
  [...TEMPLATE_INPUTS, motesplatser],
);
const forbund = findForbund(registry, 'umearegionen')!;

/** [k, m] per row: besökare, nya, vidare. Samordningsteamen's 3 and 4 are small counts. */
const FIGURES = {
  '2023T3': {
    ungdomstorget: [
      [40, 35],
      [20, 18],
      [12, 13],
    ],
    vuxentorget: [
      [60, 55],
      [30, 25],
      [20, 21],
    ],
    samordningsteamen: [
      [10, 8],
      [5, 6],
      [3, 4],
    ],
  },
  '2022T3': {
    ungdomstorget: [
      [38, 30],
      [19, 15],
      [10, 9],
    ],
    vuxentorget: [
      [50, 52],
      [25, 24],
      [15, 16],
    ],
    samordningsteamen: [
      [12, 9],
      [6, 5],
      [5, 5],
    ],
  },
} as const;

function records(): SubmissionRecord[] {
  return Object.entries(FIGURES).flatMap(([period, platforms]) =>
    Object.entries(platforms).map(([scope, rows], i): SubmissionRecord => {
      const values: Record<string, number> = {};
      (['besokare', 'nya', 'vidare'] as const).forEach((row, r) => {
        const [k, m] = rows[r]!;
        Object.assign(values, { [`besok.${row}.k`]: k, [`besok.${row}.m`]: m, [`besok.${row}.tot`]: k + m });
      });
      return {
        id: `${period}~motesplatser~${scope}~1`,
        templateId: 'motesplatser',
        templateVersion: 1,
        period,
        scope,
        party: 'umea',
        version: 1,
        sha256: String(i).padStart(64, 'a'),
        state: 'godkand',
        submittedAt: '2024-01-10T08:00:00.000Z',
        updatedAt: '2024-01-10T08:00:00.000Z',
        values,
      };
    }),
  );
}

const run = (variant: ReportVariant) =>
  consolidate({
    registry,
    forbund,
    period: requirePeriod('2023T3'),
    variant,
    basis: 'approved',
    generatedAt: '2024-02-01T06:00:00.000Z',
    submissions: records(),
  });
const workbookOf = async (variant: ReportVariant) =>
  writeConsolidatedWorkbook(run(variant), { inputsHash: 'f'.repeat(64), generator: 'test' });

let internal: Buffer;
let published: Buffer;
beforeAll(async () => {
  [internal, published] = await Promise.all([workbookOf('internal'), workbookOf('published')]);
});

describe('a template added by configuration alone', () => {
  it('gets a sheet for the group and each platform, its tabs saying whose they are', async () => {
    const names = (await openWorkbook(internal)).worksheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Arbetsmarknadstorgen Deltagare',
        'Ungdomstorget Mötesplatser',
        'Vuxentorget Mötesplatser',
        'Samordningsteamen Mötesplatser',
      ]),
    );
    expect(names.filter((n) => n.startsWith('Arbetsmarknadstorgen'))).toHaveLength(2);
  });

  it("sums the platforms' counts into the group and computes the ratio from the sums, against its target", async () => {
    const workbook = await openWorkbook(internal);
    const group = workbook.worksheets.find(
      (s) => s.name.startsWith('Arbetsmarknadstorgen') && s.name !== 'Arbetsmarknadstorgen Deltagare',
    )!;
    const row = rowOf(group, 'varav vidare till en insats');
    // Kvinnor, Män, Totalt, % (of besökare), Totalt 2022, % 2022
    expect(row.slice(1, 4)).toEqual([35, 38, 73]);
    expect(row[4]).toBeCloseTo((73 / 208) * 100, 9);
    expect(row[5]).toBe(19 + 31 + 10);
    expect(rowOf(group, 'Besökare').slice(1, 4)).toEqual([110, 98, 208]);
    const percent = group.getCell(`E${findRow(group, 'varav vidare till en insats')}`);
    expect((percent.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE'); // 35,1 % ≥ 30 %: green
  });

  it('shows its headline figure per scope on Sammanfattning, and names every figure', async () => {
    const c = run('internal');
    const rows = c.headline.filter((h) => h.key === 'motesplatser.andel_vidare');
    expect(rows.map((r) => [r.scope, Math.round(r.current.value! * 10) / 10, r.reached])).toEqual([
      ['Arbetsmarknadstorgen', 35.1, true],
      ['Ungdomstorget', 33.3, true],
      ['Vuxentorget', 35.7, true],
      ['Samordningsteamen i kranskommunerna', 38.9, true],
    ]);
    const xml = (await readXlsxParts(internal)).get('xl/workbook.xml')!;
    expect(xml).toContain('<definedName name="SAMR.motesplatser.arbetsmarknadstorgen.besok.besokare.tot">');
    expect(xml).toContain('<definedName name="SAMR.motesplatser.arbetsmarknadstorgen.andel_vidare.tot">');
    expect(xml).toContain('<definedName name="SAMR.sammanfattning.arbetsmarknadstorgen.motesplatser.andel_vidare">');
  });

  it('hides its small counts in the published variant, and enough around them that none can be narrowed', async () => {
    const figures = run('published').templates.find((t) => t.definition.id === 'motesplatser')!;
    const hidden = (scope: string, cell: string) => figures.hidden.has(hiddenKey(scope, 'current', cell));
    expect([hidden('samordningsteamen', 'besok.vidare.k'), hidden('samordningsteamen', 'besok.vidare.m')]).toEqual([
      true,
      true,
    ]);
    // No hidden count of 1–4 can be narrowed to fewer than five values by a reader of the tables.
    const exposed = auditPublished(figures, SUPPRESSION.limit).filter((a) => a.high - a.low < SUPPRESSION.limit);
    expect(exposed).toEqual([]);
    const sheet = (await openWorkbook(published)).getWorksheet('Samordningsteamen Mötesplatser')!;
    // 3 women and 4 men: both hidden; their sum 7 alone cannot tell which is which, so it stays.
    expect(rowOf(sheet, 'varav vidare till en insats').slice(1, 4)).toEqual(['–', '–', 7]);
  });
});

function findRow(sheet: ExcelJS.Worksheet, label: string): number {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (!found && row.getCell(1).value === label) found = n;
  });
  return found;
}
