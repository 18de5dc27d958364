import type { HttpRequest } from '@azure/functions';
import { rejectionOf } from '../../tests/support/rejection';
import { ApiError } from './api-error';
import { readBytes } from './read-body';

/** A request whose body never ends; `pulled` counts the bytes the reader asked for. */
function endless(headers: Record<string, string> = {}) {
  const state = { pulled: 0, touched: false };
  const chunk = new Uint8Array(64 * 1024);
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.touched = true;
        state.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    // Nothing is pulled until the reader asks.
    { highWaterMark: 0 },
  );
  const request = { headers: new Headers(headers), body } as unknown as HttpRequest;
  return { request, state };
}

describe('readBytes', () => {
  it('refuses by the declared length without reading a byte', async () => {
    const { request, state } = endless({ 'content-length': String(50 * 1024 * 1024) });
    expect((await rejectionOf(readBytes(request, 1024 * 1024), ApiError)).status).toBe(413);
    expect(state.touched).toBe(false);
  });

  it('stops reading a body without a length (chunked) once it passes the limit', async () => {
    const { request, state } = endless();
    const error = await rejectionOf(readBytes(request, 1024 * 1024), ApiError);
    expect(error.status).toBe(413);
    expect(error.messageSv).toMatch(/för stort/);
    // What was read is the limit and at most a chunk or two of read-ahead, not the endless rest.
    expect(state.pulled).toBeLessThan(1024 * 1024 + 4 * 64 * 1024);
  });

  it('stops reading a body whose declared length lies', async () => {
    const { request, state } = endless({ 'content-length': '100' });
    expect((await rejectionOf(readBytes(request, 1024 * 1024), ApiError)).status).toBe(413);
    expect(state.pulled).toBeLessThan(1024 * 1024 + 4 * 64 * 1024);
  });

  it('reads a body within the limit whole', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        controller.enqueue(new TextEncoder().encode('1}'));
        controller.close();
      },
    });
    const request = { headers: new Headers(), body } as unknown as HttpRequest;
    expect((await readBytes(request, 100)).toString('utf8')).toBe('{"a":1}');
  });
});
