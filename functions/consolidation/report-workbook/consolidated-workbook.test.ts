import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { consolidate, type ReportVariant, type SubmissionRecord } from '../../../shared/indices';
import { registry } from '../../../shared/config/registry';
import { requirePeriod } from '../../../shared/model/period';
import { findForbund } from '../../../shared/model/selectors';
import { seedRecords } from '../../../tests/support/seed-records';
import { readXlsxParts } from '../../../tests/support/xlsx-parts';
import { writeConsolidatedWorkbook } from './consolidated-workbook';
import { openWorkbook, rowOf } from '../../../tests/support/workbook-rows';

const forbund = findForbund(registry, 'umearegionen')!;
const GENERATED_AT = '2024-02-01T06:00:00.000Z';

async function build(
  variant: ReportVariant = 'internal',
  submissions: SubmissionRecord[] = seedRecords(),
): Promise<Buffer> {
  const c = consolidate({
    registry,
    forbund,
    period: requirePeriod('2023T3'),
    variant,
    basis: 'approved',
    generatedAt: GENERATED_AT,
    submissions,
  });
  return writeConsolidatedWorkbook(c, { inputsHash: 'f'.repeat(64), generator: 'Samlad (test)' });
}

let internal: Buffer;
beforeAll(async () => {
  internal = await build();
});

describe('the consolidated workbook', () => {
  it('has the sheets of the issue, in order', async () => {
    const workbook = await openWorkbook(internal);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Sammanfattning',
      'Arbetsmarknadstorgen',
      'Ungdomstorget',
      'Vuxentorget',
      'Samordningsteamen i kranskommun',
      'Impactindex',
      'Indikatorer per kommun',
      'Helårsekvivalenter',
      'Ekonomi',
      'Inlämningar',
      'Om rapporten',
    ]);
  });

  it("shows seed 004's Tabell 1 on the group's sheet: raw counts, %, and 2022", async () => {
    const sheet = (await openWorkbook(internal)).getWorksheet('Arbetsmarknadstorgen')!;
    const positive = rowOf(sheet, 'Avslutade till en för individen positiv lösning');
    expect(positive.slice(1, 4)).toEqual([71, 73, 144]);
    expect(Math.round(positive[4] as number)).toBe(62);
    expect(positive[5]).toBe(179);
    expect(Math.round(positive[6] as number)).toBe(66);
    expect(rowOf(sheet, 'Antal deltagare').slice(1, 4)).toEqual([398, 374, 772]);
    // The rate is stored as a percentage number with the format that shows it as one.
    let rateCell: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Avslutade till en för individen positiv lösning') rateCell = row.getCell(5);
    });
    expect([Math.round(rateCell?.value as number), rateCell?.numFmt]).toEqual([62, '0.0" %"']);
  });

  it('sets each kommun and the förbund against riket on Helårsekvivalenter, half-year by half-year', async () => {
    const sheet = (await openWorkbook(internal)).getWorksheet('Helårsekvivalenter')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const named = (name: string) => rows.filter((r) => r[0] === name);
    // The counts table, the shares per benefit, and the series: three rows each.
    expect(named('Riket')).toHaveLength(3);
    expect(named('Samordningsförbundet Umeåregionen')).toHaveLength(3);
    expect(rows).toContainEqual(['Region', '2022H1', '2023H1']);
    const [counts, , series] = named('Riket');
    expect(counts!.slice(1, 2)).toEqual([5937000]);
    expect(counts![8]).toBe(700566);
    expect((series!.slice(1) as number[]).map((v) => Math.round(v * 10) / 10)).toEqual([12.1, 11.8]);
    const umea = named('Umeå kommun')[2]!;
    expect((umea.slice(1) as number[]).map((v) => Math.round(v * 10) / 10)).toEqual([9.5, 9.3]);
  });

  it('colours the headline green where the target is reached and red where not', async () => {
    const sheet = (await openWorkbook(internal)).getWorksheet('Sammanfattning')!;
    let positive: ExcelJS.Row | undefined;
    let arbete: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Arbetsmarknadstorgen' && row.getCell(2).value === 'Andel positiv lösning')
        positive = row;
      if (row.getCell(1).value === 'Arbetsmarknadstorgen' && row.getCell(2).value === 'varav till arbete') arbete = row;
    });
    const argb = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([positive!.getCell(7).value, argb(positive!.getCell(3))]).toEqual(['Nej', 'FFFFC7CE']);
    expect([arbete!.getCell(7).value, argb(arbete!.getCell(3))]).toEqual(['Ja', 'FFC6EFCE']);
    expect(positive!.getCell(3).numFmt).toBe('0.0" %"');
  });

  it('freezes headers, fits columns and sets up printing on every sheet', async () => {
    const workbook = await openWorkbook(internal);
    for (const sheet of workbook.worksheets) {
      expect([sheet.name, sheet.views[0]?.state]).toEqual([sheet.name, 'frozen']);
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(20);
    }
  });

  it('embeds the charts as PNG images', async () => {
    const parts = await readXlsxParts(internal);
    const media = [...parts.keys()].filter((k) => k.startsWith('xl/media/'));
    // Summary: positiv lösning and Impactindex; Helårsekvivalenter: the förbund against riket.
    expect(media).toEqual(['xl/media/image1.png', 'xl/media/image2.png', 'xl/media/image3.png']);
    const zip = await JSZip.loadAsync(internal);
    const png = await zip.file('xl/media/image1.png')!.async('nodebuffer');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('is byte-identical for the same input, with every zip entry dated generatedAt', async () => {
    const again = await build();
    expect(again.equals(internal)).toBe(true);
    const zip = await JSZip.loadAsync(internal);
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...dates]).toEqual([GENERATED_AT]);
    const workbook = await openWorkbook(internal);
    expect(workbook.created.toISOString()).toBe(GENERATED_AT);
  });

  it('shows a missing platform as "saknas" with the reason, never 0', async () => {
    const xlsx = await build(
      'internal',
      seedRecords((r) => !(r.templateId === 'deltagare-avslut' && r.scope === 'vuxentorget' && r.period === '2023T3')),
    );
    const sheet = (await openWorkbook(xlsx)).getWorksheet('Arbetsmarknadstorgen')!;
    const antal = rowOf(sheet, 'Antal deltagare');
    expect(antal.slice(1, 4)).toEqual(['saknas', 'saknas', 'saknas']);
    let note = '';
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Antal deltagare') note = String((row.getCell(2).note as string | undefined) ?? '');
    });
    expect(note).toBe('Saknas – inte inrapporterat: Deltagare och avslut per plattform, Vuxentorget, 2023T3');
    expect(rowOf((await openWorkbook(xlsx)).getWorksheet('Vuxentorget')!, 'Antal deltagare').slice(1, 4)).toEqual([
      'saknas',
      'saknas',
      'saknas',
    ]);
  });

  it('writes formula-like text as text, never as a formula (checked in the sheet XML)', async () => {
    const hostile = [
      '=HYPERLINK("http://example.invalid","klicka")',
      '+46 90 123 45',
      '-1+1',
      '@SUM(A1:A2)',
      '\tflik',
      '\rretur',
    ];
    const records = seedRecords().map((r) =>
      r.templateId === 'ekonomi-utfall'
        ? {
            ...r,
            comment: hostile[1],
            values: {
              ...r.values,
              'kansli.kanslipersonal.kommentar': hostile[0]!,
              'kansli.lokalhyra.kommentar': hostile[2]!,
              'insatser.vuxentorget.kommentar': hostile[3]!,
            },
          }
        : r.templateId === 'eget-kapital'
          ? { ...r, comment: r.period === '2023' ? hostile[4] : hostile[5] }
          : r,
    );
    const xlsx = await build('internal', records);
    const parts = await readXlsxParts(xlsx);
    const sheets = [...parts.entries()].filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBe(11);
    for (const [name, xml] of sheets) expect([name, /<f[ >]/.test(xml)]).toEqual([name, false]);
    const shared = parts.get('xl/sharedStrings.xml') ?? '';
    const escape = (t: string) =>
      t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(shared).toContain(escape(hostile[0]!));
    expect(shared).toContain(hostile[1]);
    const workbook = await openWorkbook(xlsx);
    const economy = workbook.getWorksheet('Ekonomi')!;
    expect(rowOf(economy, 'Kanslipersonal')[5]).toBe(hostile[0]);
    const texts: string[] = [];
    workbook.getWorksheet('Inlämningar')!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    for (const text of [hostile[1], hostile[4]]) expect(texts).toContain(text);
    // A carriage return comes back as the line break XML readers make of it.
    expect(texts).toContain('\nretur');
  });

  it('leaves comments out of the published variant and marks suppressed cells', async () => {
    const workbook = await openWorkbook(await build('published'));
    const kr = workbook.getWorksheet('Samordningsteamen i kranskommun')!;
    expect(rowOf(kr, 'varav till studier').slice(1, 4)).toEqual(['–', '–', '–']);
    const summary = workbook.getWorksheet('Sammanfattning')!;
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts.some((t) => t.startsWith('– = värdet är 1–4'))).toBe(true);
    const economy = workbook.getWorksheet('Ekonomi')!;
    expect(economy.getRow(4).values).not.toContain('Kommentar');
  });
});
