import type { PartyKind } from '../../../shared/model/ids';
import { hasErrors, hasWarnings, type Finding } from '../../../shared/validation/findings';
import { renderFinding } from '../../../shared/validation/messages-sv';
import { validateSubmission, type ValidationResult } from '../../../shared/validation/validate';
import { PaneError } from '../api/api-error';
import type { CellValues, SamladApi } from '../api/samlad-api';
import type { ApiFinding, Receipt } from '../../../shared/api';
import { runAction, type ActionContext } from '../ui/action';
import { button, field, formatDateTime, h, replaceChildren } from '../ui/dom';
import { findingsList, summariseFindings, type FindingItem } from '../ui/findings-list';
import type { ChosenTarget } from './template-context';

export interface SubmitPanelOptions {
  api: SamladApi;
  ctx: ActionContext;
  submitter: PartyKind | 'kansli';
  /** In Excel: show the finding's cell. */
  onSelectFinding?: (finding: FindingItem) => void;
  /** In Excel: mark the cells (fill and note). */
  onFindings?: (findings: FindingItem[]) => Promise<void>;
}

export function toFindingItems(findings: readonly (Finding | ApiFinding)[]): FindingItem[] {
  return findings.map((f) => ({
    severity: f.severity,
    cell: f.cell,
    cellId: f.cellId,
    message: 'message' in f && typeof f.message === 'string' ? f.message : renderFinding(f as Finding),
  }));
}

export function receiptCard(receipt: Receipt): HTMLElement {
  const when = formatDateTime(receipt.submittedAt);
  return h(
    'div',
    { class: 'message-bar success receipt', role: 'status' },
    h('span', { class: 'message-icon', 'aria-hidden': 'true' }, '✓'),
    h(
      'div',
      { class: 'message-text' },
      h(
        'strong',
        {},
        receipt.created ? `Inskickat – version ${receipt.version}` : `Redan inskickat – version ${receipt.version}`,
      ),
      h('p', {}, receipt.created ? `Mottaget ${when}.` : `Samma uppgifter togs emot ${when}; inget nytt sparades.`),
      h('p', { class: 'receipt-code' }, `Kvittens: ${receipt.sha256.slice(0, 12)}`),
      receipt.warnings.length > 0
        ? h(
            'p',
            {},
            `Med ${receipt.warnings.length} ` +
              `${receipt.warnings.length === 1 ? 'varning' : 'varningar'} och din kommentar.`,
          )
        : null,
    ),
  );
}

/**
 * Validera → Skicka in for values the pane holds (read from the template sheet, or aggregated
 * from the party's own table). Validation is shared's validateSubmission, the same the API
 * runs, so what passes here passes there; the API's answer is still shown if it differs. A
 * warning needs a comment before sending; an error blocks sending.
 */
export class SubmitPanel {
  readonly element: HTMLElement;
  private readonly findingsBox = h('div', { class: 'findings-box', 'aria-live': 'polite' });
  private readonly commentBox = h('textarea', { rows: 3, maxlength: 2000, name: 'comment' });
  private readonly commentField = field(
    'Kommentar till kansliet',
    this.commentBox,
    'Krävs när det finns varningar: förklara varför uppgifterna ändå stämmer.',
  );
  private readonly sendButton: HTMLButtonElement;
  private readonly receiptBox = h('div', { class: 'receipt-box' });
  private target: ChosenTarget | undefined;
  private validation: ValidationResult | undefined;

  constructor(private readonly options: SubmitPanelOptions) {
    this.sendButton = button('Skicka in', () => void this.send(), { class: 'btn btn-primary', disabled: true });
    this.commentField.hidden = true;
    this.element = h(
      'section',
      { class: 'submit-panel', 'aria-label': 'Kontroll och inskickning' },
      this.findingsBox,
      this.commentField,
      h('div', { class: 'actions' }, this.sendButton),
      this.receiptBox,
    );
  }

  reset(target: ChosenTarget | undefined): void {
    this.target = target;
    this.validation = undefined;
    this.findingsBox.replaceChildren();
    this.receiptBox.replaceChildren();
    this.commentField.hidden = true;
    this.sendButton.disabled = true;
  }

  /** Checks values locally and shows the findings; returns them for the caller (e.g. to mark cells). */
  async check(raw: Readonly<Record<string, unknown>>): Promise<FindingItem[]> {
    const items = this.validate(raw);
    await this.options.onFindings?.(items);
    return items;
  }

  /**
   * `check` without `onFindings`, and synchronous: for a caller that marks the findings itself
   * in the batch that read the values, so reading and marking cost one Excel.run.
   */
  validate(raw: Readonly<Record<string, unknown>>): FindingItem[] {
    const target = this.requireTarget();
    this.validation = validateSubmission(target.template, raw, { submitter: this.options.submitter });
    const items = toFindingItems(this.validation.findings);
    this.showFindings(items);
    this.commentField.hidden = !hasWarnings(this.validation.findings);
    this.sendButton.disabled = hasErrors(this.validation.findings);
    this.options.ctx.announcer.announce(summariseFindings(items));
    return items;
  }

  private showFindings(items: FindingItem[]): void {
    replaceChildren(this.findingsBox, findingsList(items, this.options.onSelectFinding));
  }

  private requireTarget(): ChosenTarget {
    if (!this.target) throw new PaneError('no-target', 'Välj mall, period och vad uppgifterna gäller först.');
    return this.target;
  }

  private async send(): Promise<void> {
    await runAction(this.options.ctx, this.sendButton, 'Skickar in…', async () => {
      const target = this.requireTarget();
      const validation = this.validation;
      if (!validation) throw new PaneError('not-checked', 'Kontrollera uppgifterna innan du skickar in.');
      const comment = this.commentBox.value.trim();
      if (hasWarnings(validation.findings) && comment === '') {
        this.commentBox.focus();
        throw new PaneError('comment-required', 'Skriv en kommentar som förklarar varningarna innan du skickar in.');
      }
      // Only the template's typed values: aggregates, never rows from the party's own table.
      const values: CellValues = validation.values;
      try {
        const receipt = await this.options.api.submitValues(
          { templateId: target.definition.id, period: target.period.id, scope: target.scope.id },
          values,
          comment || undefined,
        );
        replaceChildren(this.receiptBox, receiptCard(receipt));
        this.options.ctx.announcer.announce(`Inskickat, version ${receipt.version}.`);
      } catch (error) {
        if (error instanceof PaneError && error.findings.length > 0) {
          const items = toFindingItems(error.findings);
          this.showFindings(items);
          await this.options.onFindings?.(items);
        }
        throw error;
      }
    });
  }
}
