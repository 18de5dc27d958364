import type { ObligationPeriod, ObligationsAnswer, StatusRow, StatusState } from '../../../shared/api';
import { describePeriod, requirePeriod } from '../../../shared/model/period';
import type { PaneDeps } from '../views/pane-deps';
import { runAction } from '../ui/action';
import { formatDateTime, h, replaceChildren } from '../ui/dom';
import type { ChosenTarget } from './template-context';

export const STATE_LABEL = {
  saknas: 'Saknas',
  sen: 'Sen',
  inskickad: 'Inskickad',
  godkand: 'Godkänd',
  returnerad: 'Returnerad',
} satisfies Record<StatusState, string>;

const DAY = 86_400_000;

/** "3 dagar kvar", "sista dagen i dag", "5 dagar sedan". */
export function daysLeft(deadline: string, now: Date): string {
  const days = Math.ceil((Date.parse(deadline) - now.getTime()) / DAY);
  if (days > 1) return `${days} dagar kvar`;
  if (days === 1) return '1 dag kvar';
  if (days === 0) return 'sista dagen i dag';
  return `passerad för ${-days} ${days === -1 ? 'dag' : 'dagar'} sedan`;
}

function rowItem(period: ObligationPeriod, row: StatusRow, now: Date): HTMLElement {
  const label = describePeriod(requirePeriod(period.period));
  const state = period.locked && row.state !== 'godkand' ? 'Låst' : STATE_LABEL[row.state];
  const done = row.state === 'godkand' || row.state === 'inskickad';
  return h(
    'li',
    { class: `obligation state-${row.state}` },
    h('span', { class: `badge state-${period.locked ? 'last' : row.state}` }, state),
    row.late && row.state !== 'sen' ? h('span', { class: 'badge state-sen' }, 'Sen') : null,
    ' ',
    h('strong', {}, row.templateTitle),
    h('span', { class: 'cell-detail' }, `${label} · ${row.scopeName}`),
    done
      ? null
      : h(
          'span',
          { class: 'cell-detail' },
          `Sista dag ${formatDateTime(period.deadline)} (${daysLeft(period.deadline, now)})`,
        ),
    row.state === 'returnerad' && row.stateComment
      ? h('span', { class: 'kansli-comment' }, `Kansliet: ”${row.stateComment}”`)
      : null,
  );
}

/**
 * Dina rapporter: on Rapportera, before the work, every report the party owes for the chosen
 * year — saknas, sen, inskickad, returnerad with kansliet's comment, godkänd, låst — with the
 * deadline and days left; and, for what is chosen in the picker, a word on a locked or passed
 * period before anything is filled in.
 */
export function createObligations(deps: Pick<PaneDeps, 'api' | 'ctx' | 'now'>): {
  element: HTMLElement;
  load(year: number): Promise<void>;
  noteFor(target: ChosenTarget | undefined): HTMLElement | null;
} {
  const list = h('div', { class: 'obligations-list' });
  let answer: ObligationsAnswer | undefined;
  let request = 0;
  const element = h('details', { class: 'obligations', open: true }, h('summary', {}, 'Dina rapporter'), list);
  const render = (): void => {
    if (!answer) return;
    const now = deps.now();
    const rows = answer.periods.flatMap((p) => p.rows.map((r) => rowItem(p, r, now)));
    const open = answer.periods.flatMap((p) => p.rows).filter((r) => r.state !== 'godkand').length;
    replaceChildren(
      list,
      rows.length === 0
        ? h('p', { class: 'hint' }, `Inga rapporter att lämna för ${answer.year}.`)
        : [
            h('p', { class: 'hint' }, `${answer.year}: ${rows.length} rapporter, ${open} inte godkända än.`),
            h('ul', { class: 'obligation-list', 'aria-label': `Dina rapporter ${answer.year}` }, ...rows),
          ],
    );
  };
  return {
    element,
    load: (year) =>
      runAction(deps.ctx, undefined, 'Hämtar dina rapporter…', async () => {
        const mine = ++request;
        const loaded = await deps.api.obligations(year);
        if (mine !== request) return;
        answer = loaded;
        render();
      }),
    noteFor: (target) => {
      const period = target && answer?.periods.find((p) => p.period === target.period.id);
      if (!target || !period) return null;
      const row = period.rows.find((r) => r.templateId === target.definition.id && r.scope === target.scope.id);
      const now = deps.now();
      const passed = Date.parse(period.deadline) < now.getTime();
      const notes: string[] = [];
      if (period.locked) notes.push('Perioden är låst av kansliet: inga inlämningar tas emot. Kontakta kansliet.');
      else if (passed && period.deadlineSet)
        notes.push(`Sista dag var ${formatDateTime(period.deadline)}: inlämningar tas inte emot. Kontakta kansliet.`);
      else if (passed)
        notes.push(`Sista dag var ${formatDateTime(period.deadline)}. Det du skickar in nu markeras som sent.`);
      if (row?.state === 'returnerad')
        notes.push(`Kansliet returnerade rapporten${row.stateComment ? `: ”${row.stateComment}”` : '.'}`);
      if (notes.length === 0) return null;
      const blocked = period.locked || (passed && period.deadlineSet);
      return h(
        'div',
        { class: `message-bar ${blocked ? 'error' : 'warning'} target-note`, role: 'status' },
        h('div', { class: 'message-text' }, ...notes.map((n) => h('p', {}, n))),
      );
    },
  };
}
