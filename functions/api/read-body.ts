import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { badRequest, payloadTooLarge, unsupportedMediaType } from './api-error';

export const LIMITS = {
  jsonBytes: 1024 * 1024,
  uploadBytes: 5 * 1024 * 1024,
  /**
   * What the Functions host itself should take (FUNCTIONS_REQUEST_BODY_SIZE_LIMIT on the Function
   * App; the local stack and the tests set it too): the largest body a route reads, an upload,
   * with a margin — so the host refuses anything larger before buffering it.
   */
  requestBytes: 6 * 1024 * 1024,
} as const;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function mediaType(request: HttpRequest): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Reads the body, refusing it by its declared length before reading a byte, and otherwise
 * (chunked, or a length that lies) as soon as what has been read passes the limit: reading
 * stops there and the rest is never taken.
 */
export async function readBytes(request: HttpRequest, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  const tooLarge = () =>
    payloadTooLarge(`Filen eller meddelandet är för stort. Högst ${Math.round(maxBytes / 1024)} kB tas emot.`);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The fields of the API's bodies as a Swedish user reads them; the field's id never reaches a message. */
const FIELD_LABEL: Record<string, string> = {
  comment: 'Kommentaren',
  deadline: 'Sista dag',
  locked: 'Låst',
  templateId: 'Mallen',
  period: 'Perioden',
  scope: 'Gäller',
  party: 'Parten',
  values: 'Värdena',
  variant: 'Varianten',
  basis: 'Underlaget',
  forbund: 'Förbundet',
  role: 'Rollen',
};

/**
 * zod's issues in Swedish, by what went wrong rather than zod's own (English) words: "Kommentaren
 * behöver minst 3 tecken." A schema's own message is already Swedish and is used as it is.
 */
function describeIssue(i: z.core.$ZodIssue): string {
  const name = FIELD_LABEL[String(i.path[0] ?? '')] ?? (i.path.length > 0 ? 'Ett fält' : 'Meddelandet');
  switch (i.code) {
    case 'unrecognized_keys':
      return `Meddelandet har fält som inte hör dit (${i.keys.join(', ')}).`;
    case 'invalid_type':
      return `${name} saknas eller har fel form.`;
    case 'too_small':
      return i.origin === 'string'
        ? `${name} behöver minst ${String(i.minimum)} tecken.`
        : `${name} är för litet (minst ${String(i.minimum)}).`;
    case 'too_big':
      return i.origin === 'string'
        ? `${name} får ha högst ${String(i.maximum)} tecken.`
        : `${name} är för stort (högst ${String(i.maximum)}).`;
    case 'invalid_format':
      return i.format === 'datetime' ? `${name} ska vara ett datum med tid.` : `${name} har fel format.`;
    case 'invalid_value':
      return `${name} har ett värde som inte finns att välja.`;
    default:
      // Custom checks in the schemas carry their own Swedish text.
      return i.code === 'custom' ? `${name}: ${i.message}.` : `${name} är inte giltigt.`;
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 5).map(describeIssue).join(' ');
}

/** A JSON body checked by a zod schema; every failure is a 4xx with a Swedish reason. */
export async function readJson<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.infer<S>> {
  if (mediaType(request) !== 'application/json')
    throw unsupportedMediaType('Skicka JSON med Content-Type: application/json.');
  const body = await readBytes(request, LIMITS.jsonBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('invalid-json', 'Meddelandet är inte giltig JSON.');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw badRequest('invalid-body', describeIssues(result.error));
  return result.data;
}
