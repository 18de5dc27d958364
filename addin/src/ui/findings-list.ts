import { h, numberFormat } from './dom';

export interface FindingItem {
  severity: 'fel' | 'varning';
  /** Rendered by shared's renderFinding (or the API's `message`, which is the same text). */
  message: string;
  /** `'Deltagare och avslut'!D7` */
  cell: string;
  cellId: string;
  /** Set when the finding follows from another cell's error (a Följdfel): it goes when that is fixed. */
  causedBy?: string;
}

const count = (n: number, one: string, many: string) => `${numberFormat.format(n)} ${n === 1 ? one : many}`;

export function summariseFindings(findings: readonly FindingItem[]): string {
  const primary = findings.filter((f) => f.causedBy === undefined);
  const errors = primary.filter((f) => f.severity === 'fel').length;
  const warnings = primary.length - errors;
  const following = findings.length - primary.length;
  if (findings.length === 0) return 'Inga fel eller varningar.';
  const parts = [
    errors > 0 ? `${numberFormat.format(errors)} fel` : '',
    warnings > 0 ? count(warnings, 'varning', 'varningar') : '',
  ]
    .filter(Boolean)
    .join(' och ');
  const consequence =
    following > 0
      ? ` ${numberFormat.format(following)} följdfel försvinner när ${errors === 1 ? 'det' : 'de'} är rättat.`
      : '';
  return `${parts} att rätta${errors === 0 ? ' eller förklara' : ''}.${consequence}`;
}

const BADGE = { fel: 'Fel', varning: 'Varning' } as const;

/**
 * The findings of a check. In Excel each item is a button that selects its cell; in a browser
 * the item names the cell to look for in the file. A consequence of another cell's error is
 * shown as such, so one wrong total reads as one thing to fix.
 */
export function findingsList(findings: readonly FindingItem[], onSelect?: (finding: FindingItem) => void): HTMLElement {
  const heading = h('p', { class: 'findings-summary' }, summariseFindings(findings));
  if (findings.length === 0) return h('div', { class: 'findings ok' }, heading);
  const items = findings.map((f) => {
    const label = f.causedBy === undefined ? BADGE[f.severity] : 'Följdfel';
    const kind = f.causedBy === undefined ? f.severity : 'foljd';
    const badge = h('span', { class: `badge ${kind}` }, label);
    const text = h('span', { class: 'finding-text' }, f.message);
    const content = onSelect
      ? h(
          'button',
          {
            type: 'button',
            class: 'finding-button',
            onclick: () => onSelect(f),
            'aria-label': `${label}: ${f.message} Markera cellen.`,
          },
          badge,
          text,
        )
      : h('div', { class: 'finding-static' }, badge, text);
    return h('li', { class: `finding ${kind === 'foljd' ? `${f.severity} foljd` : f.severity}` }, content);
  });
  const hint = onSelect ? h('p', { class: 'hint' }, 'Välj ett fel för att gå till cellen.') : null;
  return h('div', { class: 'findings' }, heading, hint, h('ul', { class: 'finding-list' }, ...items));
}
