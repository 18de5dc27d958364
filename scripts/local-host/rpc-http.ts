/**
 * Conversions between node:http and the worker's RPC HTTP shape. The library builds its
 * `HttpRequest` from what is produced here and hands back `HttpResponse` data in the same
 * shape, exactly as it does with the Azure host.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RpcHttpCookie, RpcHttpData, RpcTypedData } from './core-api-types';

export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`Request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The request body, refused as soon as it is known to exceed `limit`: by its Content-Length
 * before a byte is read, or, sent chunked, when the bytes read pass the limit — reading stops
 * there (the stream is paused; the caller answers 413 and closes the connection).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** The caller as Azure's front end names it in X-Forwarded-For: `address:port`, IPv6 in brackets. */
function remoteEndpoint(req: IncomingMessage): string | undefined {
  const { remoteAddress, remotePort } = req.socket;
  if (!remoteAddress) return undefined;
  const address = remoteAddress.startsWith('::ffff:') ? remoteAddress.slice(7) : remoteAddress;
  return `${address.includes(':') ? `[${address}]` : address}:${remotePort ?? 0}`;
}

/**
 * Headers as the host sends them: one string per name, repeated values joined by ", ", and the
 * caller appended to X-Forwarded-For, as Azure's front end appends it (whatever a client sent
 * there itself stays in front of it).
 */
function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const caller = remoteEndpoint(req);
  if (caller)
    headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${caller}` : caller;
  return headers;
}

/** Query as the host sends it: one string per key, repeated keys joined by ",". */
function flattenQuery(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
  return query;
}

export function toRpcHttpRequest(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  params: Record<string, string>,
): RpcTypedData {
  const http: RpcHttpData = {
    method: req.method ?? 'GET',
    url: url.toString(),
    headers: flattenHeaders(req),
    query: flattenQuery(url),
    params,
    body: { bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) },
  };
  return { http };
}

function cookieToHeader(cookie: RpcHttpCookie): string {
  const parts = [`${cookie.name ?? ''}=${cookie.value ?? ''}`];
  if (cookie.domain?.value) parts.push(`Domain=${cookie.domain.value}`);
  if (cookie.path?.value) parts.push(`Path=${cookie.path.value}`);
  const expires = cookie.expires?.value?.seconds;
  if (typeof expires === 'number') parts.push(`Expires=${new Date(expires * 1000).toUTCString()}`);
  if (cookie.secure?.value) parts.push('Secure');
  if (cookie.httpOnly?.value) parts.push('HttpOnly');
  if (cookie.sameSite === 'lax') parts.push('SameSite=Lax');
  else if (cookie.sameSite === 'strict') parts.push('SameSite=Strict');
  else if (cookie.sameSite === 'explicitNone') parts.push('SameSite=None');
  const maxAge = cookie.maxAge?.value;
  if (typeof maxAge === 'number') parts.push(`Max-Age=${maxAge}`);
  return parts.join('; ');
}

function bodyBytes(body: RpcTypedData | null | undefined): Buffer {
  if (!body) return Buffer.alloc(0);
  if (body.bytes) return Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength);
  if (typeof body.string === 'string') return Buffer.from(body.string, 'utf8');
  if (typeof body.json === 'string') return Buffer.from(body.json, 'utf8');
  if (typeof body.int === 'number') return Buffer.from(String(body.int));
  if (typeof body.double === 'number') return Buffer.from(String(body.double));
  return Buffer.alloc(0);
}

/**
 * Writes a function's HTTP result. No result at all becomes 204, as the Azure host answers
 * an HTTP function that returns nothing.
 */
export function writeRpcHttpResponse(res: ServerResponse, returnValue: RpcTypedData | null | undefined): void {
  const http = returnValue?.http;
  if (!http) {
    res.writeHead(204).end();
    return;
  }
  const status = Number(http.statusCode ?? '200');
  res.statusCode = Number.isInteger(status) && status >= 100 && status <= 999 ? status : 500;
  for (const [name, value] of Object.entries(http.headers ?? {})) res.setHeader(name, value);
  const cookies = (http.cookies ?? []).map(cookieToHeader);
  if (cookies.length > 0) res.appendHeader('set-cookie', cookies);
  res.end(bodyBytes(http.body));
}
