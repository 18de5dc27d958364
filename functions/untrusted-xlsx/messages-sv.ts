import type { XlsxRefusalCode } from './refusal';

/** What the person who sent the file reads when it is refused as a whole. */
export const xlsxRefusalMessage = {
  'not-xlsx': 'Filen är inte en Excel-arbetsbok (.xlsx) eller är skadad. Spara den på nytt i Excel och försök igen.',
  'too-large': 'Arbetsboken packas upp till mer än vad Samlad tar emot. Skicka bara den ifyllda mallen.',
  'too-complex':
    'Arbetsboken är för omfattande för att läsas. Skicka bara den ifyllda mallen, utan egna blad, namn ' +
    'eller områden som täcker hela blad.',
  busy: 'Samlad läser många arbetsböcker just nu. Försök igen om en stund – inget har sparats.',
} satisfies Record<XlsxRefusalCode, string>;
