import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The words of a PDF with their boxes (points, origin top left), page by page, as poppler's
 * `pdftotext -bbox` reports them: what a reader of the printed page sees, to check layout on.
 */
export interface PdfWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

const decode = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

export async function pdfPages(pdf: Buffer): Promise<PdfPage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'samlad-pdf-'));
  try {
    const path = join(dir, 'in.pdf');
    await writeFile(path, pdf);
    const html = await new Promise<string>((resolve, reject) =>
      execFile('pdftotext', ['-bbox', path, '-'], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, w, h, body]) => ({
      width: Number(w),
      height: Number(h),
      words: [
        ...(body ?? '').matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map(([, x0, y0, x1, y1, text]) => ({
        text: decode(text ?? ''),
        x0: Number(x0),
        y0: Number(y0),
        x1: Number(x1),
        y1: Number(y1),
      })),
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The sheet a printed page belongs to, from its footer "Samlad – <sheet> … Sida n av m". */
export function sheetOfPage(page: PdfPage): string | undefined {
  const last = Math.max(...page.words.map((w) => w.y0));
  const bottom = page.words.filter((w) => w.y0 > last - 3).sort((a, b) => a.x0 - b.x0);
  const start = bottom.findIndex((w, i) => w.text === 'Samlad' && bottom[i + 1]?.text === '–');
  if (start < 0) return undefined;
  const end = bottom.findIndex((w, i) => i > start && w.text === 'Sida');
  return bottom
    .slice(start + 2, end < 0 ? undefined : end)
    .map((w) => w.text)
    .join(' ');
}

/** Pairs of words whose boxes overlap: text run into its neighbour, or wrapped lines piled on one another. */
export function overlappingWords(page: PdfPage): [PdfWord, PdfWord][] {
  const out: [PdfWord, PdfWord][] = [];
  const words = [...page.words].sort((a, b) => a.x0 - b.x0);
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    for (let j = i + 1; j < words.length && words[j]!.x0 < a.x1; j++) {
      const b = words[j]!;
      const x = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const y = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (x > 0.5 && y > 0.4 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) out.push([a, b]);
    }
  }
  return out;
}
