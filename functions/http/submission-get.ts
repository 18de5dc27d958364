import { notFound } from '../api/api-error';
import { answer } from '../api/error-response';
import { forbundRoute } from '../api/forbund-route';
import { parseSubmissionId } from '../submissions/model';
import { storedSubmissionSchema } from '../../shared/api';

/** GET /api/forbund/{forbund}/submissions/{id} — one version with its values. */
export const getSubmission = forbundRoute(
  'reporter',
  async ({ request, services, forbund, principal }) => {
    const parsed = parseSubmissionId(request.params.id ?? '');
    const mayRead = parsed && (principal.role !== 'reporter' || parsed.key.party === principal.party);
    const stored = mayRead
      ? await services.repository.getVersion(forbund.id, parsed.period, parsed.key, parsed.version)
      : undefined;
    // Another party's submission answers exactly like one that does not exist.
    if (!stored) throw notFound('Inlämningen finns inte.');
    return answer(storedSubmissionSchema, 200, stored);
  },
  { ids: { id: (id) => parseSubmissionId(id) !== undefined } },
);
