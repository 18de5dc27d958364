import type { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { unsupportedMediaType } from '../api/api-error';
import { LIMITS, mediaType, readBytes, readJson, XLSX_CONTENT_TYPE } from '../api/read-body';
import type { SubmissionDraft } from './intake';

const commentSchema = z.string().trim().min(1).max(2000);

/** The add-in's JSON body. Unknown fields are refused, so a typo never passes silently. */
export const draftBodySchema = z
  .object({
    templateId: z.string().min(1).max(80),
    period: z.string().min(4).max(10),
    scope: z.string().min(1).max(80),
    party: z.string().min(1).max(60).optional(),
    values: z
      .record(z.string().max(200), z.union([z.number(), z.string().max(5000), z.null()]))
      .refine((v) => Object.keys(v).length <= 20_000, 'för många värden'),
    comment: commentSchema.optional(),
  })
  .strict();

export type DraftSource = 'json' | 'xlsx';

/** An uploaded workbook turned into a draft (the workbook adapter reads the cells by their names). */
export type WorkbookDraftReader = (buffer: Buffer) => Promise<Omit<SubmissionDraft, 'comment' | 'party'>>;

/**
 * Reads a submission from the add-in (JSON) or an uploaded filled template (.xlsx, for parties
 * without the add-in; the comment then comes as `?comment=`). Size and content type are checked
 * before anything parses it; the workbook reader bounds the rest.
 */
export async function readDraft(
  request: HttpRequest,
  readWorkbook: WorkbookDraftReader,
): Promise<{ draft: SubmissionDraft; source: DraftSource }> {
  const type = mediaType(request);
  if (type === 'application/json') return { draft: await readJson(request, draftBodySchema), source: 'json' };
  if (type === XLSX_CONTENT_TYPE || type === 'application/octet-stream') {
    const buffer = await readBytes(request, LIMITS.uploadBytes);
    const fromWorkbook = await readWorkbook(buffer);
    const comment = commentSchema.safeParse(request.query.get('comment') ?? undefined);
    const party = request.query.get('party') ?? undefined;
    return {
      draft: { ...fromWorkbook, ...(comment.success ? { comment: comment.data } : {}), ...(party ? { party } : {}) },
      source: 'xlsx',
    };
  }
  throw unsupportedMediaType(`Skicka JSON (application/json) eller en ifylld mall (${XLSX_CONTENT_TYPE}).`);
}
