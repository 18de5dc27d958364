import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Registry } from '../../shared/config/registry';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { hasErrors } from '../../shared/validation/findings';
import { renderFinding } from '../../shared/validation/messages-sv';
import type { Principal } from '../../shared/api/principal';
import { answer } from '../api/error-response';
import type { PlausibilityReference } from '../../shared/validation/plausibility';
import { checkDraft, type SubmissionDraft } from './intake';
import { readDraft } from './read-draft';
import { readWorkbookDraft } from './workbook-draft';
import { validateAnswerSchema } from '../../shared/api';

/**
 * The validate route's answer: reads the draft (JSON or a workbook), checks it against
 * `registry` and returns the findings in Swedish; nothing is stored. The registry is a
 * parameter so the benchmarks can run the same pipeline against a 2,000-cell template;
 * `references` loads the series' earlier figures for the plausibility check.
 */
export async function validateDraftRequest(
  request: HttpRequest,
  registry: Registry,
  forbund: ForbundConfig,
  principal: Principal,
  references: (draft: SubmissionDraft) => Promise<readonly PlausibilityReference[]> = async () => [],
): Promise<HttpResponseInit> {
  const { draft } = await readDraft(request, readWorkbookDraft);
  const { validation, template, period, party } = checkDraft(
    registry,
    forbund,
    principal,
    draft,
    await references(draft),
  );
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
