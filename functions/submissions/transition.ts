import type { HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { conflict, notFound } from '../api/api-error';
import { answer } from '../api/error-response';
import { actorOf, type ForbundCall } from '../api/forbund-route';
import { readJson } from '../api/read-body';
import { parseSubmissionId, type SubmissionState } from './model';
import { NotCurrentError } from './repository';
import { currentSubmissionSchema } from '../../shared/api';

const approveBody = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
const returnBody = z.object({ comment: z.string().trim().min(3).max(2000) }).strict();

/** The route ids of approve and return. */
export const submissionIds = { id: (id: string) => parseSubmissionId(id) !== undefined };

/** Kansliet approves or returns the current version of a report; a return needs a comment. */
export async function transitionSubmission(
  call: ForbundCall,
  to: Exclude<SubmissionState, 'inskickad'>,
): Promise<HttpResponseInit> {
  const { request, services, forbund, principal } = call;
  const parsed = parseSubmissionId(request.params.id ?? '');
  if (!parsed) throw notFound('Inlämningen finns inte.');
  const hasBody = Number(request.headers.get('content-length') ?? '0') > 0;
  const body =
    to === 'returnerad' ? await readJson(request, returnBody) : hasBody ? await readJson(request, approveBody) : {};
  try {
    const current = await services.repository.transition(
      forbund.id,
      parsed.period,
      parsed.key,
      parsed.version,
      to,
      actorOf(principal),
      body.comment,
    );
    return answer(currentSubmissionSchema, 200, current);
  } catch (error) {
    if (error instanceof NotCurrentError) {
      if (error.currentVersion === undefined) throw notFound('Inlämningen finns inte.');
      throw conflict(
        'not-current',
        `Version ${parsed.version} är inte längre den senaste (senaste är version ` +
          `${error.currentVersion}). Läs in den nya versionen först.`,
      );
    }
    throw error;
  }
}
