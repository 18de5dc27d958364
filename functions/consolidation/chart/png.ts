import { deflateSync } from 'node:zlib';

/**
 * A minimal PNG encoder (8-bit RGB, no interlace): signature, IHDR, one IDAT, IEND. Charts need
 * nothing more, and node:zlib makes it a few lines — no native binary, no font, and the same
 * pixels give the same bytes on every machine (the report's reproducibility depends on it).
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB raster, row by row, 3 bytes per pixel. */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export function createRaster(width: number, height: number, background: readonly [number, number, number]): Raster {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.set(background, i * 3);
  return { width, height, pixels };
}

export function fillRect(r: Raster, x: number, y: number, w: number, h: number, rgb: readonly [number, number, number]): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(r.width, Math.round(x + w));
  const y1 = Math.min(r.height, Math.round(y + h));
  for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) r.pixels.set(rgb, (yy * r.width + xx) * 3);
}

function encode(width: number, height: number, pixels: Uint8Array, colourType: 2 | 6): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = colourType; // 2: truecolour RGB, 6: RGBA
  // compression, filter and interlace methods: 0
  const stride = width * (colourType === 6 ? 4 : 3);
  if (pixels.length !== stride * height) throw new RangeError(`expected ${stride * height} bytes, got ${pixels.length}`);
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export function encodePng(r: Raster): Buffer {
  return encode(r.width, r.height, r.pixels, 2);
}

/** For images with transparency (the add-in's icons): `rgba` holds width × height × 4 bytes, row by row. */
export function encodeRgbaPng(width: number, height: number, rgba: Uint8Array): Buffer {
  return encode(width, height, rgba, 6);
}
