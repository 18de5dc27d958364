import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { hasErrors } from '../../shared/validation/findings';
import { renderFinding } from '../../shared/validation/messages-sv';
import type { Principal } from '../../shared/api/principal';
import { answer } from '../api/error-response';
import type { PlausibilityReference } from '../../shared/validation/plausibility';
import { checkDraft, type DraftConfiguration, type SubmissionDraft } from './intake';
import { readDraft, type WorkbookDraftReader } from './read-draft';
import { validateAnswerSchema } from '../../shared/api';

/**
 * The validate route's answer: reads the draft (JSON or a workbook), checks it against the
 * configuration `configure` gives for it and returns the findings in Swedish; nothing is stored.
 * The configuration is a parameter so the benchmarks can run the same pipeline against a
 * 2,000-cell template; `references` loads the series' earlier figures for the plausibility check.
 */
export async function validateDraftRequest(
  request: HttpRequest,
  configure: (draft: SubmissionDraft) => Promise<DraftConfiguration>,
  principal: Principal,
  readWorkbook: WorkbookDraftReader,
  references: (
    draft: SubmissionDraft,
    configuration: DraftConfiguration,
  ) => Promise<readonly PlausibilityReference[]> = async () => [],
): Promise<HttpResponseInit> {
  const { draft } = await readDraft(request, readWorkbook);
  const configuration = await configure(draft);
  const { registry, forbund } = configuration;
  const { validation, template, period, party } = checkDraft(
    registry,
    forbund,
    principal,
    draft,
    await references(draft, configuration),
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
