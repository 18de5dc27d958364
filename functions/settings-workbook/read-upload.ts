import { SETTINGS_NAME_PREFIX, type RawArea, type RawSettingsWorkbook } from '../../shared/settings';
import { ApiError } from '../api/api-error';
import { xlsxRefusalError } from '../api/xlsx-refusal';
import { checkTemplateBytes } from '../template-workbook';
import {
  cellOf,
  isXlsxRefusal,
  parseCellAddress,
  sharedUntrustedXlsxReader,
  type UntrustedXlsxReader,
  type XlsxContent,
  type XlsxQuery,
} from '../untrusted-xlsx';

/** What a settings upload is read for: its `INST.*` names and nothing else. */
export const SETTINGS_QUERY: XlsxQuery = { names: /^INST\./i, wholeSheets: [] };

/** A named area as rows of cells, from the addresses the reader gives row by row. */
function areaOf(content: XlsxContent, sheet: string, addresses: readonly string[]): RawArea | undefined {
  const positions = addresses.map(parseCellAddress);
  const first = positions[0];
  if (!first || positions.some((p) => p === undefined)) return undefined;
  const top = first.row;
  const left = first.column;
  const cells: RawArea['cells'][number][] = [];
  positions.forEach((p, i) => {
    if (!p) return;
    const row = (cells[p.row - top] ??= []) as ReturnType<typeof cellOf>[];
    row[p.column - left] = cellOf(content, sheet, addresses[i]!);
  });
  return { sheet, top, left, cells };
}

/**
 * The `INST.*` areas of an uploaded *Inställningar* workbook, cell by cell, for the shared
 * reader. The file goes through the intake every untrusted workbook goes through
 * (functions/untrusted-xlsx: read in a worker, costing what its bytes cost); a name that points
 * nowhere, at several areas or at too large a one is left out, and the reader names what is
 * missing. A file the intake will not read is refused with its Swedish reason.
 */
export async function readSettingsUpload(
  buffer: Buffer,
  reader: UntrustedXlsxReader = sharedUntrustedXlsxReader(),
): Promise<RawSettingsWorkbook> {
  const early = checkTemplateBytes(buffer, Number.POSITIVE_INFINITY);
  if (early) throw new ApiError(422, early.code, early.message);
  let content: XlsxContent;
  try {
    content = await reader.read(buffer, SETTINGS_QUERY);
  } catch (error) {
    throw isXlsxRefusal(error) ? xlsxRefusalError(error) : error;
  }
  const areas = new Map<string, RawArea>();
  for (const name of content.names) {
    if (!name.target || name.scope) continue;
    const area = areaOf(content, name.target.sheet, name.target.addresses);
    if (area) areas.set(name.name.slice(SETTINGS_NAME_PREFIX.length).toLowerCase(), area);
  }
  return areas;
}
