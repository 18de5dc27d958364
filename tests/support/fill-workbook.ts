import ExcelJS from 'exceljs';
import {
  cellIdFromDefinedName,
  parseSwedishNumber,
  type CellId,
  type CellSpec,
  type ResolvedTemplate,
} from '../../shared';

/**
 * Fills a generated template workbook the way people do: numbers typed as numbers, numbers
 * pasted as Swedish text ("1 234", "12,5", "−300"), totals as formulas with a cached result,
 * text with stray spaces, choices in another case. Cells are found by their defined names,
 * exactly as the parser finds them.
 */

export type Rng = () => number;

export type FillStyle = 'number' | 'swedish-text' | 'spaced-text' | 'formula' | 'text' | 'rich-text' | 'other-case';

export type CellWrite = ExcelJS.CellValue;

const svNumber = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 10, useGrouping: true });

/** Where each `SAM.*` name points: sheet and A1 address. */
export function inputCellAddresses(
  workbook: ExcelJS.Workbook,
): Map<CellId, { sheet: ExcelJS.Worksheet; address: string }> {
  const out = new Map<CellId, { sheet: ExcelJS.Worksheet; address: string }>();
  for (const { name, ranges } of workbook.definedNames.model) {
    const id = cellIdFromDefinedName(name);
    const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(ranges[0] ?? '');
    const sheet = match ? workbook.getWorksheet((match[1] ?? match[2] ?? '').replace(/''/g, "'")) : undefined;
    if (id && match && sheet) out.set(id, { sheet, address: `${match[3]}${match[4]}` });
  }
  return out;
}

export function pickStyle(spec: CellSpec, rng: Rng): FillStyle {
  const options: FillStyle[] =
    spec.kind === 'text'
      ? ['text', 'rich-text']
      : spec.kind === 'choice'
        ? ['text', 'other-case']
        : ['number', 'swedish-text', 'spaced-text', 'formula'];
  return options[Math.floor(rng() * options.length)]!;
}

/**
 * What a user's cell holds for `value` written in `style`; falls back to a plain number when text
 * would not read back exactly.
 */
export function cellWrite(value: number | string, style: FillStyle): CellWrite {
  if (typeof value === 'string') {
    switch (style) {
      case 'rich-text':
        return { richText: [{ text: ` ${value.slice(0, 1)}`, font: { bold: true } }, { text: `${value.slice(1)}  ` }] };
      case 'other-case':
        return value.toLocaleUpperCase('sv');
      default:
        return `  ${value} `;
    }
  }
  switch (style) {
    case 'swedish-text': {
      const text = svNumber.format(value);
      return parseSwedishNumber(text) === value ? text : value;
    }
    case 'spaced-text': {
      const text = ` ${svNumber
        .format(value)
        .replace(/\u00a0/g, ' ')
        .replace(/\u2212/g, '-')} `;
      return parseSwedishNumber(text) === value ? text : value;
    }
    case 'formula':
      return { formula: `ROUND(${value},6)`, result: value, date1904: false } as ExcelJS.CellFormulaValue;
    default:
      return value;
  }
}

export interface FilledWorkbook {
  buffer: Buffer;
  styles: Record<CellId, FillStyle>;
}

/** Opens `xlsx`, writes `values` into the named input cells, saves. Cells not in `values` stay empty. */
export async function fillWorkbook(
  xlsx: Uint8Array,
  template: ResolvedTemplate,
  values: Readonly<Record<CellId, number | string>>,
  rng: Rng,
): Promise<FilledWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer);
  const addresses = inputCellAddresses(workbook);
  const styles: Record<CellId, FillStyle> = {};
  for (const cell of template.cells) {
    const value = values[cell.id];
    if (value === undefined) continue;
    const where = addresses.get(cell.id);
    if (!where) throw new Error(`No defined name for ${cell.id}`);
    const style = pickStyle(cell.spec, rng);
    styles[cell.id] = style;
    where.sheet.getCell(where.address).value = cellWrite(value, style);
  }
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), styles };
}

/** Loads, lets `edit` change the workbook, saves: for tests that damage files on purpose. */
export async function editWorkbook(
  xlsx: Uint8Array,
  edit: (workbook: ExcelJS.Workbook) => void | Promise<void>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer);
  await edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
