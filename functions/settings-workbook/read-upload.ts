import type ExcelJS from 'exceljs';
import { SETTINGS_NAME_PREFIX, type RawArea, type RawSettingsWorkbook } from '../../shared/settings';
import { ApiError } from '../api/api-error';
import { assertSafeXlsx } from '../api/xlsx-guard';
import { exceljs } from '../template-workbook/exceljs';
import { readCell } from '../template-workbook/read-cell';

/** A named area larger than this is not one Samlad wrote: it is not read. */
const MAX_AREA_CELLS = 10_000;

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** `'Blad 1'!$A$5:$F$65` or `Blad!$B$5` → sheet and corners; undefined for anything else. */
function parseArea(reference: string) {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(reference);
  if (!match) return undefined;
  const sheet = (match[1]?.replace(/''/g, "'") ?? match[2] ?? '').trim();
  const left = columnNumber(match[3] ?? '');
  const top = Number(match[4]);
  const right = match[5] ? columnNumber(match[5]) : left;
  const bottom = match[6] ? Number(match[6]) : top;
  if ((right - left + 1) * (bottom - top + 1) > MAX_AREA_CELLS || right < left || bottom < top) return undefined;
  return { sheet, top, left, right, bottom };
}

/**
 * The `INST.*` areas of an uploaded *Inställningar* workbook, cell by cell, for the shared reader.
 * The zip is checked (entries, inflated size) before anything parses it; a file that is not a
 * workbook is refused with the same Swedish message as a template upload.
 */
export async function readSettingsUpload(buffer: Buffer): Promise<RawSettingsWorkbook> {
  await assertSafeXlsx(buffer);
  const workbook = new (exceljs().Workbook)();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new ApiError(
      422,
      'not-xlsx',
      'Filen är inte en Excel-arbetsbok (.xlsx) eller är skadad. Spara den på nytt i Excel och försök igen.',
    );
  }
  const areas = new Map<string, RawArea>();
  for (const { name, ranges } of workbook.definedNames.model) {
    if (!name.toUpperCase().startsWith(SETTINGS_NAME_PREFIX.toUpperCase()) || ranges.length !== 1) continue;
    const area = parseArea(ranges[0] ?? '');
    const sheet = area && workbook.getWorksheet(area.sheet);
    if (!area || !sheet) continue;
    const cells = Array.from({ length: area.bottom - area.top + 1 }, (_, r) =>
      Array.from({ length: area.right - area.left + 1 }, (_, c) =>
        readCell(sheet.getCell(area.top + r, area.left + c)),
      ),
    );
    areas.set(name.slice(SETTINGS_NAME_PREFIX.length).toLowerCase(), {
      sheet: sheet.name,
      top: area.top,
      left: area.left,
      cells,
    });
  }
  return areas;
}
