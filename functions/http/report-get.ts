import { app } from '@azure/functions';
import { notFound } from '../api/api-error';
import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { XLSX_CONTENT_TYPE } from '../api/read-body';
import { workbookFileSchema } from '../../shared/api';

/**
 * GET /api/forbund/{forbund}/reports/{id}[?format=base64] — the consolidated workbook as
 * .xlsx, or as {fileName, base64} for Excel's insertWorksheetsFromBase64.
 */
export const getReport = forbundRoute('kansli', async ({ request, services, forbund }) => {
  const found = await services.reports.get(forbund.id, request.params.id ?? '');
  if (!found) throw notFound('Rapporten finns inte.');
  const { summary, xlsx } = found;
  if (request.query.get('format') === 'base64')
    return answer(workbookFileSchema, 200, { fileName: summary.fileName, base64: xlsx.toString('base64') });
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

app.http('reportGet', {
  methods: ['GET'],
  route: 'forbund/{forbund}/reports/{id}',
  authLevel: 'anonymous',
  handler: getReport,
});
