import { deflateSync } from 'node:zlib';

/**
 * A minimal PNG encoder (8-bit, no interlace, filter none): signature, IHDR, PLTE for indexed
 * images, one IDAT, IEND. Charts need nothing more, and node:zlib makes it a few lines — no
 * native binary, no font, and the same pixels give the same bytes on every machine (the
 * report's reproducibility depends on it).
 */

type Rgb = readonly [number, number, number];

/**
 * Level 4, not 9: on a chart raster (long runs of a few flat colours) 9 takes about twelve
 * times as long (some 50 ms a chart, when charts were the largest cost of a report) for a file
 * half the size; at 4 a chart is about 34 KB, what the three-bytes-a-pixel images were at 9.
 * The add-in's icons share the encoder; a few hundred bytes more on an icon drawn at build time
 * do not matter.
 */
const DEFLATE_LEVEL = 4;

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

/**
 * An indexed raster: one palette index per pixel. Charts are a handful of flat colours, so a
 * byte per pixel instead of three makes drawing and deflating a third of the work, and the PNG
 * smaller. Rows are kept as PNG scanlines — a filter byte (0, none) before each row's pixels —
 * so the encoder deflates the raster as it is.
 */
export interface Raster {
  width: number;
  height: number;
  /** The colours in order of first use; a pixel of value i has colour palette[i]. */
  palette: Rgb[];
  /** height rows of 1 + width bytes. */
  scanlines: Uint8Array;
}

/** The palette index of `rgb`, added on first use; an indexed PNG holds at most 256 colours. */
function colourIndex(r: Raster, rgb: Rgb): number {
  for (let i = 0; i < r.palette.length; i++) {
    const c = r.palette[i]!;
    if (c[0] === rgb[0] && c[1] === rgb[1] && c[2] === rgb[2]) return i;
  }
  if (r.palette.length === 256) throw new RangeError('an indexed PNG holds at most 256 colours');
  r.palette.push(rgb);
  return r.palette.length - 1;
}

export function createRaster(width: number, height: number, background: Rgb): Raster {
  // Index 0 is the background and 0 the filter byte, so the zero-filled array is already both.
  return { width, height, palette: [background], scanlines: new Uint8Array((width + 1) * height) };
}

export function fillRect(r: Raster, x: number, y: number, w: number, h: number, rgb: Rgb): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(r.width, Math.round(x + w));
  const y1 = Math.min(r.height, Math.round(y + h));
  if (x1 <= x0 || y1 <= y0) return;
  const index = colourIndex(r, rgb);
  const stride = r.width + 1;
  const pixels = r.scanlines;
  for (let yy = y0; yy < y1; yy++) {
    const start = yy * stride + 1;
    // Most rectangles are a glyph's pixel or a grid line, a byte or two wide, where a call to
    // fill costs more than the loop.
    if (x1 - x0 > 16) pixels.fill(index, start + x0, start + x1);
    else for (let xx = start + x0; xx < start + x1; xx++) pixels[xx] = index;
  }
}

function png(
  width: number,
  height: number,
  colourType: 3 | 6,
  scanlines: Uint8Array,
  palette?: readonly Rgb[],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = colourType; // 3: palette indices, 6: RGBA
  // compression, filter and interlace methods: 0
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header)];
  if (palette) parts.push(chunk('PLTE', Buffer.from(palette.flat())));
  parts.push(chunk('IDAT', deflateSync(scanlines, { level: DEFLATE_LEVEL })), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

export function encodePng(r: Raster): Buffer {
  return png(r.width, r.height, 3, r.scanlines, r.palette);
}

/** For images with transparency (the add-in's icons): `rgba` holds width × height × 4 bytes, row by row. */
export function encodeRgbaPng(width: number, height: number, rgba: Uint8Array): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new RangeError(`expected ${stride * height} bytes, got ${rgba.length}`);
  const scanlines = new Uint8Array((stride + 1) * height);
  // Each row after its filter byte, 0: none.
  for (let y = 0; y < height; y++) scanlines.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return png(width, height, 6, scanlines);
}
