import { resolveTemplate } from '../../shared/model/resolve';
import { findParty, findTemplateVersion } from '../../shared/model/selectors';
import { renderFinding } from '../../shared/validation/messages-sv';
import { validateSubmission } from '../../shared/validation/validate';
import { reviewAnswerSchema } from '../../shared/api';
import { notFound } from '../api/api-error';
import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { parseSubmissionId } from '../submissions/model';
import { loadReferences } from '../submissions/references';

/**
 * GET /api/forbund/{forbund}/submissions/{id}/review — kansliet opens a version: its values and
 * comment, the series' current state, the version before (for the change list), the series'
 * earlier figures and the findings by the same shared validation the reporter's pane and the
 * submit route ran, plausibility included.
 */
export const getReview = forbundRoute(
  'kansli',
  async ({ request, services, atYear }) => {
    const parsed = parseSubmissionId(request.params.id ?? '');
    if (!parsed) throw notFound('Inlämningen finns inte.');
    const { period, key, version } = parsed;
    const year = Number(period.slice(0, 4));
    const { registry, forbund } = await atYear(year);
    const repo = services.repository;
    const [submission, current, previous, references] = await Promise.all([
      repo.getVersion(forbund.id, period, key, version),
      repo.getCurrent(forbund.id, period, key),
      version > 1 ? repo.getVersion(forbund.id, period, key, version - 1) : undefined,
      loadReferences(repo, registry, forbund, { ...key, period }),
    ]);
    // The template version the submission was made with, even where a later one has succeeded it.
    const definition = submission && findTemplateVersion(registry, key.templateId, submission.templateVersion);
    if (!submission || !current || !definition) throw notFound('Inlämningen finns inte.');
    const template = resolveTemplate(definition, forbund, year);
    const submitter = key.party === 'kansli' ? 'kansli' : findParty(forbund, key.party)?.kind;
    const { findings } = validateSubmission(template, submission.values, { submitter, references });
    return answer(reviewAnswerSchema, 200, {
      submission,
      current,
      ...(previous ? { previous } : {}),
      references,
      findings: findings.map((f) => ({ ...f, message: renderFinding(f) })),
    });
  },
  { ids: { id: (id) => parseSubmissionId(id) !== undefined } },
);
