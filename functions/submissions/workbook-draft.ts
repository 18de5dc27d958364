import { parsePeriod } from '../../shared/model/period';
import { ApiError, unprocessable } from '../api/api-error';
import type { ForbundCall } from '../api/forbund-route';
import type { ForbundAtYear } from '../configuration/snapshot';
import { LIMITS } from '../api/read-body';
import { parseTemplateWorkbook } from '../template-workbook';
import type { SubmissionDraft } from './intake';

/**
 * Reads a filled template into a draft; cells are found by their defined names, never by
 * position. The template is resolved with the caller's förbund as the file's period's year sees
 * it; a file made for another förbund is refused before its cells are read.
 */
export async function readWorkbookDraft(
  buffer: Buffer,
  call: {
    forbund: Pick<ForbundCall['forbund'], 'id'>;
    atYear: (year: number) => Promise<Pick<ForbundAtYear, 'registry'>>;
    current: Pick<ForbundAtYear, 'registry'>;
  },
): Promise<Omit<SubmissionDraft, 'comment' | 'party'>> {
  const registry = async (meta: { forbund: string; period: string }) => {
    if (meta.forbund !== call.forbund.id)
      throw unprocessable('wrong-forbund', 'Filen är en mall för ett annat samordningsförbund. Hämta mallen på nytt.');
    const period = parsePeriod(meta.period);
    return (period ? await call.atYear(period.year) : call.current).registry;
  };
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
