import { PaneError } from '../api/api-error';

/**
 * Runs one batch against the workbook and turns Office's errors into PaneErrors with Swedish
 * text, so the pane's one error display shows them like any other failure. Every `Excel.run`
 * in the pane goes through here, and every caller lives in this folder. Anything else thrown
 * inside a batch (the pane's own code, such as a check between the reads and the writes) is
 * not Excel's doing and passes through as it was.
 */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (error) {
    throw isOfficeError(error) ? excelError(error) : error;
  }
}

/** Office's errors (OfficeExtension.Error, "RichApi.Error") always carry a string `code`. */
function isOfficeError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { name?: unknown }).name === 'RichApi.Error' || typeof (error as { code?: unknown }).code === 'string')
  );
}

const MESSAGE_BY_CODE: Record<string, string> = {
  ItemNotFound: 'Excel hittade inte bladet eller cellen. Har mallen tagits bort eller bytt namn?',
  AccessDenied: 'Excel nekade ändringen. Arbetsboken kan vara skrivskyddad eller delad i läsläge.',
  InvalidOperationInCellEditMode: 'Excel är i redigeringsläge. Tryck Enter eller Esc i cellen och försök igen.',
  ApiNotFound: 'Din version av Excel saknar en funktion som behövs. Använd Excel på webben eller en nyare version.',
  InsertDeleteConflict: 'Excel kunde inte infoga bladen eftersom de krockar med något i arbetsboken.',
  ActivityLimitReached: 'Excel orkade inte med så mycket på en gång. Försök igen.',
  RequestPayloadSizeLimitExceeded:
    'Det blev för mycket data för Excel på en gång (Excel på webben tar emot högst 5 MB).',
};

export function excelError(error: unknown): PaneError {
  if (error instanceof PaneError) return error;
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message =
    MESSAGE_BY_CODE[code] ??
    'Excel kunde inte göra ändringen. Försök igen; stäng eventuella dialogrutor i Excel först.';
  return new PaneError(`excel${code ? `-${code}` : ''}`, message, {
    transient: code === 'ActivityLimitReached' || code === '',
    cause: error,
  });
}
