import type { ResolvedTemplate } from '../../../shared/model/resolve';
import { h, numberFormat } from '../ui/dom';

/**
 * The template's sections as read-only tables with the values about to be sent, laid out like
 * the sheet (rows × Kvinnor/Män/Totalt …), so the user reviews exactly what leaves the workbook.
 */
export function reviewTable(
  template: ResolvedTemplate,
  values: Readonly<Record<string, number | string | null>>,
): HTMLElement {
  return h(
    'div',
    { class: 'review' },
    ...template.sections.map((section) =>
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
                  const value = cell ? values[cell.id] : undefined;
                  return h(
                    'td',
                    { class: 'num' },
                    cell ? (typeof value === 'number' ? numberFormat.format(value) : (value ?? '–')) : '',
                  );
                }),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
