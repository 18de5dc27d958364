import { registry } from '../../shared/config/registry';
import { ApiError } from '../api/api-error';
import { LIMITS } from '../api/read-body';
import { parseTemplateWorkbook } from '../template-workbook';
import type { SubmissionDraft } from './intake';

/** Reads a filled template into a draft; cells are found by their defined names, never by position. */
export async function readWorkbookDraft(buffer: Buffer): Promise<Omit<SubmissionDraft, 'comment' | 'party'>> {
  const parsed = await parseTemplateWorkbook(buffer, undefined, { registry, maxBytes: LIMITS.uploadBytes });
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
