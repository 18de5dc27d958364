import type { StatusAnswer, StatusRow, StatusState } from '../../../shared/api';
import { defaultPeriod, periodChoices } from '../view-parts/period-choice';
import { yearOptions } from '../view-parts/template-context';
import { runAction } from '../ui/action';
import { button, field, formatDateTime, h, replaceChildren, select } from '../ui/dom';
import type { PaneDeps, View } from './pane-deps';

export const STATE_LABEL = {
  saknas: 'Saknas',
  sen: 'Sen',
  inskickad: 'Inskickad',
  godkand: 'Godkänd',
  returnerad: 'Returnerad',
} satisfies Record<StatusState, string>;

/** Deadline, lock and the count per state, above the matrix. */
function periodSummary(status: StatusAnswer, lockButton: HTMLButtonElement): HTMLElement[] {
  const counts = new Map<StatusState, number>();
  for (const row of status.rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  return [
    h(
      'p',
      {},
      status.deadline ? `Sista dag: ${formatDateTime(status.deadline)}. ` : 'Ingen sista dag satt. ',
      status.locked ? 'Perioden är låst – inga nya inlämningar tas emot.' : 'Perioden är öppen.',
    ),
    h('div', { class: 'actions' }, lockButton),
    h(
      'ul',
      { class: 'state-counts', 'aria-label': 'Antal per status' },
      ...(Object.keys(STATE_LABEL) as StatusState[]).map((s) =>
        h('li', {}, h('span', { class: `badge state-${s}` }, STATE_LABEL[s]), ` ${counts.get(s) ?? 0}`),
      ),
    ),
  ];
}

/** One table per template, a row per scope (and party). */
function statusTables(rows: readonly StatusRow[], rowElement: (row: StatusRow) => HTMLElement): HTMLElement[] {
  if (rows.length === 0) return [h('p', { class: 'hint' }, 'Inga mallar lämnas för den här perioden.')];
  const byTemplate = new Map<string, StatusRow[]>();
  for (const row of rows) byTemplate.set(row.templateTitle, [...(byTemplate.get(row.templateTitle) ?? []), row]);
  return [...byTemplate].map(([title, templateRows]) =>
    h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-label': title, tabindex: 0 },
      h(
        'table',
        { class: 'data-table status-table' },
        h('caption', {}, title),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Gäller'),
            h('th', { scope: 'col' }, 'Status'),
            h('th', { scope: 'col' }, 'Åtgärd'),
          ),
        ),
        h('tbody', {}, ...templateRows.map(rowElement)),
      ),
    ),
  );
}

/** Asks for what needs correcting, under the row, then returns the submission with it. */
function showReturnForm(
  deps: PaneDeps,
  target: { container: HTMLElement; id: string; label: string; opener: HTMLButtonElement },
  reload: () => Promise<void>,
): void {
  const { container, id, label, opener } = target;
  const comment = h('textarea', { rows: 2, maxlength: 2000, name: 'return-comment' });
  const send: HTMLButtonElement = button(
    'Skicka tillbaka',
    () =>
      void runAction(deps.ctx, send, 'Returnerar…', async () => {
        await deps.api.returnSubmission(id, comment.value.trim());
        deps.ctx.announcer.announce(`${label} returnerad.`);
        await reload();
      }),
    { class: 'btn btn-small btn-primary' },
  );
  const cancel = button(
    'Avbryt',
    () => {
      form.remove();
      opener.hidden = false;
      opener.focus();
    },
    { class: 'btn btn-small btn-subtle' },
  );
  const form = h(
    'div',
    { class: 'return-form' },
    field(`Vad behöver rättas i ${label}?`, comment),
    h('div', { class: 'actions' }, send, cancel),
  );
  opener.hidden = true;
  container.append(form);
  comment.focus();
}

/** Approve and return, for a row whose current version can still move. */
function rowActions(deps: PaneDeps, row: StatusRow, reload: () => Promise<void>): HTMLElement {
  const actions = h('td', { class: 'row-actions' });
  if (!row.id || !(row.state === 'inskickad' || row.state === 'godkand' || row.state === 'returnerad')) return actions;
  const id = row.id;
  const label = `${row.templateTitle}, ${row.scopeName}`;
  if (row.state !== 'godkand') {
    const approve: HTMLButtonElement = button(
      'Godkänn',
      () =>
        void runAction(deps.ctx, approve, 'Godkänner…', async () => {
          await deps.api.approve(id);
          deps.ctx.announcer.announce(`${label} godkänd.`);
          await reload();
        }),
      { class: 'btn btn-small', 'aria-label': `Godkänn ${label}` },
    );
    actions.append(approve);
  }
  if (row.state !== 'returnerad') {
    const openReturn: HTMLButtonElement = button(
      'Returnera…',
      () => showReturnForm(deps, { container: actions, id, label, opener: openReturn }, reload),
      { class: 'btn btn-small btn-subtle', 'aria-label': `Returnera ${label}` },
    );
    actions.append(openReturn);
  }
  return actions;
}

function statusRowElement(deps: PaneDeps, row: StatusRow, reload: () => Promise<void>): HTMLElement {
  const partyName = (id: string): string =>
    deps.forbund.parties.find((p) => p.id === id)?.name ?? (id === 'kansli' ? 'Kansliet' : id);
  const detail = row.submittedAt
    ? `v${row.version ?? '?'} · ${formatDateTime(row.submittedAt)}${row.party ? ` · ${partyName(row.party)}` : ''}`
    : row.parties.map(partyName).join(', ');
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, row.scopeName, h('span', { class: 'cell-detail' }, detail)),
    h(
      'td',
      {},
      h('span', { class: `badge state-${row.state}` }, STATE_LABEL[row.state]),
      row.stateComment ? h('span', { class: 'cell-detail' }, `”${row.stateComment}”`) : null,
    ),
    rowActions(deps, row, reload),
  );
}

/** Status (kansliet): the completeness matrix for a period; approve or return each submission. */
export function createStatusView(deps: PaneDeps): View {
  const heading = h('h1', { tabindex: -1, id: 'status-heading' }, 'Status');
  const now = deps.now();
  const period = defaultPeriod(now);
  const periodSelect = select(
    yearOptions(now).flatMap((y) => periodChoices(y)),
    { name: 'period' },
    period,
  );
  const summary = h('div', { class: 'status-summary' });
  const matrix = h('div', { class: 'status-matrix' });

  const load = (trigger?: HTMLButtonElement): Promise<void> =>
    runAction(deps.ctx, trigger, 'Hämtar status…', async () => {
      const status = await deps.api.status(periodSelect.value);
      render(status);
      deps.ctx.announcer.announce(`Status för ${periodSelect.selectedOptions[0]?.textContent ?? status.period} visas.`);
    });
  const reload = () => load();

  const render = (status: StatusAnswer): void => {
    const lockButton: HTMLButtonElement = button(
      status.locked ? 'Lås upp perioden' : 'Lås perioden',
      () =>
        void runAction(deps.ctx, lockButton, status.locked ? 'Låser upp…' : 'Låser…', async () => {
          await deps.api.setPeriod(status.period, { locked: !status.locked, deadline: status.deadline ?? null });
          render(await deps.api.status(status.period));
        }),
      { class: 'btn btn-small' },
    );
    replaceChildren(summary, ...periodSummary(status, lockButton));
    replaceChildren(matrix, ...statusTables(status.rows, (row) => statusRowElement(deps, row, reload)));
  };

  periodSelect.addEventListener('change', () => void load());
  const refresh: HTMLButtonElement = button('Uppdatera', () => void load(refresh), { class: 'btn' });
  let loadedOnce = false;
  return {
    id: 'status',
    label: 'Status',
    heading,
    element: h(
      'section',
      { class: 'view', id: 'view-status', 'aria-labelledby': 'status-heading' },
      heading,
      h(
        'div',
        { class: 'field-row align-end' },
        field('Period', periodSelect),
        h('div', { class: 'actions' }, refresh),
      ),
      summary,
      matrix,
    ),
    onShow: () => {
      if (!loadedOnce) {
        loadedOnce = true;
        void load();
      }
    },
  };
}
