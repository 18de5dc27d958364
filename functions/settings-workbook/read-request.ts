import type { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import type { RawArea, RawCell, RawSettingsWorkbook } from '../../shared/settings';
import { unsupportedMediaType } from '../api/api-error';
import { LIMITS, mediaType, readBytes, readJson, XLSX_CONTENT_TYPE } from '../api/read-body';
import type { SettingsUpload } from '../configuration/settings-service';
import { readSettingsUpload } from './read-upload';

const commentSchema = z.string().trim().min(1).max(2000);
const cellSchema = z.union([z.number(), z.string().max(5000), z.boolean(), z.null()]);

/** The areas of the open workbook as the pane read them: each named range's values, row by row. */
const areaSchema = z.object({
  sheet: z.string().min(1).max(31),
  top: z.number().int().min(1).max(1_048_576),
  left: z.number().int().min(1).max(16_384),
  values: z.array(z.array(cellSchema).max(30)).max(1000),
});

const bodySchema = z.union([
  z
    .object({
      document: z.record(z.string(), z.unknown()),
      basedOn: z.number().int().positive().optional(),
      comment: commentSchema.optional(),
    })
    .strict(),
  z
    .object({
      workbook: z.record(z.string().regex(/^[a-z_]{1,40}$/), areaSchema).refine((a) => Object.keys(a).length <= 50),
      comment: commentSchema.optional(),
    })
    .strict(),
]);

/** Excel shows its error values as text in a range's values. */
const EXCEL_ERROR = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA)$/;

function fromValues(area: z.infer<typeof areaSchema>): RawArea {
  const cells = area.values.map((row) =>
    row.map((value): RawCell =>
      typeof value === 'string' && EXCEL_ERROR.test(value)
        ? { kind: 'error-value', error: value }
        : { kind: 'value', raw: value },
    ),
  );
  return { sheet: area.sheet, top: area.top, left: area.left, cells };
}

/**
 * A settings upload: the *Inställningar* file itself (.xlsx), the open workbook's named areas
 * as the pane read them (`{workbook}`), or a settings document (`{document}`). The comment comes
 * in the JSON, or as `?comment=` with a file.
 */
export async function readSettingsRequest(request: HttpRequest): Promise<{ upload: SettingsUpload; comment?: string }> {
  const type = mediaType(request);
  if (type === XLSX_CONTENT_TYPE || type === 'application/octet-stream') {
    const raw: RawSettingsWorkbook = await readSettingsUpload(await readBytes(request, LIMITS.uploadBytes));
    const comment = commentSchema.safeParse(request.query.get('comment') ?? undefined);
    return { upload: { kind: 'xlsx', raw }, ...(comment.success ? { comment: comment.data } : {}) };
  }
  if (type === 'application/json') {
    const body = await readJson(request, bodySchema);
    if ('workbook' in body) {
      const raw = new Map(Object.entries(body.workbook).map(([id, area]) => [id, fromValues(area)]));
      return { upload: { kind: 'workbook', raw }, comment: body.comment };
    }
    return { upload: { kind: 'json', document: body.document, basedOn: body.basedOn }, comment: body.comment };
  }
  throw unsupportedMediaType(
    `Skicka inställningsarbetsboken (${XLSX_CONTENT_TYPE}) eller JSON med {document} eller {workbook}.`,
  );
}
