import type { ReviewAnswer, StatusRow } from '../../../shared/api';
import { changedCells } from '../../../shared/model/changes';
import { describePeriod, requirePeriod } from '../../../shared/model/period';
import { resolveTemplate } from '../../../shared/model/resolve';
import { findTemplate } from '../../../shared/model/selectors';
import type { PaneDeps } from '../views/pane-deps';
import { formatDateTime, h, numberFormat } from '../ui/dom';
import { findingsList } from '../ui/findings-list';
import { STATE_LABEL } from './obligations';
import { reviewTable } from './review-table';
import { toFindingItems } from './submit-panel';

const show = (v: number | string | null): string => (typeof v === 'number' ? numberFormat.format(v) : (v ?? 'saknas'));

/**
 * Kansliet's review of one version, before approving or returning it: who sent it and when, the
 * reporter's comment, the findings (the plausibility varningar highlighted), what changed since
 * the version before, cell by cell, and the figures in the template's own layout with last
 * year's under each. `actions` are the approve and return buttons, placed under it all.
 */
export function reviewPanel(
  deps: Pick<PaneDeps, 'registry' | 'forbund'>,
  row: StatusRow,
  review: ReviewAnswer,
  actions: HTMLElement,
): HTMLElement {
  const { submission, previous, references, current } = review;
  const year = requirePeriod(submission.period).year;
  const definition = findTemplate(deps.registry, submission.templateId, year);
  const template = definition && resolveTemplate(definition, deps.forbund, year);
  const findings = toFindingItems(review.findings);
  const flagged = new Set(review.findings.filter((f) => f.code === 'implausible-change').map((f) => f.cellId));
  const changes = template && previous ? changedCells(template, previous.values, submission.values) : [];
  const marks = new Map<string, string>([
    ...changes.map((c) => [c.cell.id, 'changed'] as [string, string]),
    ...[...flagged].map((id) => [id, 'flagged'] as [string, string]),
  ]);
  const lastYear = references.find((r) => r.kind === 'last-year');
  const heading = h(
    'h2',
    { tabindex: -1, class: 'review-heading' },
    `${row.templateTitle}, ${row.scopeName} – version ${submission.version}`,
  );
  const who = submission.submittedBy.name ?? submission.submittedBy.subject;
  return h(
    'section',
    { class: 'submission-review', 'aria-label': `Granska ${row.templateTitle}, ${row.scopeName}` },
    heading,
    h(
      'p',
      {},
      h('span', { class: `badge state-${current.state}` }, STATE_LABEL[current.state]),
      submission.late ? h('span', { class: 'badge state-sen' }, 'Sen') : null,
      ` Inskickad ${formatDateTime(submission.submittedAt)} av ${who}.`,
      current.version !== submission.version ? ` Senaste versionen är ${current.version}.` : '',
    ),
    submission.comment
      ? h('blockquote', { class: 'reporter-comment' }, h('strong', {}, 'Rapportörens kommentar: '), submission.comment)
      : h('p', { class: 'hint' }, 'Ingen kommentar från rapportören.'),
    findingsList(findings),
    h('h3', {}, previous ? `Ändrat sedan version ${previous.version}` : 'Ändringar'),
    !previous
      ? h('p', { class: 'hint' }, 'Första versionen: inget att jämföra med.')
      : changes.length === 0
        ? h('p', { class: 'hint' }, 'Samma värden som förra versionen.')
        : h(
            'ul',
            { class: 'change-list' },
            ...changes.map((c) =>
              h(
                'li',
                {},
                h('strong', {}, c.address),
                ` ${c.cell.rowLabel}, ${c.cell.columnLabel}: `,
                h('span', { class: 'old-value' }, show(c.before)),
                ' → ',
                h('span', { class: 'new-value' }, show(c.after)),
              ),
            ),
          ),
    h(
      'h3',
      {},
      lastYear ? `Värdena, med ${describePeriod(requirePeriod(lastYear.period))} under varje värde` : 'Värdena',
    ),
    lastYear ? null : h('p', { class: 'hint' }, 'Inget från samma period i fjol att jämföra med.'),
    h(
      'p',
      { class: 'hint legend' },
      h('span', { class: 'legend-changed' }, 'Ändrat'),
      ' ',
      h('span', { class: 'legend-flagged' }, 'Långt från tidigare'),
    ),
    template
      ? reviewTable(template, submission.values, {
          marks,
          ...(lastYear ? { compare: { label: 'i fjol', values: lastYear.values } } : {}),
        })
      : h('p', { class: 'hint' }, 'Mallen finns inte i den här versionen av tillägget.'),
    actions,
  );
}
