import type { CellId } from '../../shared';
import { xlsxRefusalMessage } from '../untrusted-xlsx/messages-sv';

/** Why an uploaded file was refused as a whole. Text is rendered from one Swedish catalogue below. */
export const PARSE_ERROR_CODES = [
  'not-xlsx',
  'legacy-or-encrypted',
  'too-large',
  'unpacks-too-large',
  'too-complex',
  'not-samlad',
  'unsupported-format',
  'bad-metadata',
  'unknown-template',
  'wrong-template',
  'wrong-forbund',
  'wrong-period',
  'wrong-scope',
  'wrong-version',
  'missing-cells',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

export type ParseErrorParams = Record<string, string | number>;

export interface ParseError {
  code: ParseErrorCode;
  /** Swedish, for the person who uploaded the file. */
  message: string;
  params: ParseErrorParams;
  /** For `missing-cells`: the template cells whose defined name is gone or broken. */
  missingCells?: CellId[];
}

type Render = (p: ParseErrorParams) => string;

const NEW_TEMPLATE = 'Ladda ner en ny mall från Samlad och för över uppgifterna.';

const messageByCode = {
  'not-xlsx': () =>
    'Filen går inte att läsa som en Excel-arbetsbok (.xlsx). Den kan vara skadad, ofullständigt ' +
    'uppladdad eller av en annan filtyp.',
  'legacy-or-encrypted': () =>
    'Filen är antingen i det gamla Excel-formatet (.xls) eller skyddad med lösenord. Öppna den i ' +
    'Excel, ta bort eventuellt lösenord och spara som Excel-arbetsbok (.xlsx).',
  'too-large': (p) =>
    `Filen är ${p.megabytes} MB; en ifylld mall är mycket mindre (högst ${p.maxMegabytes} MB tas ` +
    `emot). Kontrollera att det är rätt fil.`,
  'unpacks-too-large': () => xlsxRefusalMessage['too-large'],
  'too-complex': () => xlsxRefusalMessage['too-complex'],
  'not-samlad': () => `Filen är inte en Samlad-mall. Ladda ner mallen från Samlad, fyll i den och skicka in den filen.`,
  'unsupported-format': (p) =>
    `Filen är en Samlad-mall i ett format (${p.format}) som den här versionen av Samlad inte kan läsa. ${NEW_TEMPLATE}`,
  'bad-metadata': (p) =>
    `Filen ser ut som en Samlad-mall, men uppgiften om vilken mall den är har ändrats eller skadats ` +
    `(${p.detail}). ${NEW_TEMPLATE}`,
  'unknown-template': (p) => `Filen är mallen ${p.file}, som inte (längre) finns i Samlad. ${NEW_TEMPLATE}`,
  'wrong-template': (p) => `Filen är mallen ${p.file}, men du skickar in ${p.expected}. Välj rätt mall eller rätt fil.`,
  'wrong-forbund': (p) => `Filen är mallen ${p.template} för ${p.file}, men du skickar in för ${p.expected}.`,
  'wrong-period': (p) => `Filen är mallen ${p.template} för perioden ${p.file}, men du skickar in för ${p.expected}.`,
  'wrong-scope': (p) => `Filen är mallen ${p.template} för ${p.file}, men du skickar in för ${p.expected}.`,
  'wrong-version': (p) =>
    `Filen är version ${p.file} av mallen ${p.template}, men version ${p.expected} gäller. ${NEW_TEMPLATE}`,
  'missing-cells': (p) =>
    `Filen saknar ${p.count} av mallens inmatningsceller (${p.cells}). Rader, kolumner eller celler ` +
    `har troligen tagits bort eller flyttats till en annan arbetsbok. ${NEW_TEMPLATE}`,
} satisfies Record<ParseErrorCode, Render>;

export function parseError(
  code: ParseErrorCode,
  params: ParseErrorParams = {},
  extra: Pick<ParseError, 'missingCells'> = {},
): ParseError {
  return { code, message: messageByCode[code](params), params, ...extra };
}

/** A problem with one cell that the parser saw and validation cannot: the raw value hides it. */
export interface CellIssue {
  code: 'formula-without-result' | 'error-value';
  cellId: CellId;
  /** Where the cell is in the uploaded file, e.g. `'Deltagare och avslut'!B7`. */
  cell: string;
  params: ParseErrorParams;
}

const issueMessageByCode = {
  'formula-without-result': (p) =>
    `Cellen ${p.cell} innehåller formeln =${p.formula} men inget beräknat värde. Öppna filen i ` +
    `Excel och spara den igen, eller skriv in talet i stället för formeln.`,
  'error-value': (p) => `Cellen ${p.cell} innehåller felvärdet ${p.error}. Rätta formeln eller skriv in talet.`,
} satisfies Record<CellIssue['code'], Render>;

/** Swedish text for a cell issue. */
export function renderCellIssue(issue: CellIssue): string {
  return issueMessageByCode[issue.code]({ ...issue.params, cell: issue.cell });
}
