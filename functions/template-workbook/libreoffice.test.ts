import type ExcelJS from 'exceljs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layoutTemplate } from '../../shared';
import { edgeCase } from '../../tests/fixtures/workbooks/edge-template';
import { editWorkbook, inputCellAddresses } from '../../tests/support/fill-workbook';
import { LIBREOFFICE_INSTALL, convertManyToCsv, findSoffice, parseCsv } from '../../tests/support/libreoffice';
import { caseStem, templateCases, type TemplateCase } from '../../tests/support/template-cases';
import { generateTemplateWorkbook } from './index';

/**
 * LibreOffice is an independent reader: a workbook it converts is valid beyond what exceljs'
 * own reader forgives. Skipped only on a developer machine without LibreOffice; under CI a
 * missing LibreOffice fails the run.
 */
const soffice = findSoffice();
const runIt = soffice !== undefined || Boolean(process.env.CI);
if (!runIt) {
  // eslint-disable-next-line no-console
  console.warn(`LibreOffice check skipped: soffice is not installed. Install with: ${LIBREOFFICE_INSTALL}`);
}
const maybe = runIt ? describe : describe.skip;

type Case = Pick<TemplateCase, 'template' | 'forbund' | 'period' | 'scope'> & { stem: string };

const cases: Case[] = [
  ...templateCases(2023).map((c) => ({ ...c, stem: caseStem(c) })),
  { ...edgeCase(), stem: 'kantfall' },
];

maybe(
  `LibreOffice opens every generated ` +
    `workbook${runIt ? '' : ` (skipped: soffice not installed; ${LIBREOFFICE_INSTALL})`}`,
  () => {
    let dir: string;
    let csv: Map<string, string[][]>;
    const filledStem = 'filled-deltagare';

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'samlad-workbooks-'));
      const paths: string[] = [];
      for (const c of cases) {
        const path = join(dir, `${c.stem}.xlsx`);
        await writeFile(path, await generateTemplateWorkbook(c));
        paths.push(path);
      }
      // One filled workbook too: a number and two formulas, one with a stale cached result that
      // LibreOffice must recalculate (the profile sets OOXMLRecalcMode to always).
      const deltagare = cases.find((c) => c.template.definition.id === 'deltagare-avslut')!;
      const filled = await editWorkbook(await generateTemplateWorkbook(deltagare), (workbook) => {
        const at = inputCellAddresses(workbook);
        const set = (id: string, value: ExcelJS.CellValue): void => {
          const where = at.get(id)!;
          where.sheet.getCell(where.address).value = value;
        };
        set('deltagare.antal.k', 1234);
        set('deltagare.antal.m', { formula: '5000+678', result: 1 } as ExcelJS.CellFormulaValue);
        const sum = `${at.get('deltagare.antal.k')!.address}+${at.get('deltagare.antal.m')!.address}`;
        set('deltagare.antal.tot', { formula: sum, result: 6912 } as ExcelJS.CellFormulaValue);
      });
      const filledPath = join(dir, `${filledStem}.xlsx`);
      await writeFile(filledPath, filled);
      paths.push(filledPath);

      // One LibreOffice run for all files: starting it is most of the cost.
      const converted = await convertManyToCsv(paths);
      csv = new Map(
        [...converted].map(([path, text]) => [path.slice(dir.length + 1, -'.xlsx'.length), parseCsv(text)]),
      );
    }, 180_000);

    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it.each(cases.map((c) => [c.stem, c] as const))(
      '%s: title, subtitle and every row label come through',
      (stem, c) => {
        const rows = csv.get(stem)!;
        expect(rows).toBeDefined();
        const layout = layoutTemplate(c.template);
        expect(rows[layout.titleRow - 1]?.[0]).toBe(c.template.definition.title);
        expect(rows[layout.subtitleRow - 1]?.[0]).toContain(c.scope.name);
        c.template.sections.forEach((section, i) => {
          const sectionLayout = layout.sections[i]!;
          expect(rows[sectionLayout.titleRow - 1]?.[0]).toBe(section.title);
          for (const row of section.rows) {
            const label = rows[sectionLayout.rowNumbers.get(row.id)! - 1]?.[0];
            expect(label).toBe(row.unit ? `${row.label} (${row.unit})` : row.label);
          }
        });
      },
    );

    it('shows filled counts with Swedish digit grouping, formulas recalculated', () => {
      const rows = csv.get(filledStem)!;
      const deltagare = cases.find((c) => c.template.definition.id === 'deltagare-avslut')!;
      const row = layoutTemplate(deltagare.template).positions.get('deltagare.antal.k')!.row;
      // LibreOffice groups digits with a (no-break) space in sv-SE, so `#,##0` works in a Swedish
      // locale; Män shows 5 678, not the stale cached 1.
      expect(rows[row - 1]?.slice(0, 4).map((v) => v.replace(/[\s\u00a0\u202f]/g, ' '))).toEqual([
        'Antal deltagare',
        '1 234',
        '5 678',
        '6 912',
      ]);
    });
  },
);
