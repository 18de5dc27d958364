import type { ResolvedTemplate, TemplateLayout } from '../../shared';
import { LINE_HEIGHT } from './styles';

/**
 * Column widths and row heights, estimated from text length. Excel neither widens columns nor
 * (reliably) grows rows for wrapped text when it opens a file, so the writer has to guess.
 * Widths are in Excel's units (about one digit of the default font).
 */

const LABEL_MIN = 24;
const LABEL_MAX = 60;
const DATA_MIN = 11;
const DATA_MAX = 22;
const TEXT_MIN = 40;
/** A single header word wider than this wraps anyway. */
const WORD_MAX = 32;
const BOLD_FACTOR = 1.15;
/** Spaces an alignment indent level takes in column A. */
const INDENT_WIDTH = 2;

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

export function rowLabelText(label: string, unit: string | undefined): string {
  return unit ? `${label} (${unit})` : label;
}

export function columnWidths(template: ResolvedTemplate, layout: TemplateLayout): number[] {
  let label = 0;
  for (const section of template.sections) {
    label = Math.max(label, section.title.length * 1.1);
    for (const row of section.rows)
      label = Math.max(label, rowLabelText(row.label, row.unit).length + row.indent * INDENT_WIDTH + 2);
  }
  const widths = [clamp(Math.ceil(label), LABEL_MIN, LABEL_MAX)];
  for (let column = layout.labelColumn + 1; column <= layout.lastColumn; column++) {
    let width = DATA_MIN;
    template.sections.forEach((section, i) => {
      const sectionLayout = layout.sections[i];
      const header = section.columns.find((c) => sectionLayout?.columnNumbers.get(c.id) === column);
      if (!header) return;
      // Headers wrap at spaces over about two lines; a long word must fit whole (bold text is
      // wider than the digits Excel measures widths in).
      const longestWord = Math.max(...header.label.split(/\s+/).map((w) => w.length));
      const wrapped = clamp(Math.ceil(header.label.length / 2) + 2, DATA_MIN, DATA_MAX);
      width = Math.max(width, wrapped, Math.min(WORD_MAX, Math.ceil(longestWord * BOLD_FACTOR) + 2));
      for (const row of section.rows) {
        for (const cell of row.cells) {
          if (cell.column !== header.id) continue;
          if (cell.spec.kind === 'text') width = Math.max(width, TEXT_MIN);
          if (cell.spec.kind === 'choice')
            width = Math.max(width, Math.max(...(cell.spec.choices ?? ['']).map((c) => c.length)) + 4);
        }
      }
    });
    widths.push(width);
  }
  return widths;
}

/** Lines a text takes when wrapped at word boundaries in a cell `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width) - 1);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (used > 0 && used + 1 + word.length <= perLine) {
        used += 1 + word.length;
        continue;
      }
      if (used > 0) lines += 1;
      // A word longer than a line breaks across lines.
      lines += Math.ceil(word.length / perLine) - 1;
      used = word.length - (Math.ceil(word.length / perLine) - 1) * perLine;
    }
  }
  return lines;
}

export function heightFor(lines: number): number {
  return Math.max(1, lines) * LINE_HEIGHT;
}
