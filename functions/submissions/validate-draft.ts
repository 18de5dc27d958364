import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { hasErrors } from '../../shared/validation/findings';
import { renderFinding } from '../../shared/validation/messages-sv';
import type { Principal } from '../../shared/api/principal';
import { answer } from '../api/error-response';
import { checkDraft, type DraftConfiguration, type SubmissionDraft } from './intake';
import { readDraft, type WorkbookDraftReader } from './read-draft';
import { validateAnswerSchema } from '../../shared/api';

/**
 * The validate route's answer: reads the draft (JSON or a workbook), checks it against the
 * configuration `configure` gives for it and returns the findings in Swedish; nothing is stored.
 * The configuration is a parameter so the benchmarks can run the same pipeline against a
 * 2,000-cell template.
 */
export async function validateDraftRequest(
  request: HttpRequest,
  configure: (draft: SubmissionDraft) => Promise<DraftConfiguration>,
  principal: Principal,
  readWorkbook: WorkbookDraftReader,
): Promise<HttpResponseInit> {
  const { draft } = await readDraft(request, readWorkbook);
  const { registry, forbund } = await configure(draft);
  const { validation, template, period, party } = checkDraft(registry, forbund, principal, draft);
  return answer(validateAnswerSchema, 200, {
    templateId: template.id,
    templateVersion: template.version,
    period: period.id,
    scope: draft.scope,
    party,
    ok: !hasErrors(validation.findings),
    findings: validation.findings.map((f) => ({ ...f, message: renderFinding(f) })),
  });
}
