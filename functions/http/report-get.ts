import { notFound } from '../api/api-error';
import { jsonResponse } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { XLSX_CONTENT_TYPE } from '../api/read-body';
import { getReportServices } from '../consolidation/report-services';

/**
 * GET /api/forbund/{forbund}/reports/{id}[?format=base64] — the consolidated workbook as
 * .xlsx, or as {fileName, base64} for Excel's insertWorksheetsFromBase64.
 */
export const getReport = forbundRoute('kansli', async ({ request, forbund }) => {
  const found = await getReportServices().store.get(forbund.id, request.params.id ?? '');
  if (!found) throw notFound('Rapporten finns inte.');
  const { summary, xlsx } = found;
  if (request.query.get('format') === 'base64')
    return jsonResponse(200, { fileName: summary.fileName, base64: xlsx.toString('base64') });
  return {
    status: 200,
    body: xlsx,
    headers: {
      'Content-Type': XLSX_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${summary.fileName}"`,
      'Cache-Control': 'no-store',
      ETag: `"${summary.sha256}"`,
    },
  };
});
