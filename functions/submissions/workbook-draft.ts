import { registry } from '../../shared/config/registry';
import { ApiError } from '../api/api-error';
import { LIMITS } from '../api/read-body';
import { xlsxRefusalError } from '../api/xlsx-refusal';
import {
  isXlsxRefusal,
  sharedUntrustedXlsxReader,
  type UntrustedXlsxReader,
  type XlsxContent,
} from '../untrusted-xlsx';
import { checkTemplateBytes, readTemplateContent, TEMPLATE_QUERY } from '../template-workbook';
import type { SubmissionDraft } from './intake';

/**
 * Reads a filled template into a draft; cells are found by their defined names, never by
 * position. The file is read in a worker (functions/untrusted-xlsx), so no upload can stall
 * or exhaust the instance.
 */
export async function readWorkbookDraft(
  buffer: Buffer,
  reader: UntrustedXlsxReader = sharedUntrustedXlsxReader(),
): Promise<Omit<SubmissionDraft, 'comment' | 'party'>> {
  const early = checkTemplateBytes(buffer, LIMITS.uploadBytes);
  if (early) throw new ApiError(early.code === 'too-large' ? 413 : 422, early.code, early.message);
  let content: XlsxContent;
  try {
    content = await reader.read(buffer, TEMPLATE_QUERY);
  } catch (error) {
    throw isXlsxRefusal(error) ? xlsxRefusalError(error) : error;
  }
  const parsed = readTemplateContent(content, undefined, registry);
  if (!parsed.ok) throw new ApiError(422, parsed.error.code, parsed.error.message);
  const { meta, raw, cellIssues } = parsed;
  return {
    forbund: meta.forbund,
    templateId: meta.templateId,
    templateVersion: meta.templateVersion,
    period: meta.period,
    scope: meta.scope,
    values: raw,
    cellIssues: cellIssues.map((i) => ({ cellId: i.cellId, code: i.code, params: i.params })),
  };
}
