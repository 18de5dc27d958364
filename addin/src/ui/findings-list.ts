import { h, numberFormat } from './dom';

export interface FindingItem {
  severity: 'fel' | 'varning';
  /** Rendered by shared's renderFinding (or the API's `message`, which is the same text). */
  message: string;
  /** `'Deltagare och avslut'!D7` */
  cell: string;
  cellId: string;
}

export function summariseFindings(findings: readonly FindingItem[]): string {
  const errors = findings.filter((f) => f.severity === 'fel').length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return 'Inga fel eller varningar.';
  const parts = [
    errors > 0 ? `${numberFormat.format(errors)} fel` : '',
    warnings > 0 ? `${numberFormat.format(warnings)} ${warnings === 1 ? 'varning' : 'varningar'}` : '',
  ].filter(Boolean);
  return `${parts.join(' och ')} att rätta${errors === 0 ? ' eller förklara' : ''}.`;
}

/**
 * The findings of a check. In Excel each item is a button that selects its cell; in a browser
 * the item names the cell to look for in the file.
 */
export function findingsList(findings: readonly FindingItem[], onSelect?: (finding: FindingItem) => void): HTMLElement {
  const heading = h('p', { class: 'findings-summary' }, summariseFindings(findings));
  if (findings.length === 0) return h('div', { class: 'findings ok' }, heading);
  const items = findings.map((f) => {
    const badge = h('span', { class: `badge ${f.severity}` }, f.severity === 'fel' ? 'Fel' : 'Varning');
    const text = h('span', { class: 'finding-text' }, f.message);
    const content = onSelect
      ? h(
          'button',
          {
            type: 'button',
            class: 'finding-button',
            onclick: () => onSelect(f),
            'aria-label': `${f.severity === 'fel' ? 'Fel' : 'Varning'}: ${f.message} Markera cellen.`,
          },
          badge,
          text,
        )
      : h('div', { class: 'finding-static' }, badge, text);
    return h('li', { class: `finding ${f.severity}` }, content);
  });
  const hint = onSelect ? h('p', { class: 'hint' }, 'Välj ett fel för att gå till cellen.') : null;
  return h('div', { class: 'findings' }, heading, hint, h('ul', { class: 'finding-list' }, ...items));
}
