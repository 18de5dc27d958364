import type { InflateRaw } from '../../../shared/scb/zip';

/**
 * The browser's DecompressionStream as shared/scb's InflateRaw: reads the output chunk by chunk
 * and cancels the stream as soon as it passes `limit`, so a zip bomb costs the limit, not what
 * it declares or would inflate to.
 */
export const browserInflateRaw: InflateRaw = async (data, limit) => {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError(`inflated past ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};
