import type { z } from 'zod';
import { PaneError } from './api-error';
import { errorBodySchema } from '../../../shared/api';

export interface HttpClientOptions {
  /** `/api` or an https origin + path, from the runtime config. */
  baseUrl: string;
  /** The current bearer token, if signed in. */
  token: () => string | undefined;
  /** Called on 401 so the app can send the user back to Inloggning. */
  onUnauthorized: () => void;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  query?: Record<string, string | undefined>;
  json?: unknown;
  body?: Blob | ArrayBuffer;
  contentType?: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The pane's only door to the network. Every response is checked (JSON by a zod schema),
 * and every failure becomes a PaneError with the API's Swedish message, so views never see a
 * raw Response or a TypeError from fetch.
 */
export class HttpClient {
  constructor(private readonly options: HttpClientOptions) {}

  private url(path: string, query: RequestOptions['query']): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, v);
    const qs = params.toString();
    return `${this.options.baseUrl.replace(/\/+$/, '')}${path}${qs ? `?${qs}` : ''}`;
  }

  private async send(path: string, request: RequestOptions, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const token = this.options.token();
    if (token) headers.authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.body !== undefined) {
      headers['content-type'] = request.contentType ?? XLSX;
      body = request.body;
    }
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(this.url(path, request.query), {
        method: request.method ?? 'GET',
        headers,
        body,
        cache: 'no-store',
      });
    } catch (error) {
      throw new PaneError('network', 'Samlad kunde inte nås. Kontrollera nätverket och försök igen.', {
        transient: true,
        cause: error,
      });
    }
    if (response.ok) return response;
    throw await this.errorFrom(response);
  }

  private async errorFrom(response: Response): Promise<PaneError> {
    let parsed: z.infer<typeof errorBodySchema> | undefined;
    try {
      const result = errorBodySchema.safeParse(await response.json());
      parsed = result.success ? result.data : undefined;
    } catch {
      parsed = undefined;
    }
    if (response.status === 401) this.options.onUnauthorized();
    const transient = response.status >= 500 || response.status === 429;
    const fallback =
      response.status === 401
        ? 'Din inloggning har gått ut. Logga in igen.'
        : transient
          ? 'Samlad svarar inte just nu. Försök igen om en stund – inget har sparats.'
          : `Begäran nekades (HTTP ${response.status}).`;
    return new PaneError(parsed?.code ?? `http-${response.status}`, parsed?.message ?? fallback, {
      status: response.status,
      findings: parsed?.findings,
      details: parsed?.details,
      transient,
    });
  }

  /** A JSON response, checked by its schema; `status` is returned for endpoints where 200 and 201 differ. */
  async json<S extends z.ZodType>(
    path: string,
    schema: S,
    request: RequestOptions = {},
  ): Promise<{ status: number; data: z.infer<S> }> {
    const response = await this.send(path, request, 'application/json');
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new PaneError('bad-response', 'Samlad svarade med något oläsbart. Försök igen.', {
        transient: true,
        cause: error,
      });
    }
    const result = schema.safeParse(body);
    if (!result.success)
      throw new PaneError(
        'bad-response',
        'Samlad svarade i en form som tillägget inte känner igen. Ladda om tillägget.',
        { cause: result.error },
      );
    return { status: response.status, data: result.data };
  }

  /** A file download: the bytes and the file name from Content-Disposition. */
  async file(path: string, request: RequestOptions = {}): Promise<{ blob: Blob; fileName: string | undefined }> {
    const response = await this.send(path, request, `${XLSX}, application/octet-stream`);
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
    return { blob: await response.blob(), fileName: fileName ? decodeURIComponent(fileName) : undefined };
  }
}
