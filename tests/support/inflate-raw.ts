import { inflateRawSync } from 'node:zlib';
import type { InflateRaw } from '../../shared/scb/zip';

/**
 * The Node side of shared/scb's InflateRaw (the pane uses the browser's DecompressionStream): zlib
 * stops at `limit`.
 */
export const nodeInflateRaw: InflateRaw = async (data, limit) =>
  new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, limit) }));
