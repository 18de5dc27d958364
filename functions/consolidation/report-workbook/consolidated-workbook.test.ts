import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { consolidate } from '../../../shared/consolidation/consolidate';
import type { ReportVariant, SubmissionRecord } from '../../../shared/indices/consolidation-model';
import { registry } from '../../../shared/config/registry';
import { requirePeriod } from '../../../shared/model/period';
import { findForbund } from '../../../shared/model/selectors';
import { seedRecords } from '../../../tests/support/seed-records';
import { readXlsxParts } from '../../../tests/support/xlsx-parts';
import { openWorkbook, rowOf } from '../../../tests/support/workbook-rows';
import { CHART_INDEX_MARK, CHART_INDEX_SHEET } from '../../../shared/consolidation/figure-names';
import { writeConsolidatedWorkbook } from './consolidated-workbook';

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

/** Every defined name of the workbook with the value of the cell it points at. */
async function namedValues(xlsx: Buffer): Promise<Map<string, ExcelJS.CellValue>> {
  const workbook = await openWorkbook(xlsx);
  const xml = (await readXlsxParts(xlsx)).get('xl/workbook.xml') ?? '';
  const out = new Map<string, ExcelJS.CellValue>();
  for (const [, name, sheet, column, row] of xml.matchAll(
    /<definedName name="(SAMR\.[^"]+)">'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)</g,
  ))
    out.set(name!, workbook.getWorksheet(sheet!.replace(/''/g, "'"))!.getCell(`${column}${row}`).value);
  return out;
}

let internal: Buffer;
beforeAll(async () => {
  internal = await build();
});

describe('the consolidated workbook', () => {
  it('has a sheet per template the förbund collects, in its order, with short readable tabs', async () => {
    const workbook = await openWorkbook(internal);
    expect(workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual([
      'Sammanfattning',
      'Arbetsmarknadstorgen',
      'Ungdomstorget',
      'Vuxentorget',
      'Samordningsteamen',
      'Impactindex',
      'Impactindex indikatorer',
      'Indikatorer',
      'Helårsekvivalenter',
      'Ekonomi',
      'Kontroll',
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
  });

  it('sets each kommun and the förbund against riket on Helårsekvivalenter, half-year by half-year', async () => {
    const named = await namedValues(internal);
    const at = (name: string) => named.get(`SAMR.helarsekvivalenter.${name}`);
    const rounded = (name: string) => Math.round((at(name) as number) * 10) / 10;
    expect([at('riket.befolkning_20_64'), at('riket.summa'), at('riket.andel_scb')]).toEqual([5937000, 700566, 11.82]);
    expect(['riket.andel._2022h1', 'riket.andel._2023h1'].map(rounded)).toEqual([12.1, 11.8]);
    expect(['umea.andel._2022h1', 'umea.andel._2023h1'].map(rounded)).toEqual([9.5, 9.3]);
    // The förbund is its kommuner's sums, and its share computed from them (SCB gives none of its own).
    expect(rounded('umearegionen.andel')).toBe(9.8);
    expect(at('umearegionen.andel_scb')).toBeUndefined();
    expect(rounded('umearegionen.andel.fg')).toBe(10);
  });

  it('colours the headline green where the target is reached and red where not', async () => {
    const sheet = (await openWorkbook(internal)).getWorksheet('Sammanfattning')!;
    let positive: ExcelJS.Row | undefined;
    let arbete: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value !== 'Arbetsmarknadstorgen') return;
      if (row.getCell(2).value === 'Andel positiv lösning') positive = row;
      if (row.getCell(2).value === 'Andel till arbete (av positiva)') arbete = row;
    });
    const argb = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([positive!.getCell(7).value, argb(positive!.getCell(3))]).toEqual(['Nej', 'FFFFC7CE']);
    expect([arbete!.getCell(7).value, argb(arbete!.getCell(3))]).toEqual(['Ja', 'FFC6EFCE']);
    expect(positive!.getCell(3).numFmt).toBe('0.0" %"');
  });

  it('gives every figure a defined name derived from the model, pointing at its cell', async () => {
    const named = await namedValues(internal);
    expect(named.get('SAMR.deltagare_avslut.arbetsmarknadstorgen.deltagare.antal.tot')).toBe(772);
    expect(named.get('SAMR.deltagare_avslut.arbetsmarknadstorgen.deltagare.antal.tot.fg')).toBe(705);
    expect(named.get('SAMR.deltagare_avslut.arbetsmarknadstorgen.deltagare.antal.tot.diff')).toBe(67);
    expect(named.get('SAMR.deltagare_avslut.ungdomstorget.andel_positiv.tot')).toBeCloseTo(71.43, 2);
    expect(named.get('SAMR.strategiska_indikatorer.umearegionen.indikatorer.lta_12.varde')).toBe(1063);
    expect(named.get('SAMR.ekonomi.kansli.kanslipersonal.utfall')).toBe(-1977);
    expect(named.get('SAMR.sammanfattning.arbetsmarknadstorgen.deltagare_avslut.andel_positiv')).toBeCloseTo(61.54, 2);
    // Every number on a visible sheet is a named figure.
    const workbook = await openWorkbook(internal);
    const addresses = new Set<string>();
    const xml = (await readXlsxParts(internal)).get('xl/workbook.xml') ?? '';
    for (const [, sheet, column, row] of xml.matchAll(
      /<definedName name="SAMR\.[^"]+">'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)</g,
    ))
      addresses.add(`${sheet!.replace(/''/g, "'")}!${column}${row}`);
    const unnamed: string[] = [];
    for (const sheet of workbook.worksheets.filter((s) => s.state === 'visible'))
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'number' && !addresses.has(`${sheet.name}!${cell.address}`))
            unnamed.push(`${sheet.name}!${cell.address}`);
        }),
      );
    expect(unnamed).toEqual([]);
    expect(named.size).toBe(addresses.size);
  });

  it('freezes headers and prints every sheet on A4, the width fitted, with the page header and footer', async () => {
    const workbook = await openWorkbook(internal);
    for (const sheet of workbook.worksheets.filter((s) => s.state === 'visible')) {
      expect([sheet.name, sheet.views[0]?.state]).toEqual([sheet.name, 'frozen']);
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      expect(sheet.headerFooter.oddFooter).toContain('Sida &P av &N');
    }
    expect(workbook.getWorksheet('Arbetsmarknadstorgen')!.pageSetup.orientation).toBe('landscape');
  });

  it('draws its charts as native chart parts, with a very hidden index of their figures by name', async () => {
    const parts = await readXlsxParts(internal);
    expect([...parts.keys()].filter((k) => k.startsWith('xl/media/'))).toEqual([]);
    const charts = [...parts.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).sort();
    // Sammanfattning: positiv lösning and Impactindex; Impactindex per area; the förbund against riket.
    expect(charts).toEqual([1, 2, 3, 4].map((n) => `xl/charts/chart${n}.xml`));
    const chart = parts.get('xl/charts/chart1.xml')!;
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain('Andel positiv lösning (%)');
    expect(chart).toMatch(/<c:f>'Sammanfattning'!\$C\$\d+:\$C\$\d+<\/c:f>/);
    expect(parts.get('[Content_Types].xml')).toContain('/xl/charts/chart1.xml');
    expect(parts.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('../drawings/drawing1.xml');
    expect(parts.get('xl/worksheets/sheet1.xml')).toMatch(/<drawing r:id="rIdSamladDrawing"\/>/);
    const index = (await openWorkbook(internal)).getWorksheet(CHART_INDEX_SHEET)!;
    expect(index.state).toBe('veryHidden');
    expect(index.getCell('A1').value).toBe(CHART_INDEX_MARK);
    const named = await namedValues(internal);
    const rows: ExcelJS.CellValue[][] = [];
    index.eachRow((row, n) => n > 2 && rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    const first = rows[0]!;
    expect(first.slice(0, 6)).toEqual([
      'deltagare-avslut.andel_positiv',
      'Andel positiv lösning (%)',
      'arbetsmarknadstorgen',
      'Arbetsmarknadstorgen',
      'current',
      '2023',
    ]);
    expect(named.get(String(first[6]))).toBeCloseTo(61.54, 2);
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

  it('says when it was made in Swedish local time, and says so', async () => {
    const sheet = (await openWorkbook(internal)).getWorksheet('Sammanfattning')!;
    expect(sheet.getCell('A3').value).toBe('Skapad 2024-02-01 07:00 svensk tid');
  });

  it('shows a missing platform as "saknas" with the reason, never 0', async () => {
    const xlsx = await build(
      'internal',
      seedRecords((r) => !(r.templateId === 'deltagare-avslut' && r.scope === 'vuxentorget' && r.period === '2023T3')),
    );
    const workbook = await openWorkbook(xlsx);
    const sheet = workbook.getWorksheet('Arbetsmarknadstorgen')!;
    expect(rowOf(sheet, 'Antal deltagare').slice(1, 4)).toEqual(['saknas', 'saknas', 'saknas']);
    let note = '';
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Antal deltagare') note = String((row.getCell(2).note as string | undefined) ?? '');
    });
    expect(note).toBe('Saknas – inte inrapporterat: Deltagare och avslut per plattform, Vuxentorget, 2023T3');
    expect(rowOf(workbook.getWorksheet('Vuxentorget')!, 'Antal deltagare').slice(1, 4)).toEqual([
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
    expect(sheets.length).toBe(14);
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
    const kr = workbook.getWorksheet('Samordningsteamen')!;
    expect(rowOf(kr, 'varav till studier').slice(1, 4)).toEqual(['–', '–', '–']);
    const summary = workbook.getWorksheet('Sammanfattning')!;
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts.some((t) => t.startsWith('– = värdet är 1–4'))).toBe(true);
    const headers: string[] = [];
    workbook.getWorksheet('Ekonomi')!.eachRow((row) => row.eachCell((cell) => headers.push(String(cell.value))));
    expect(headers).not.toContain('Kommentar');
  });
});
