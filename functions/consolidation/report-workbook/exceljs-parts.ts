import type ExcelJS from 'exceljs';
import type { CellKind, PackageTables } from './sheet-data';

/** What exceljs hands its zip: a part's text (or bytes) and its name. */
type Append = (data: string | Buffer, options: { name: string; base64?: boolean }) => void;

interface Sink {
  append: Append;
}

/**
 * The steps of exceljs' `XLSX.write` (lib/xlsx/xlsx.js in exceljs 4.4), each of which renders
 * parts of the package and appends them to a zip, in the order it takes them, which is the order
 * of the parts in the zip. Not in exceljs' typings; `writeParts` checks they are there, so an
 * exceljs without them fails loudly instead of writing half a package.
 */
const STEPS = [
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings', // after the worksheets, which fill the shared strings
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const;
type XlsxSteps = { prepareModel(model: unknown, options: object): void } & Record<
  (typeof STEPS)[number],
  (zip: Sink, model: unknown) => Promise<void> | void
>;

/** The tables exceljs' writer fills while it prepares the workbook (lib/xlsx/xlsx.js prepareModel). */
interface PreparedModel {
  styles: { addStyleModel(style: object, cellType: number): number };
  sharedStrings: { add(text: string): number };
}

/** exceljs' ValueType of a cell, which decides the default number format of a style without one. */
const VALUE_TYPE = { empty: 0, number: 2, string: 3 } as const satisfies Record<CellKind, number>;

/**
 * Renders the workbook's package parts with exceljs and hands each to `part` as it is made, in
 * package order, instead of exceljs zipping them: the caller zips them itself (FixedDateZip), so
 * JSZip's JavaScript checksums and copies, and unpacking its zip again, are not paid for.
 * `prepared` runs once exceljs has prepared the workbook and before any part is written: styles
 * and texts it registers in the tables go into styles.xml and sharedStrings.xml.
 */
export async function writeParts(
  workbook: ExcelJS.Workbook,
  part: (name: string, data: Buffer) => void,
  prepared: (tables: PackageTables) => void = () => {},
): Promise<void> {
  const xlsx = workbook.xlsx as unknown as Partial<XlsxSteps>;
  for (const step of ['prepareModel', ...STEPS] as const)
    if (typeof xlsx[step] !== 'function') throw new Error(`exceljs has no XLSX.${step}: its writer changed`);
  const steps = xlsx as XlsxSteps;
  const sink: Sink = {
    append: (data, { name, base64 }) =>
      part(name, typeof data === 'string' ? Buffer.from(data, base64 ? 'base64' : 'utf8') : data),
  };
  const model = (workbook as unknown as { model: unknown }).model;
  steps.prepareModel(model, {});
  const { styles, sharedStrings } = model as PreparedModel;
  prepared({
    styleId: (style, kind) => styles.addStyleModel(style, VALUE_TYPE[kind]),
    stringId: (text) => sharedStrings.add(text),
  });
  for (const step of STEPS) await steps[step](sink, model);
}
