import { deflateSync } from 'node:zlib';
import { encodeRgbaPng } from '../../shared/image/png';

/**
 * Sizes Office asks for: 16/32/80 for ribbon buttons (with 20/24/40/48/64 for scaled displays),
 * 32 for IconUrl, 64 for HighResolutionIconUrl, 128 for listings.
 */
export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128] as const;

export function iconPath(size: number): string {
  return `assets/icon-${size}.png`;
}

/** Fluent's brand blue (#0F6CBD) and white. */
const BRAND = [0x0f, 0x6c, 0xbd] as const;

/** Is the point (x, y) in the unit square inside the icon's shape, and which colour? */
function sample(x: number, y: number): 'brand' | 'white' | 'none' {
  const r = 0.18; // corner radius
  const inCorner = (cx: number, cy: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  const inRect =
    (x >= r && x <= 1 - r && y >= 0 && y <= 1) ||
    (y >= r && y <= 1 - r && x >= 0 && x <= 1) ||
    inCorner(r, r) ||
    inCorner(1 - r, r) ||
    inCorner(r, 1 - r) ||
    inCorner(1 - r, 1 - r);
  if (!inRect) return 'none';
  // Three rising bars: parts adding up to a whole, which is what Samlad does.
  const bars = [
    { x0: 0.2, x1: 0.34, top: 0.56 },
    { x0: 0.43, x1: 0.57, top: 0.38 },
    { x0: 0.66, x1: 0.8, top: 0.2 },
  ];
  const base = 0.8;
  for (const b of bars) if (x >= b.x0 && x <= b.x1 && y >= b.top && y <= base) return 'white';
  return 'brand';
}

/** Draws the icon at `size` pixels with 4×4 supersampling, so small sizes stay crisp without jaggies. */
export function drawIcon(size: number): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const s = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (s !== 'none') covered += 1;
          if (s === 'white') white += 1;
        }
      }
      const i = (py * size + px) * 4;
      const w = covered === 0 ? 0 : white / covered;
      rgba[i] = Math.round(BRAND[0] + (255 - BRAND[0]) * w);
      rgba[i + 1] = Math.round(BRAND[1] + (255 - BRAND[1]) * w);
      rgba[i + 2] = Math.round(BRAND[2] + (255 - BRAND[2]) * w);
      rgba[i + 3] = Math.round((255 * covered) / (n * n));
    }
  }
  // Level 4 as the report's charts use; an icon drawn at build time is small at any level.
  const png = encodeRgbaPng(size, size, rgba, (bytes) => deflateSync(bytes, { level: 4 }));
  return Buffer.from(png.buffer, png.byteOffset, png.length);
}

/** Every icon, keyed by its path under the add-in's base URL. */
export function drawAllIcons(): Map<string, Buffer> {
  return new Map(ICON_SIZES.map((size) => [iconPath(size), drawIcon(size)]));
}
