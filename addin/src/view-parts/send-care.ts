import type { CurrentSubmission, Receipt } from '../../../shared/api';
import { PaneError } from '../api/api-error';
import type { SamladApi, SubmissionTarget } from '../api/samlad-api';
import { button, formatDateTime, h } from '../ui/dom';

/** What a receipt and a question name: the template's title, the period and what it is for, as the user chose them. */
export interface TargetLabels {
  template: string;
  period: string;
  scope: string;
}

const STATE_TEXT = { inskickad: 'inskickad', godkand: 'godkänd', returnerad: 'returnerad' } as const;

/** The series' current version, if the party already sent this template for this period and scope. */
export async function currentVersion(
  api: SamladApi,
  target: SubmissionTarget,
  party: string,
): Promise<CurrentSubmission | undefined> {
  const { current } = await api.submissions(target.period);
  return current.find((c) => c.templateId === target.templateId && c.scope === target.scope && c.party === party);
}

/**
 * Asks before a new version replaces the current one, naming it; `onConfirm` sends, `onCancel`
 * puts the question away. A returned version is named with kansliet's comment: replacing it is
 * the answer kansliet asked for.
 */
export function replaceQuestion(current: CurrentSubmission, onConfirm: () => void, onCancel: () => void): HTMLElement {
  const when = formatDateTime(current.submittedAt);
  const text =
    current.state === 'returnerad'
      ? `Kansliet returnerade version ${current.version}. Den nya versionen ersätter den.` +
        `${current.stateComment ? ` Kansliets kommentar: ”${current.stateComment}”` : ''}`
      : `Version ${current.version} skickades in ${when} och är ${STATE_TEXT[current.state]}. ` +
        'Skickar du in nu ersätter den nya versionen den.';
  const confirm = button('Ersätt och skicka in', onConfirm, { class: 'btn btn-primary btn-small' });
  const box = h(
    'div',
    { class: 'message-bar warning replace-question', role: 'alertdialog', 'aria-label': 'Ersätta inskickad version?' },
    h('div', { class: 'message-text' }, h('strong', {}, 'Det finns redan en inskickad version'), h('p', {}, text)),
    h('div', { class: 'actions' }, confirm, button('Avbryt', onCancel, { class: 'btn btn-small btn-subtle' })),
  );
  queueMicrotask(() => confirm.focus());
  return box;
}

/**
 * Sends, and when the connection breaks on the way finds out whether the submission arrived by
 * sending the same content again: the API answers identical content with the receipt it already
 * gave (`created: false`), so nothing is stored twice. `recovered` says the answer came that way.
 */
export async function sendFindingOut(
  post: () => Promise<Receipt>,
  pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<{ receipt: Receipt; recovered: boolean }> {
  try {
    return { receipt: await post(), recovered: false };
  } catch (error) {
    if (!(error instanceof PaneError) || error.code !== 'network') throw error;
  }
  for (const wait of [500, 2000]) {
    await pause(wait);
    try {
      return { receipt: await post(), recovered: true };
    } catch (error) {
      if (!(error instanceof PaneError) || error.code !== 'network') throw error;
    }
  }
  throw new PaneError(
    'network-unknown',
    'Anslutningen bröts under inskickningen och Samlad går inte att nå, så det går inte att se om ' +
      'uppgifterna kom fram. Försök igen när nätet fungerar: samma uppgifter ger samma kvitto, så ' +
      'inget skickas in två gånger.',
    { transient: true },
  );
}

/** The receipt: what was stored (template, period, scope, version), what it replaced, whether it was late. */
export function receiptCard(receipt: Receipt, labels: TargetLabels, recovered = false): HTMLElement {
  const when = formatDateTime(receipt.submittedAt);
  const warnings = receipt.warnings.length;
  return h(
    'div',
    { class: 'message-bar success receipt', role: 'status', tabindex: -1 },
    h('span', { class: 'message-icon', 'aria-hidden': 'true' }, '✓'),
    h(
      'div',
      { class: 'message-text' },
      h(
        'strong',
        {},
        receipt.created ? `Inskickat – version ${receipt.version}` : `Redan inskickat – version ${receipt.version}`,
      ),
      h('p', {}, `${labels.template}, ${labels.period}, ${labels.scope}.`),
      recovered
        ? h(
            'p',
            {},
            receipt.created
              ? 'Anslutningen bröts under inskickningen. Uppgifterna hade inte kommit fram; nu är de inskickade.'
              : 'Anslutningen bröts under inskickningen, men uppgifterna hade kommit fram. Inget skickades två gånger.',
          )
        : null,
      h(
        'p',
        {},
        receipt.created
          ? `Mottaget ${when}.${receipt.replaces ? ` Ersätter version ${receipt.replaces}.` : ''}`
          : `Samma uppgifter togs emot ${when}; inget nytt sparades.`,
      ),
      receipt.late ? h('p', {}, h('span', { class: 'badge state-sen' }, 'Sen'), ' Kom in efter sista dag.') : null,
      warnings > 0
        ? h('p', {}, `Med ${warnings} ${warnings === 1 ? 'varning' : 'varningar'} och din kommentar.`)
        : null,
      h('p', { class: 'receipt-code' }, `Kvittens: ${receipt.sha256.slice(0, 12)}`),
    ),
  );
}
