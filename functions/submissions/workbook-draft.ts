import { parsePeriod } from '../../shared/model/period';
import { ApiError, unprocessable } from '../api/api-error';
import type { ForbundCall } from '../api/forbund-route';
import { LIMITS } from '../api/read-body';
import { xlsxRefusalError } from '../api/xlsx-refusal';
import type { ForbundAtYear } from '../configuration/snapshot';
import {
  isXlsxRefusal,
  sharedUntrustedXlsxReader,
  type UntrustedXlsxReader,
  type XlsxContent,
} from '../untrusted-xlsx';
import { checkTemplateBytes, readTemplateContent, TEMPLATE_QUERY, templateMetaOf } from '../template-workbook';
import type { SubmissionDraft } from './intake';

/** The caller's förbund, as the year of the file's period sees it. */
export interface DraftForbund {
  forbund: Pick<ForbundCall['forbund'], 'id'>;
  atYear: (year: number) => Promise<Pick<ForbundAtYear, 'registry'>>;
  current: Pick<ForbundAtYear, 'registry'>;
}

/**
 * Reads a filled template into a draft; cells are found by their defined names, never by
 * position. The file is read in a worker (functions/untrusted-xlsx), so no upload can stall
 * or exhaust the instance. The template is resolved with the caller's förbund as the file's
 * period's year sees it; a file made for another förbund is refused before its cells are read.
 */
export async function readWorkbookDraft(
  buffer: Buffer,
  call: DraftForbund,
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
  const said = templateMetaOf(content);
  if (said && said.forbund !== call.forbund.id)
    throw unprocessable('wrong-forbund', 'Filen är en mall för ett annat samordningsförbund. Hämta mallen på nytt.');
  const period = said ? parsePeriod(said.period) : undefined;
  const registry = (period ? await call.atYear(period.year) : call.current).registry;
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
