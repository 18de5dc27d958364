import type { StatusAnswer, StatusRow, StatusState } from '../../../shared/api';
import { daysLeft, STATE_LABEL } from '../view-parts/obligations';
import { defaultPeriod, periodChoices } from '../view-parts/period-choice';
import { reviewPanel } from '../view-parts/submission-review';
import { yearOptions } from '../view-parts/template-context';
import { runAction } from '../ui/action';
import { button, field, formatDateTime, h, replaceChildren, reveal, select } from '../ui/dom';
import type { PaneDeps, View } from './pane-deps';

export { STATE_LABEL };

/** The deadline in force and where it comes from, with a form to set or change it. */
function deadlineControls(
  deps: PaneDeps,
  status: StatusAnswer,
  rerender: (status: StatusAnswer) => void,
): HTMLElement[] {
  const inForce = status.deadline ?? status.defaultDeadline;
  const date = h('input', { type: 'date', name: 'deadline', value: inForce.slice(0, 10) });
  const save = (deadline: string | null, trigger: HTMLButtonElement) =>
    runAction(deps.ctx, trigger, 'Sparar sista dag…', async () => {
      await deps.api.setPeriod(status.period, { locked: status.locked, deadline });
      rerender(await deps.api.status(status.period));
      deps.ctx.announcer.announce(deadline ? 'Sista dag sparad.' : 'Standarddagen gäller igen.');
    });
  const saveButton: HTMLButtonElement = button(
    'Spara sista dag',
    () => {
      // The end of the chosen day, in the pane's time zone (kansliet's).
      const end = date.value ? new Date(`${date.value}T23:59:59`).toISOString() : null;
      void save(end, saveButton);
    },
    { class: 'btn btn-small' },
  );
  const clearButton: HTMLButtonElement = button('Använd standarddagen', () => void save(null, clearButton), {
    class: 'btn btn-small btn-subtle',
  });
  return [
    h(
      'p',
      {},
      `Sista dag: ${formatDateTime(inForce)} (${daysLeft(inForce, deps.now())}). `,
      status.deadline
        ? 'Satt av kansliet: senare inlämningar tas inte emot.'
        : 'Ingen egen dag satt, så standarddagen gäller: senare inlämningar tas emot men markeras som sena.',
    ),
    h(
      'div',
      { class: 'field-row align-end deadline-form' },
      field('Ny sista dag', date),
      h('div', { class: 'actions' }, saveButton, status.deadline ? clearButton : null),
    ),
  ];
}

/** Locking asks first: a locked period takes nothing, not even a correction. */
function lockControls(deps: PaneDeps, status: StatusAnswer, rerender: (s: StatusAnswer) => void): HTMLElement {
  const box = h('div', { class: 'lock-controls' });
  const apply = (locked: boolean, trigger: HTMLButtonElement) =>
    runAction(deps.ctx, trigger, locked ? 'Låser…' : 'Låser upp…', async () => {
      await deps.api.setPeriod(status.period, { locked, deadline: status.deadline });
      rerender(await deps.api.status(status.period));
      deps.ctx.announcer.announce(locked ? 'Perioden är låst.' : 'Perioden är upplåst.');
    });
  const unlock: HTMLButtonElement = button('Lås upp perioden', () => void apply(false, unlock), {
    class: 'btn btn-small',
  });
  const ask: HTMLButtonElement = button(
    'Lås perioden…',
    () => {
      const confirm: HTMLButtonElement = button('Lås perioden', () => void apply(true, confirm), {
        class: 'btn btn-small btn-primary',
      });
      const cancel = button(
        'Avbryt',
        () => {
          replaceChildren(box, h('div', { class: 'actions' }, ask));
          ask.focus();
        },
        { class: 'btn btn-small btn-subtle' },
      );
      replaceChildren(
        box,
        h(
          'div',
          { class: 'message-bar warning', role: 'alertdialog', 'aria-label': 'Låsa perioden?' },
          h(
            'div',
            { class: 'message-text' },
            h('strong', {}, 'Låsa perioden?'),
            h('p', {}, 'När perioden är låst tas inga inlämningar emot, inte heller rättelser, förrän den låses upp.'),
          ),
          h('div', { class: 'actions' }, confirm, cancel),
        ),
      );
      confirm.focus();
    },
    { class: 'btn btn-small' },
  );
  replaceChildren(box, h('div', { class: 'actions' }, status.locked ? unlock : ask));
  return box;
}

/** Deadline, lock and the count per state, above the matrix. */
function periodSummary(deps: PaneDeps, status: StatusAnswer, rerender: (s: StatusAnswer) => void): HTMLElement[] {
  const counts = new Map<StatusState, number>();
  for (const row of status.rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  const late = status.rows.filter((r) => r.late).length;
  return [
    ...deadlineControls(deps, status, rerender),
    h('p', {}, status.locked ? 'Perioden är låst – inga nya inlämningar tas emot.' : 'Perioden är öppen.'),
    lockControls(deps, status, rerender),
    h(
      'ul',
      { class: 'state-counts', 'aria-label': 'Antal per status' },
      ...(Object.keys(STATE_LABEL) as StatusState[]).map((s) =>
        h('li', {}, h('span', { class: `badge state-${s}` }, STATE_LABEL[s]), ` ${counts.get(s) ?? 0}`),
      ),
    ),
    late > 0 ? h('p', { class: 'hint' }, `${late} av inlämningarna kom in efter sista dag (markerade Sen).`) : null,
  ].filter((e): e is HTMLElement => e !== null);
}

/** One table per template, a row per scope (and party). */
function statusTables(rows: readonly StatusRow[], rowElement: (row: StatusRow) => HTMLElement): HTMLElement[] {
  if (rows.length === 0) return [h('p', { class: 'hint' }, 'Inga mallar lämnas för den här perioden.')];
  const byTemplate = new Map<string, StatusRow[]>();
  for (const row of rows) byTemplate.set(row.templateTitle, [...(byTemplate.get(row.templateTitle) ?? []), row]);
  return [...byTemplate].map(([title, templateRows]) =>
    h(
      'div',
      { class: 'table-scroll status-scroll', role: 'region', 'aria-label': title, tabindex: 0 },
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

/** Approve and return, for a row whose current version can still move; Granska opens it first. */
function rowActions(
  deps: PaneDeps,
  row: StatusRow,
  reload: () => Promise<void>,
  openReview?: (row: StatusRow, opener: HTMLButtonElement) => void,
): HTMLElement {
  const actions = h(openReview ? 'td' : 'div', { class: 'row-actions' });
  if (!row.id || !(row.state === 'inskickad' || row.state === 'godkand' || row.state === 'returnerad')) return actions;
  const id = row.id;
  const label = `${row.templateTitle}, ${row.scopeName}`;
  if (openReview) {
    const open: HTMLButtonElement = button('Granska', () => openReview(row, open), {
      class: 'btn btn-small btn-primary',
      'aria-label': `Granska ${label}`,
    });
    actions.append(open);
  }
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

function statusRowElement(
  deps: PaneDeps,
  row: StatusRow,
  reload: () => Promise<void>,
  openReview: (row: StatusRow, opener: HTMLButtonElement) => void,
): HTMLElement {
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
      row.late ? h('span', { class: 'badge state-sen' }, 'Sen') : null,
      row.stateComment ? h('span', { class: 'cell-detail' }, `”${row.stateComment}”`) : null,
    ),
    rowActions(deps, row, reload, openReview),
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
  const reviewBox = h('div', { class: 'review-box' });

  const load = (trigger?: HTMLButtonElement): Promise<void> =>
    runAction(deps.ctx, trigger, 'Hämtar status…', async () => {
      const status = await deps.api.status(periodSelect.value);
      render(status);
      deps.ctx.announcer.announce(`Status för ${periodSelect.selectedOptions[0]?.textContent ?? status.period} visas.`);
    });
  const reload = () => load();

  /** Opens a version under the matrix: figures, comment, findings, changes; approve or return from there. */
  const openReview = (row: StatusRow, opener: HTMLButtonElement): void =>
    void runAction(deps.ctx, opener, 'Hämtar inlämningen…', async () => {
      const review = await deps.api.review(row.id ?? '');
      const close = button(
        'Stäng granskningen',
        () => {
          reviewBox.replaceChildren();
          opener.focus();
        },
        { class: 'btn btn-small btn-subtle' },
      );
      const actions = h('div', { class: 'actions review-actions' }, rowActions(deps, row, reload), close);
      const panel = reviewPanel(deps, row, review, actions);
      replaceChildren(reviewBox, panel);
      reveal(panel.querySelector<HTMLElement>('.review-heading') ?? panel);
    });

  const render = (status: StatusAnswer): void => {
    replaceChildren(summary, ...periodSummary(deps, status, render));
    reviewBox.replaceChildren();
    replaceChildren(matrix, ...statusTables(status.rows, (row) => statusRowElement(deps, row, reload, openReview)));
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
      reviewBox,
    ),
    onShow: () => {
      if (!loadedOnce) {
        loadedOnce = true;
        void load();
      }
    },
  };
}
