/**
 * POSTs a planned submission as JSON (what the add-in sends) and records what came back, for
 * load and fault runs that judge every answer: status, latency, the receipt of a 201, and the
 * Retry-After of a 503.
 */
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

export async function postSubmission(apiUrl: string, token: string, planned: PlannedSubmission): Promise<SubmissionOutcome> {
  const started = performance.now();
  try {
    const response = await fetch(`${apiUrl}/forbund/${planned.slot.forbund}/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(planned.body),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const receipt = response.ok ? receiptSchema.safeParse(json) : undefined;
    const error = response.ok ? undefined : errorSchema.safeParse(json);
    return {
      planned,
      status: response.status,
      ms,
      ...(receipt?.success ? { receipt: receipt.data } : {}),
      ...(error?.success ? { code: error.data.code } : {}),
      ...(response.headers.has('retry-after') ? { retryAfter: response.headers.get('retry-after') ?? '' } : {}),
    };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    return { planned, status: 0, ms: performance.now() - started, networkError: `${error instanceof Error ? error.message : String(error)} ${cause}`.trim() };
  }
}

/** Signs each distinct caller's token once. */
export function tokenCache(sign: (request: PlannedSubmission['slot']['caller']) => Promise<string>): (planned: PlannedSubmission) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (planned) => {
    const key = JSON.stringify(planned.slot.caller);
    let token = tokens.get(key);
    if (!token) tokens.set(key, (token = sign(planned.slot.caller)));
    return token;
  };
}
