import type { Finding } from '../../shared/validation/findings';

/**
 * An error the API answers on purpose, with a status, a stable code and a Swedish message.
 * Everything else becomes a 500 with a correlation id (see error-response.ts).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageSv: string,
    readonly extra: { findings?: Finding[]; headers?: Record<string, string>; details?: unknown } = {},
  ) {
    super(`${status} ${code}: ${messageSv}`);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new ApiError(400, code, message, { details });
export const unauthorized = (
  message = 'Du behöver logga in. Inloggningen saknas, har gått ut eller kunde inte kontrolleras.',
) => new ApiError(401, 'unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer' } });
/** Also used for another förbund's resources, so that nobody learns whether they exist. */
export const forbidden = (message = 'Du har inte behörighet till detta.') => new ApiError(403, 'forbidden', message);
export const notFound = (message = 'Det du söker finns inte.') => new ApiError(404, 'not-found', message);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
export const payloadTooLarge = (message: string) => new ApiError(413, 'too-large', message);
export const unsupportedMediaType = (message: string) => new ApiError(415, 'unsupported-media-type', message);
export const unprocessable = (code: string, message: string, findings?: Finding[]) =>
  new ApiError(422, code, message, { findings });
export const tooManyRequests = (retryAfterSeconds: number) =>
  new ApiError(
    429,
    'too-many-requests',
    `Du har skickat många ändringar på kort tid. Vänta ${retryAfterSeconds} sekunder och försök igen – ` +
      'det du skickade senast sparades inte.',
    { headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
export const serviceUnavailable = (message: string, retryAfterSeconds = 5) =>
  new ApiError(503, 'unavailable', message, { headers: { 'Retry-After': String(retryAfterSeconds) } });
