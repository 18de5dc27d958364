import { describePeriod } from '../../../shared/model/period';
import type { PartyKind } from '../../../shared/model/ids';
import { hasErrors, hasWarnings, type Finding } from '../../../shared/validation/findings';
import { renderFinding } from '../../../shared/validation/messages-sv';
import type { PlausibilityReference } from '../../../shared/validation/plausibility';
import { validateSubmission, type ValidationResult } from '../../../shared/validation/validate';
import { PaneError } from '../api/api-error';
import type { CellValues, SamladApi, SubmissionTarget } from '../api/samlad-api';
import type { ApiFinding, Receipt } from '../../../shared/api';
import { runAction, type ActionContext } from '../ui/action';
import { button, field, h, replaceChildren, reveal } from '../ui/dom';
import { findingsList, summariseFindings, type FindingItem } from '../ui/findings-list';
import { currentVersion, receiptCard, replaceQuestion, sendFindingOut, type TargetLabels } from './send-care';
import type { ChosenTarget } from './template-context';

export interface SubmitPanelOptions {
  api: SamladApi;
  ctx: ActionContext;
  submitter: PartyKind | 'kansli';
  /** The party the series is stored under: the reporter's own, or `kansli`. */
  party: string;
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
    ...(f.causedBy !== undefined ? { causedBy: f.causedBy } : {}),
    message: 'message' in f && typeof f.message === 'string' ? f.message : renderFinding(f as Finding),
  }));
}

export function targetOf(target: ChosenTarget): SubmissionTarget {
  return { templateId: target.definition.id, period: target.period.id, scope: target.scope.id };
}

export function labelsOf(target: ChosenTarget): TargetLabels {
  return {
    template: target.definition.title,
    period: describePeriod(target.period, target.definition.period.cumulative),
    scope: target.scope.name,
  };
}

/**
 * The steps every way of sending shares, after the values are checked: ask before replacing the
 * series' current version, send, find out whether it arrived when the connection breaks, and
 * show the receipt where the user is.
 */
export class Sender {
  private confirmed: string | undefined;
  readonly questionBox = h('div', { class: 'question-box' });
  readonly receiptBox = h('div', { class: 'receipt-box' });

  constructor(private readonly options: { api: SamladApi; party: string; sendButton: () => HTMLButtonElement }) {}

  reset(): void {
    this.confirmed = undefined;
    this.questionBox.replaceChildren();
    this.receiptBox.replaceChildren();
  }

  /** Sends unless a current version must be confirmed first; then asks, and `again` sends after the yes. */
  async send(
    target: SubmissionTarget,
    labels: TargetLabels,
    post: () => Promise<Receipt>,
    again: () => void,
  ): Promise<Receipt | undefined> {
    const key = `${target.templateId}|${target.period}|${target.scope}`;
    this.receiptBox.replaceChildren();
    if (this.confirmed !== key) {
      const current = await currentVersion(this.options.api, target, this.options.party);
      if (current) {
        replaceChildren(
          this.questionBox,
          replaceQuestion(
            current,
            () => {
              this.confirmed = key;
              this.questionBox.replaceChildren();
              again();
            },
            () => {
              this.questionBox.replaceChildren();
              this.options.sendButton().focus();
            },
          ),
        );
        return undefined;
      }
    }
    this.confirmed = undefined;
    const { receipt, recovered } = await sendFindingOut(post);
    const card = receiptCard(receipt, labels, recovered);
    replaceChildren(this.receiptBox, card);
    reveal(card);
    return receipt;
  }
}

/**
 * Validera → Skicka in for values the pane holds (read from the template sheet, or aggregated
 * from the party's own table). Validation is shared's validateSubmission, the same the API
 * runs — plausibility against the series' earlier figures included — so what passes here
 * passes there; the API's answer is still shown if it differs. A warning needs a comment before
 * sending; an error blocks sending.
 */
export class SubmitPanel {
  readonly element: HTMLElement;
  private readonly findingsBox = h('div', { class: 'findings-box' });
  private readonly commentBox = h('textarea', { rows: 3, maxlength: 2000, name: 'comment' });
  private readonly commentField = field(
    'Kommentar till kansliet',
    this.commentBox,
    'Krävs när det finns varningar: förklara varför uppgifterna ändå stämmer.',
  );
  private readonly sendButton: HTMLButtonElement;
  private readonly sender: Sender;
  private target: ChosenTarget | undefined;
  private validation: ValidationResult | undefined;
  private references: Promise<PlausibilityReference[]> = Promise.resolve([]);
  private loadedReferences: PlausibilityReference[] = [];

  constructor(private readonly options: SubmitPanelOptions) {
    this.sendButton = button('Skicka in', () => void this.send(), { class: 'btn btn-primary', disabled: true });
    this.sender = new Sender({ api: options.api, party: options.party, sendButton: () => this.sendButton });
    this.commentField.hidden = true;
    this.element = h(
      'section',
      { class: 'submit-panel', 'aria-label': 'Kontroll och inskickning' },
      this.findingsBox,
      this.commentField,
      h('div', { class: 'actions' }, this.sendButton),
      this.sender.questionBox,
      this.sender.receiptBox,
    );
  }

  reset(target: ChosenTarget | undefined): void {
    this.target = target;
    this.validation = undefined;
    this.findingsBox.replaceChildren();
    this.sender.reset();
    this.commentField.hidden = true;
    this.sendButton.disabled = true;
    this.loadedReferences = [];
    // The series' earlier figures, for the plausibility check; without them (offline, none) nothing is compared.
    this.references = target?.definition.plausibility
      ? this.options.api.references(targetOf(target)).catch(() => [])
      : Promise.resolve([]);
    void this.references.then((r) => {
      if (this.target === target) this.loadedReferences = r;
    });
  }

  /** Waits for the earlier figures to arrive, so a check right after choosing compares with them. */
  async ready(): Promise<void> {
    await this.references;
  }

  /** Checks values locally and shows the findings; returns them for the caller (e.g. to mark cells). */
  async check(raw: Readonly<Record<string, unknown>>): Promise<FindingItem[]> {
    await this.ready();
    const items = this.validate(raw);
    await this.options.onFindings?.(items);
    return items;
  }

  /**
   * `check` without `onFindings`, and synchronous: for a caller that marks the findings itself
   * in the batch that read the values, so reading and marking cost one Excel.run (after `ready`).
   */
  validate(raw: Readonly<Record<string, unknown>>): FindingItem[] {
    const target = this.requireTarget();
    this.validation = validateSubmission(target.template, raw, {
      submitter: this.options.submitter,
      references: this.loadedReferences,
    });
    const items = toFindingItems(this.validation.findings);
    this.showFindings(items);
    this.sender.reset();
    this.commentField.hidden = !hasWarnings(this.validation.findings);
    this.sendButton.disabled = hasErrors(this.validation.findings);
    this.options.ctx.announcer.announce(summariseFindings(items));
    return items;
  }

  private showFindings(items: FindingItem[]): void {
    const list = findingsList(items, this.options.onSelectFinding);
    replaceChildren(this.findingsBox, list);
    reveal(list.querySelector<HTMLElement>('.findings-summary') ?? list);
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
        const receipt = await this.sender.send(
          targetOf(target),
          labelsOf(target),
          () => this.options.api.submitValues(targetOf(target), values, comment || undefined),
          () => void this.send(),
        );
        if (receipt) this.options.ctx.announcer.announce(`Inskickat, version ${receipt.version}.`);
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
