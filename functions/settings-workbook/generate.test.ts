import ExcelJS from 'exceljs';
import { registry } from '../../shared/config/registry';
import { findForbund } from '../../shared/model/selectors';
import { documentYear, proposalFromWorkbook, yearDocuments } from '../../shared/settings';
import { generateSettingsWorkbook } from './generate';
import { readSettingsUpload } from './read-upload';
import { readXlsxParts } from '../../tests/support/xlsx-parts';

const umearegionen = findForbund(registry, 'umearegionen')!;
const document = yearDocuments(umearegionen).find((d) => documentYear(d) === 2023)!;
const generatedAt = new Date('2024-12-01T08:00:00Z');

function generate() {
  return generateSettingsWorkbook({
    document,
    templates: registry.templates,
    version: 2,
    forbundName: umearegionen.name,
    generatedAt,
  });
}

describe('the Inställningar workbook', () => {
  it('reads back, through an upload, as the document it was made from', async () => {
    const raw = await readSettingsUpload(await generate());
    const expected = { forbund: 'umearegionen', year: 2023, forbundName: (id: string) => id };
    const read = proposalFromWorkbook(raw, expected, () => document, { templates: registry.templates });
    if (read.kind !== 'read') throw new Error(JSON.stringify(read.findings));
    expect(read.findings.filter((f) => f.severity === 'fel')).toEqual([]);
    expect(read.basedOn).toBe(2);
    expect(read.document).toEqual(document);
  });

  it('has the sheets, input cells with Excel checks, and a defined name per field and table', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await generate()) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Om inställningarna',
      'Parter och kommuner',
      'Plattformar',
      'Plattformsgrupper',
      'Mallar',
      'Mål',
      'Målområden',
      'Indikatorer',
      'Budget',
      'Samverkansinitiativ',
      'Trappan',
      'Perioder och sista dagar',
    ]);
    const names = workbook.definedNames.model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['INST.format', 'INST.parter', 'INST.indikatorer', 'INST.mal']));
    const weight = workbook.getWorksheet('Indikatorer')!.getCell('D6');
    expect(weight.value).toBe(document.years['2023']!.socialBudget!.indicators[0]!.weight);
    expect(weight.dataValidation).toMatchObject({ type: 'decimal', formulae: [1, 10] });
    expect(workbook.getWorksheet('Parter och kommuner')!.getCell('C6').dataValidation).toMatchObject({ type: 'list' });
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const hostile = { ...document, name: '=HYPERLINK("http://example.invalid","klicka")' };
    const xlsx = await generateSettingsWorkbook({
      document: hostile,
      templates: registry.templates,
      version: 2,
      forbundName: 'x',
      generatedAt,
    });
    const parts = await readXlsxParts(xlsx);
    for (const [name, xml] of parts) if (name.startsWith('xl/worksheets/')) expect(xml).not.toMatch(/<f>/);
    expect([...parts.values()].some((xml) => xml.includes('HYPERLINK'))).toBe(true);
  });
});
