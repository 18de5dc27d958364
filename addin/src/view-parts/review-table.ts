import type { ResolvedTemplate } from '../../../shared/model/resolve';
import { h, numberFormat } from '../ui/dom';

type Values = Readonly<Record<string, number | string | null>>;

export interface ReviewMarks {
  /** Cells to highlight, with the class that says why (`changed`, `flagged`). */
  marks?: ReadonlyMap<string, string>;
  /** Earlier figures shown under each value, e.g. last year's. */
  compare?: { label: string; values: Values };
}

const show = (value: number | string | null | undefined): string =>
  typeof value === 'number' ? numberFormat.format(value) : (value ?? '–');

/**
 * The template's sections as read-only tables, laid out like the sheet (rows × Kvinnor/Män/Totalt
 * …): the values about to be sent, or — for kansliet's review — a version's values with changed
 * and implausible cells marked and last year's figure under each. A table wider than the pane
 * scrolls in its own box, and says so.
 */
export function reviewTable(template: ResolvedTemplate, values: Values, options: ReviewMarks = {}): HTMLElement {
  const { marks, compare } = options;
  return h(
    'div',
    { class: 'review' },
    ...template.sections.map((section) => {
      const hint = h('p', { class: 'scroll-hint' }, 'Tabellen är bred: rulla i sidled för fler kolumner →');
      const box = h(
        'div',
        {},
        hint,
        h(
          'div',
          { class: 'table-scroll', role: 'region', 'aria-label': section.title, tabindex: 0 },
          h(
            'table',
            { class: 'data-table' },
            h('caption', {}, section.title),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Uppgift')),
                ...section.columns.map((c) => h('th', { scope: 'col' }, c.label)),
              ),
            ),
            h(
              'tbody',
              {},
              ...section.rows.map((row) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row', class: `indent-${row.indent}` }, row.label),
                  ...section.columns.map((column) => {
                    const cell = row.cells.find((c) => c.column === column.id);
                    if (!cell) return h('td', { class: 'num' }, '');
                    const mark = marks?.get(cell.id);
                    return h(
                      'td',
                      { class: `num${mark ? ` ${mark}` : ''}` },
                      show(values[cell.id]),
                      compare
                        ? h('span', { class: 'cell-detail' }, `${compare.label}: ${show(compare.values[cell.id])}`)
                        : null,
                    );
                  }),
                ),
              ),
            ),
          ),
        ),
      );
      hintWhileScrolling(box.lastElementChild as HTMLElement, hint, section.columns.length > 3);
      return box;
    }),
  );
}

/**
 * The hint shows while the table is wider than its box, which the pane's width and the figures
 * decide: measured once laid out and again whenever the box changes size. Until then (and where
 * nothing measures) a table of more than three columns is taken to be wide.
 */
function hintWhileScrolling(scroller: HTMLElement, hint: HTMLElement, wide: boolean): void {
  hint.hidden = !wide;
  if (typeof ResizeObserver === 'undefined') return;
  new ResizeObserver(() => {
    hint.hidden = scroller.scrollWidth <= scroller.clientWidth;
  }).observe(scroller);
}
