import { notFound } from '../api/api-error';
import { isReportId } from '../consolidation/report-repository';
import { forbundRoute } from '../api/forbund-route';
import { workbookAnswer } from '../api/workbook-answer';

/**
 * GET /api/forbund/{forbund}/reports/{id}[?format=base64] — the consolidated workbook as
 * .xlsx, or as {fileName, base64} for Excel's insertWorksheetsFromBase64.
 */
export const getReport = forbundRoute(
  'kansli',
  async ({ request, services, forbund }) => {
    const found = await services.reports.get(forbund.id, request.params.id ?? '');
    if (!found) throw notFound('Rapporten finns inte.');
    const { summary, xlsx } = found;
    return workbookAnswer(request, summary.fileName, xlsx, { ETag: `"${summary.sha256}"` });
  },
  { ids: { id: isReportId } },
);
