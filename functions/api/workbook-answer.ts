import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { workbookFileSchema } from '../../shared/api';
import { answer } from './error-response';
import { XLSX_CONTENT_TYPE } from './read-body';

/**
 * A workbook as the caller asked for it: with `?format=base64` as `{fileName, base64}` for
 * Excel's insertWorksheetsFromBase64, otherwise the .xlsx file itself.
 */
export function workbookAnswer(
  request: HttpRequest,
  fileName: string,
  xlsx: Buffer,
  headers: Record<string, string> = {},
): HttpResponseInit {
  if (request.query.get('format') === 'base64')
    return answer(workbookFileSchema, 200, { fileName, base64: xlsx.toString('base64') });
  return {
    status: 200,
    body: xlsx,
    headers: {
      'Content-Type': XLSX_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
      ...headers,
    },
  };
}
