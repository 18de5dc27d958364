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

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const path = i.path.map(String).join('.') || 'meddelandet';
      if (i.code === 'unrecognized_keys') return `okända fält: ${i.keys.join(', ')}`;
      if (i.code === 'invalid_type') return `${path}: saknas eller har fel typ`;
      return `${path}: ${i.message}`;
    })
    .join('; ');
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
  if (!result.success) throw badRequest('invalid-body', `Meddelandet har fel form: ${describeIssues(result.error)}.`);
  return result.data;
}
