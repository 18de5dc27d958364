/**
 * A minimal PNG encoder (8-bit, no interlace, filter none): signature, IHDR, PLTE for indexed
 * images, one IDAT, IEND. The add-in's icons (scripts/addin-build/icons.ts) need nothing more.
 * Pure: the caller hands in zlib's deflate (node:zlib at build time), so the same pixels give the
 * same bytes on every machine with the same zlib.
 */

export type Rgb = readonly [number, number, number];

/** zlib-wrapped deflate of the scanlines (RFC 1950), e.g. `(b) => deflateSync(b, { level: 4 })`. */
export type Deflate = (bytes: Uint8Array) => Uint8Array;

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

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = concat([Uint8Array.from(type, (c) => c.charCodeAt(0)), data]);
  return concat([uint32(data.length), body, uint32(crc32(body))]);
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
  image: { width: number; height: number; colourType: 3 | 6; scanlines: Uint8Array; palette?: readonly Rgb[] },
  deflate: Deflate,
): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, image.width);
  view.setUint32(4, image.height);
  header[8] = 8; // bit depth
  header[9] = image.colourType; // 3: palette indices, 6: RGBA
  // compression, filter and interlace methods: 0
  const parts = [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), chunk('IHDR', header)];
  if (image.palette) parts.push(chunk('PLTE', Uint8Array.from(image.palette.flat())));
  parts.push(chunk('IDAT', deflate(image.scanlines)), chunk('IEND', new Uint8Array(0)));
  return concat(parts);
}

export function encodePng(r: Raster, deflate: Deflate): Uint8Array {
  return png({ width: r.width, height: r.height, colourType: 3, scanlines: r.scanlines, palette: r.palette }, deflate);
}

/** For images with transparency (the add-in's icons): `rgba` holds width × height × 4 bytes, row by row. */
export function encodeRgbaPng(width: number, height: number, rgba: Uint8Array, deflate: Deflate): Uint8Array {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new RangeError(`expected ${stride * height} bytes, got ${rgba.length}`);
  const scanlines = new Uint8Array((stride + 1) * height);
  // Each row after its filter byte, 0: none.
  for (let y = 0; y < height; y++) scanlines.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return png({ width, height, colourType: 6, scanlines }, deflate);
}
