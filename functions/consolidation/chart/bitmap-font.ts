import { fillRect, type Raster } from '../../../shared/image/png';

/**
 * A 5 × 7 pixel font (with descenders and Swedish letters) for chart labels. A bitmap keeps the
 * charts free of font files and native renderers: the server needs no fonts installed, and the
 * same text gives the same pixels everywhere. Rows are top to bottom, `#` is ink; glyphs of
 * eight rows descend below the baseline.
 */
const GLYPHS: Record<string, string> = {
  '0': '.###. #...# #..## #.#.# ##..# #...# .###.',
  '1': '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
  '2': '.###. #...# ....# ...#. ..#.. .#... #####',
  '3': '##### ...#. ..#.. ...#. ....# #...# .###.',
  '4': '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
  '5': '##### #.... ####. ....# ....# #...# .###.',
  '6': '..##. .#... #.... ####. #...# #...# .###.',
  '7': '##### ....# ...#. ..#.. .#... .#... .#...',
  '8': '.###. #...# #...# .###. #...# #...# .###.',
  '9': '.###. #...# #...# .#### ....# ...#. .##..',
  A: '.###. #...# #...# ##### #...# #...# #...#',
  B: '####. #...# #...# ####. #...# #...# ####.',
  C: '.###. #...# #.... #.... #.... #...# .###.',
  D: '###.. #..#. #...# #...# #...# #..#. ###..',
  E: '##### #.... #.... ####. #.... #.... #####',
  F: '##### #.... #.... ####. #.... #.... #....',
  G: '.###. #...# #.... #.### #...# #...# .####',
  H: '#...# #...# #...# ##### #...# #...# #...#',
  I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
  K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
  L: '#.... #.... #.... #.... #.... #.... #####',
  M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
  N: '#...# #...# ##..# #.#.# #..## #...# #...#',
  O: '.###. #...# #...# #...# #...# #...# .###.',
  P: '####. #...# #...# ####. #.... #.... #....',
  Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
  R: '####. #...# #...# ####. #.#.. #..#. #...#',
  S: '.#### #.... #.... .###. ....# ....# ####.',
  T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
  U: '#...# #...# #...# #...# #...# #...# .###.',
  V: '#...# #...# #...# #...# #...# .#.#. ..#..',
  W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
  X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
  Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
  Z: '##### ....# ...#. ..#.. .#... #.... #####',
  a: '..... ..... .###. ....# .#### #...# .####',
  b: '#.... #.... #.##. ##..# #...# #...# ####.',
  c: '..... ..... .###. #.... #.... #...# .###.',
  d: '....# ....# .##.# #..## #...# #...# .####',
  e: '..... ..... .###. #...# ##### #.... .###.',
  f: '..##. .#..# .#... ###.. .#... .#... .#...',
  g: '..... ..... .#### #...# #...# .#### ....# .###.',
  h: '#.... #.... #.##. ##..# #...# #...# #...#',
  i: '..#.. ..... .##.. ..#.. ..#.. ..#.. .###.',
  j: '...#. ..... ..##. ...#. ...#. ...#. #..#. .##..',
  k: '#.... #.... #..#. #.#.. ##... #.#.. #..#.',
  l: '.##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  m: '..... ..... ##.#. #.#.# #.#.# #...# #...#',
  n: '..... ..... #.##. ##..# #...# #...# #...#',
  o: '..... ..... .###. #...# #...# #...# .###.',
  p: '..... ..... ####. #...# #...# ####. #.... #....',
  q: '..... ..... .##.# #..## #...# .#### ....# ....#',
  r: '..... ..... #.##. ##..# #.... #.... #....',
  s: '..... ..... .###. #.... .###. ....# ####.',
  t: '.#... .#... ###.. .#... .#... .#..# ..##.',
  u: '..... ..... #...# #...# #...# #..## .##.#',
  v: '..... ..... #...# #...# #...# .#.#. ..#..',
  w: '..... ..... #...# #...# #.#.# #.#.# .#.#.',
  x: '..... ..... #...# .#.#. ..#.. .#.#. #...#',
  y: '..... ..... #...# #...# #...# .#### ....# .###.',
  z: '..... ..... ##### ...#. ..#.. .#... #####',
  ' ': '..... ..... ..... ..... ..... ..... .....',
  '%': '##... ##..# ...#. ..#.. .#... #..## ...##',
  ',': '..... ..... ..... ..... ..... .##.. ..#.. .#...',
  '.': '..... ..... ..... ..... ..... .##.. .##..',
  '-': '..... ..... ..... .###. ..... ..... .....',
  '–': '..... ..... ..... ##### ..... ..... .....',
  '−': '..... ..... ..... ##### ..... ..... .....',
  '(': '...#. ..#.. .#... .#... .#... ..#.. ...#.',
  ')': '.#... ..#.. ...#. ...#. ...#. ..#.. .#...',
  ':': '..... .##.. .##.. ..... .##.. .##.. .....',
  '/': '..... ....# ...#. ..#.. .#... #.... .....',
  '+': '..... ..#.. ..#.. ##### ..#.. ..#.. .....',
  '≥': '.#... ..#.. ...#. ..#.. .#... ..... #####',
  '≤': '...#. ..#.. .#... ..#.. ...#. ..... #####',
  '?': '.###. #...# ....# ...#. ..#.. ..... ..#..',
};

/** Dots or a ring above a letter, in the two rows reserved above capitals. */
const ACCENTED: Record<string, [base: string, mark: string]> = {
  Å: ['A', '..#..'],
  Ä: ['A', '.#.#.'],
  Ö: ['O', '.#.#.'],
  å: ['a', '..#..'],
  ä: ['a', '.#.#.'],
  ö: ['o', '.#.#.'],
  É: ['E', '...#.'],
  é: ['e', '...#.'],
};

export const GLYPH_WIDTH = 5;
/** Two rows for accents above capitals, seven for the letter, one for descenders. */
export const GLYPH_HEIGHT = 10;
export const ADVANCE = GLYPH_WIDTH + 1;

function rows(char: string): string[] {
  const accented = ACCENTED[char];
  if (accented) {
    const [base, mark] = accented;
    const body = rows(base);
    // Lowercase bodies start two rows down, so their accent sits just above the x-height.
    const isLower = base === base.toLowerCase();
    if (isLower) body[2] = mark;
    else body[0] = mark;
    return body;
  }
  const glyph = (GLYPHS[char] ?? GLYPHS['?']!).split(' ');
  return ['.....', '.....', ...glyph, ...Array(8 - glyph.length).fill('.....')] as string[];
}

/** Width in pixels of `text` at `scale`. */
export function textWidth(text: string, scale: number): number {
  return [...text].length * ADVANCE * scale;
}

/** A glyph as runs of ink per row: [row, first column, length]. */
type Runs = readonly (readonly [number, number, number])[];
const runsByChar = new Map<string, Runs>();

/** The ink of `char` as horizontal runs, worked out once per character: a chart draws thousands. */
function runs(char: string): Runs {
  let found = runsByChar.get(char);
  if (found) return found;
  const list: [number, number, number][] = [];
  rows(char).forEach((row, ry) => {
    for (const m of row.matchAll(/#+/g)) list.push([ry, m.index, m[0].length]);
  });
  runsByChar.set(char, (found = list));
  return found;
}

/** Draws `text` with its top-left corner at (x, y). */
export function drawText(
  r: Raster,
  text: string,
  x: number,
  y: number,
  scale: number,
  rgb: readonly [number, number, number],
): void {
  [...text].forEach((char, i) => {
    for (const [ry, rx, length] of runs(char))
      fillRect(r, x + (i * ADVANCE + rx) * scale, y + ry * scale, length * scale, scale, rgb);
  });
}
