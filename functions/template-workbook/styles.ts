import type { Border, Borders, Fill, Font } from 'exceljs';

/** The look of generated templates, in one place. Colours are ARGB. */

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const thin = (argb: string): Partial<Border> => ({ style: 'thin', color: { argb } });

/** A font without a name falls back to the reader's default (a serif one in LibreOffice). */
const BODY: Partial<Font> = { name: 'Calibri', family: 2, size: 11 };

export const TITLE_FONT: Partial<Font> = { ...BODY, bold: true, size: 16 };
export const SUBTITLE_FONT: Partial<Font> = { ...BODY, color: { argb: 'FF595959' } };
export const HELP_FONT: Partial<Font> = { ...BODY, italic: true, size: 10, color: { argb: 'FF404040' } };
export const SECTION_FONT: Partial<Font> = { ...BODY, bold: true, size: 12 };
export const HEADER_FONT: Partial<Font> = { ...BODY, bold: true };

export const SECTION_FILL = solid('FFDDEBF7');
/** Light yellow: "write here". */
export const INPUT_FILL = solid('FFFFF2CC');
/** Grey: the row has no value for this column. */
export const NOT_APPLICABLE_FILL = solid('FFF2F2F2');

export const INPUT_BORDER: Partial<Borders> = {
  top: thin('FFBFBFBF'),
  left: thin('FFBFBFBF'),
  bottom: thin('FFBFBFBF'),
  right: thin('FFBFBFBF'),
};
export const HEADER_BORDER: Partial<Borders> = { bottom: thin('FF000000') };

/** Excel's default row height in points; wrapped text needs a multiple of it. */
export const LINE_HEIGHT = 15;
