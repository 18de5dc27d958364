/**
 * POSTs a planned submission as JSON (what the add-in sends) and records what came back, for
 * load and fault runs that judge every answer: status, latency, the receipt of a 201, and the
 * Retry-After of a 503.
 */
import http from 'node:http';
import { z } from 'zod';
import type { PlannedSubmission } from './submission-plan';

const receiptSchema = z.object({ id: z.string(), version: z.number().int(), sha256: z.string(), created: z.boolean() });
const errorSchema = z.object({ code: z.string() });

export interface SubmissionOutcome {
  planned: PlannedSubmission;
  /** HTTP status, or 0 when no answer came (connection refused or reset). */
  status: number;
  ms: number;
  receipt?: z.infer<typeof receiptSchema>;
  /** The error body's code, e.g. "unavailable". */
  code?: string;
  retryAfter?: string;
  networkError?: string;
}

/**
 * The load client: node:http with a keep-alive agent rather than fetch, because the client
 * shares the machine's two cores with the host and Azurite, and undici's fetch spent about
 * 1.7 ms of CPU per request here — CPU the server under test then lacks.
 */
const agent = new http.Agent({ keepAlive: true });

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

function post(url: string, headers: Record<string, string>, body: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export async function postSubmission(
  apiUrl: string,
  token: string,
  planned: PlannedSubmission,
): Promise<SubmissionOutcome> {
  const body = JSON.stringify(planned.body);
  const started = performance.now();
  try {
    const answer = await post(
      `${apiUrl}/forbund/${planned.slot.forbund}/submissions`,
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    );
    const ms = performance.now() - started;
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      json = undefined;
    }
    const ok = answer.status >= 200 && answer.status < 300;
    const receipt = ok ? receiptSchema.safeParse(json) : undefined;
    const error = ok ? undefined : errorSchema.safeParse(json);
    const retryAfter = answer.headers['retry-after'];
    return {
      planned,
      status: answer.status,
      ms,
      ...(receipt?.success ? { receipt: receipt.data } : {}),
      ...(error?.success ? { code: error.data.code } : {}),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      planned,
      status: 0,
      ms: performance.now() - started,
      networkError: `${error instanceof Error ? error.message : String(error)} ${code ?? ''}`.trim(),
    };
  }
}

/** Signs each distinct caller's token once. */
export function tokenCache(
  sign: (request: PlannedSubmission['slot']['caller']) => Promise<string>,
): (planned: PlannedSubmission) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (planned) => {
    const key = JSON.stringify(planned.slot.caller);
    let token = tokens.get(key);
    if (!token) tokens.set(key, (token = sign(planned.slot.caller)));
    return token;
  };
}
