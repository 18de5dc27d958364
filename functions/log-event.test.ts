import { InvocationContext } from '@azure/functions';
import { correlationIdOf, logEvent } from './log-event';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

function context(traceParent?: string): { context: InvocationContext; lines: { level: string; text: string }[] } {
  const lines: { level: string; text: string }[] = [];
  const ctx = new InvocationContext({
    invocationId: 'inv-1',
    functionName: 'f',
    ...(traceParent ? { traceContext: { traceParent } } : {}),
    logHandler: (level, ...args) => lines.push({ level, text: String(args[0]) }),
  });
  return { context: ctx, lines };
}

describe('correlationIdOf', () => {
  it.each([
    ['the trace id of a W3C traceparent', `00-${TRACE}-00f067aa0ba902b7-01`, TRACE],
    ['the invocation id without one', undefined, 'inv-1'],
    ['the invocation id for an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, 'inv-1'],
    ['the invocation id for a malformed one', 'not-a-traceparent', 'inv-1'],
  ])('%s', (_case, traceParent, expected) => expect(correlationIdOf(context(traceParent).context)).toBe(expected));
});

describe('logEvent', () => {
  it('writes one JSON object with the event, the invocation and correlation ids and the fields, at its level', () => {
    const { context: ctx, lines } = context(`00-${TRACE}-00f067aa0ba902b7-01`);
    logEvent(ctx, 'info', 'job.queued', { jobId: 'j1' });
    logEvent(ctx, 'warn', 'request.refused', { status: 429 });
    logEvent(ctx, 'error', 'job.failed', { correlationId: 'from-the-request' }, new TypeError('trasig'));
    expect(lines.map((l) => l.level)).toEqual(['information', 'warning', 'error']);
    expect(JSON.parse(lines[0]!.text)).toEqual({
      event: 'job.queued',
      invocationId: 'inv-1',
      correlationId: TRACE,
      jobId: 'j1',
    });
    expect(JSON.parse(lines[2]!.text)).toMatchObject({
      event: 'job.failed',
      correlationId: 'from-the-request',
      error: 'TypeError: trasig',
      stack: expect.stringContaining('TypeError: trasig'),
    });
  });
});
