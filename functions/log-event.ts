/**
 * Structured log lines: one JSON object per event, written through the invocation's own logger,
 * so the Functions host sends them to Application Insights as traces of that invocation (with
 * its operation id) — no exporter of our own. In Log Analytics,
 * `traces | extend e = parse_json(message) | where e.event == "job.failed"` finds them.
 *
 * Every line carries the invocation id and a correlation id: the W3C trace id the request came
 * with (what Application Insights correlates a request's telemetry by), or the invocation id.
 * A job carries its request's correlation id in its queue message, so the worker's lines and
 * the request that queued the job share it.
 */
import type { InvocationContext } from '@azure/functions';

export type LogLevel = 'info' | 'warn' | 'error';

const TRACE_ID = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The trace id of the invocation's W3C traceparent, or else its invocation id. */
export function correlationIdOf(context: Pick<InvocationContext, 'invocationId' | 'traceContext'>): string {
  const traceId = TRACE_ID.exec(context.traceContext?.traceParent ?? '')?.[1];
  return traceId && !/^0+$/.test(traceId) ? traceId : context.invocationId;
}

function describe(error: unknown): { error: string; stack?: string } {
  if (error instanceof Error)
    return { error: `${error.name}: ${error.message}`, ...(error.stack ? { stack: error.stack } : {}) };
  return { error: String(error) };
}

/**
 * Logs `event` with its fields. `correlationId` defaults to the invocation's own; pass a job's
 * to tie the line to the request that queued it.
 */
export function logEvent(
  context: InvocationContext,
  level: LogLevel,
  event: string,
  fields: Record<string, unknown> = {},
  error?: unknown,
): void {
  const line = JSON.stringify({
    event,
    invocationId: context.invocationId,
    correlationId: correlationIdOf(context),
    ...fields,
    ...(error === undefined ? {} : describe(error)),
  });
  if (level === 'error') context.error(line);
  else if (level === 'warn') context.warn(line);
  else context.log(line);
}
