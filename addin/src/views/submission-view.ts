import { layoutTemplate } from '../../../shared/model/layout';
import { PaneError } from '../api/api-error';
import type { ApiFinding, ValidateAnswer } from '../../../shared/api';
import {
  checkInputCells,
  insertTemplate,
  markFindings,
  marksAt,
  selectCell,
  type CellFinding,
  type ExcelCapabilities,
  type InputCell,
} from '../excel';
import { describePeriod, parsePeriod } from '../../../shared/model/period';
import { findTemplateVersion, scopesOf } from '../../../shared/model/selectors';
import { createObligations } from '../view-parts/obligations';
import { labelsOf, Sender, SubmitPanel, targetOf, toFindingItems } from '../view-parts/submit-panel';
import { createTargetPicker, type TargetPicker } from '../view-parts/target-picker';
import type { ChosenTarget } from '../view-parts/template-context';
import { runAction } from '../ui/action';
import { button, field, filePicker, h, replaceChildren, reveal } from '../ui/dom';
import { saveBlob } from '../ui/download';
import { findingsList, type FindingItem } from '../ui/findings-list';
import { submitterDeps, type PaneDeps, type View } from './pane-deps';

/**
 * Rapportera: first what the party owes for the year (Dina rapporter), then in Excel insert →
 * fill → check → send, in a browser download → upload → check → send. What is chosen is
 * checked against the year's deadlines and locks before the work starts.
 */
export function createSubmissionView(deps: PaneDeps): View {
  const heading = h('h1', { tabindex: -1, id: 'report-heading' }, 'Rapportera');
  const obligations = createObligations(deps);
  const note = h('div', { class: 'target-note-box' });
  let target: ChosenTarget | undefined;
  const showNote = (): void => replaceChildren(note, obligations.noteFor(target));
  const watch = {
    onYear: (year: number) => void obligations.load(year).then(showNote),
    onTarget: (chosen: ChosenTarget | undefined) => {
      target = chosen;
      showNote();
    },
    note,
  };
  const steps =
    deps.host.kind === 'excel' ? excelSteps(deps, deps.host.capabilities, watch) : browserSteps(deps, watch);
  const body = h('div', {}, obligations.element, steps);
  return {
    id: 'rapportera',
    label: 'Rapportera',
    heading,
    element: h('section', { class: 'view', id: 'view-rapportera', 'aria-labelledby': 'report-heading' }, heading, body),
  };
}

const asCellFinding = (f: FindingItem): CellFinding => ({ cellId: f.cellId, severity: f.severity, text: f.message });

function step(number: number, title: string, ...content: (HTMLElement | null)[]): HTMLElement {
  return h(
    'section',
    { class: 'step' },
    h('h2', {}, h('span', { class: 'step-number', 'aria-hidden': 'true' }, String(number)), title),
    ...content,
  );
}

/** How the steps tell the view what is chosen, and where the view's word on it goes. */
interface TargetWatch {
  onYear: (year: number) => void;
  onTarget: (target: ChosenTarget | undefined) => void;
  note: HTMLElement;
}

/** Insert the template sheet, read every input cell in one batch, mark findings in the sheet. */
function excelSteps(deps: PaneDeps, capabilities: ExcelCapabilities, watch: TargetWatch): HTMLElement {
  let target: ChosenTarget | undefined;
  let cells = new Map<string, InputCell>();
  const insertStatus = h('div', { class: 'step-status', role: 'status' });
  const panel = new SubmitPanel({
    ...submitterDeps(deps),
    onSelectFinding: (finding) => {
      const cell = cells.get(finding.cellId);
      if (cell) void runAction(deps.ctx, undefined, `Markerar ${cell.address}…`, () => selectCell(cell));
    },
    onFindings: async (findings) => {
      await markFindings([...cells.values()], marksAt(cells, findings.map(asCellFinding)), capabilities);
    },
  });

  const picker = createTargetPicker(deps, {
    onYear: watch.onYear,
    onChange: (chosen) => {
      target = chosen;
      cells = new Map();
      insertStatus.replaceChildren();
      panel.reset(chosen);
      watch.onTarget(chosen);
    },
  });

  const insert = (replace: boolean, trigger?: HTMLButtonElement): Promise<void> =>
    runAction(deps.ctx, trigger, 'Hämtar och infogar mallen…', async () => {
      const chosen = requireTarget(target);
      const { base64 } = await deps.api.templateWorkbookBase64({
        templateId: chosen.definition.id,
        period: chosen.period.id,
        scope: chosen.scope.id,
      });
      const layout = layoutTemplate(chosen.template);
      const positions = new Map([...layout.positions].map(([id, p]) => [id, p.a1]));
      const outcome = await insertTemplate({ base64, sheetName: layout.sheetName, positions, replace }, capabilities);
      if (outcome.kind === 'exists') {
        const replaceButton: HTMLButtonElement = button('Ersätt bladet', () => void insert(true, replaceButton), {
          class: 'btn',
        });
        replaceChildren(
          insertStatus,
          h(
            'div',
            { class: 'message-bar warning' },
            h(
              'div',
              { class: 'message-text' },
              `Arbetsboken har redan ett blad som heter ”${outcome.sheetName}”. Ersätter du det ` +
                `försvinner det som står där.`,
            ),
            replaceButton,
          ),
        );
        replaceButton.focus();
        return;
      }
      replaceChildren(
        insertStatus,
        h(
          'p',
          { class: 'hint' },
          `Mallen finns nu på bladet ”${outcome.sheetName}”. Fyll i de gula cellerna och välj Kontrollera.`,
        ),
      );
      deps.ctx.announcer.announce('Mallen är infogad.');
    });

  const insertButton: HTMLButtonElement = button('Infoga mall', () => void insert(false, insertButton), {
    class: 'btn btn-primary',
  });
  const checkButton: HTMLButtonElement = button(
    'Kontrollera',
    () =>
      void runAction(deps.ctx, checkButton, 'Läser och kontrollerar mallen…', async () => {
        const chosen = requireTarget(target);
        await panel.ready();
        // Read, validate and mark in one batch; the server's findings after Skicka in are marked through onFindings.
        await checkInputCells(
          chosen.template.cells.map((c) => c.id),
          (read) => {
            if (read.cells.length === 0)
              throw new PaneError('no-template', 'Mallen finns inte i arbetsboken. Välj Infoga mall först.');
            cells = new Map(read.cells.map((c) => [c.cellId, c]));
            const raw: Record<string, unknown> = {};
            for (const c of read.cells) raw[c.cellId] = c.value;
            return panel.validate(raw).map(asCellFinding);
          },
          capabilities,
        );
      }),
    { class: 'btn btn-primary' },
  );

  return h(
    'div',
    {},
    h(
      'p',
      { class: 'intro' },
      'Välj vad du ska rapportera, infoga mallen, fyll i de gula cellerna och kontrollera. Fel och ' +
        'varningar markeras i bladet.',
    ),
    picker.element,
    watch.note,
    step(1, 'Infoga mallen', h('div', { class: 'actions' }, insertButton), insertStatus),
    step(2, 'Kontrollera och skicka in', h('div', { class: 'actions' }, checkButton), panel.element),
  );
}

function requireTarget(target: ChosenTarget | undefined): ChosenTarget {
  if (!target) throw new PaneError('no-target', 'Välj mall, period och vad uppgifterna gäller först.');
  return target;
}

/**
 * What an uploaded file is for, where it differs from what is chosen, by the names the user
 * chose from: "Filen är Tertial 3 2023, men du har valt Tertial 1 2023."
 */
function mismatches(
  file: ValidateAnswer,
  chosen: ChosenTarget,
  deps: Pick<PaneDeps, 'registry' | 'forbund'>,
): string[] {
  const out: string[] = [];
  const definition = findTemplateVersion(deps.registry, file.templateId, file.templateVersion);
  if (file.templateId !== chosen.definition.id)
    out.push(
      `Filen är mallen ”${definition?.title ?? file.templateId}”, men du har valt ”${chosen.definition.title}”.`,
    );
  if (file.period !== chosen.period.id) {
    const period = parsePeriod(file.period);
    const label = period ? describePeriod(period, chosen.definition.period.cumulative) : file.period;
    out.push(
      `Filen är ${label}, men du har valt ${describePeriod(chosen.period, chosen.definition.period.cumulative)}.`,
    );
  }
  if (file.scope !== chosen.scope.id) {
    const scope = definition && scopesOf(definition, deps.forbund).find((s) => s.id === file.scope);
    out.push(`Filen gäller ${scope?.name ?? file.scope}, men du har valt ${chosen.scope.name}.`);
  }
  return out;
}

/** Without Office: the server checks the uploaded file, and sends findings with their cells. */
function browserSteps(deps: PaneDeps, watch: TargetWatch): HTMLElement {
  let target: ChosenTarget | undefined;
  let checked: { file: File; findings: ApiFinding[]; answer: ValidateAnswer } | undefined;
  const mismatchBox = h('div', { class: 'mismatch-box' });
  const picker: TargetPicker = createTargetPicker(deps, {
    onYear: watch.onYear,
    onChange: (chosen) => {
      target = chosen;
      watch.onTarget(chosen);
      if (checked) showChecked(checked.answer);
    },
  });
  const downloadButton: HTMLButtonElement = button(
    'Ladda ner mallen',
    () =>
      void runAction(deps.ctx, downloadButton, 'Hämtar mallen…', async () => {
        const chosen = requireTarget(target);
        const file = await deps.api.templateWorkbookFile({
          templateId: chosen.definition.id,
          period: chosen.period.id,
          scope: chosen.scope.id,
        });
        saveBlob(file.blob, file.fileName ?? `${chosen.definition.id}_${chosen.period.id}_${chosen.scope.id}.xlsx`);
        deps.ctx.announcer.announce('Mallen är nedladdad.');
      }),
    { class: 'btn' },
  );

  const upload = filePicker('Ifylld mall (.xlsx)', {
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name: 'upload',
  });
  const fileInput = upload.input;
  const findingsBox = h('div', { class: 'findings-box', 'aria-live': 'polite' });
  const commentBox = h('textarea', { rows: 3, maxlength: 2000, name: 'comment' });
  const commentField = field(
    'Kommentar till kansliet',
    commentBox,
    'Krävs när det finns varningar: förklara varför uppgifterna ändå stämmer.',
  );
  commentField.hidden = true;
  const sender = new Sender({ ...submitterDeps(deps), sendButton: () => sendButton });
  const showFindings = (findings: ApiFinding[]): void => {
    const list = findingsList(toFindingItems(findings));
    replaceChildren(findingsBox, list);
    reveal(list.querySelector<HTMLElement>('.findings-summary') ?? list);
    commentField.hidden = !findings.some((f) => f.severity === 'varning');
    sendButton.disabled = findings.some((f) => f.severity === 'fel');
  };
  /** The file's own template, period and scope against the picker's: a difference is named, and blocks sending. */
  const showChecked = (answer: ValidateAnswer): boolean => {
    const differs = target ? mismatches(answer, target, deps) : [];
    if (differs.length === 0) {
      mismatchBox.replaceChildren();
      if (checked) sendButton.disabled = checked.findings.some((f) => f.severity === 'fel');
      return false;
    }
    sendButton.disabled = true;
    const useFile: HTMLButtonElement = button(
      'Välj det filen gäller',
      () =>
        void runAction(deps.ctx, useFile, 'Byter val…', async () => {
          await picker.choose({ templateId: answer.templateId, period: answer.period, scope: answer.scope });
          reveal(sendButton);
        }),
      { class: 'btn btn-small' },
    );
    replaceChildren(
      mismatchBox,
      h(
        'div',
        { class: 'message-bar warning mismatch', role: 'alert' },
        h(
          'div',
          { class: 'message-text' },
          h('strong', {}, 'Filen gäller något annat än det du valt'),
          ...differs.map((d) => h('p', {}, d)),
          h('p', {}, 'Välj rätt fil, eller ändra valet till det filen gäller.'),
        ),
        h('div', { class: 'actions' }, useFile),
      ),
    );
    return true;
  };

  const checkButton: HTMLButtonElement = button(
    'Kontrollera filen',
    () =>
      void runAction(deps.ctx, checkButton, 'Kontrollerar filen…', async () => {
        const file = fileInput.files?.[0];
        if (!file) {
          fileInput.focus();
          throw new PaneError('no-file', 'Välj den ifyllda mallen (.xlsx) först.');
        }
        sender.reset();
        const result = await deps.api.validateWorkbook(file);
        checked = { file, findings: result.findings, answer: result };
        showFindings(result.findings);
        if (showChecked(result)) reveal(mismatchBox.firstElementChild as HTMLElement);
        deps.ctx.announcer.announce(
          result.findings.length === 0 ? 'Inga fel eller varningar.' : `${result.findings.length} fel eller varningar.`,
        );
      }),
    { class: 'btn btn-primary' },
  );
  fileInput.addEventListener('change', () => {
    checked = undefined;
    sendButton.disabled = true;
    findingsBox.replaceChildren();
    mismatchBox.replaceChildren();
    sender.reset();
  });

  const send = (): Promise<void> =>
    runAction(deps.ctx, sendButton, 'Skickar in…', async () => {
      const file = checked;
      if (!file) throw new PaneError('not-checked', 'Kontrollera filen innan du skickar in.');
      const chosen = requireTarget(target);
      if (mismatches(file.answer, chosen, deps).length > 0)
        throw new PaneError(
          'target-mismatch',
          'Filen gäller något annat än det du valt. Välj rätt fil eller ändra valet.',
        );
      const comment = commentBox.value.trim();
      if (file.findings.some((f) => f.severity === 'varning') && comment === '') {
        commentBox.focus();
        throw new PaneError('comment-required', 'Skriv en kommentar som förklarar varningarna innan du skickar in.');
      }
      try {
        const receipt = await sender.send(
          targetOf(chosen),
          labelsOf(chosen),
          () => deps.api.submitWorkbook(file.file, comment || undefined),
          () => void send(),
        );
        if (receipt) deps.ctx.announcer.announce(`Inskickat, version ${receipt.version}.`);
      } catch (error) {
        if (error instanceof PaneError && error.findings.length > 0) showFindings(error.findings);
        throw error;
      }
    });
  const sendButton: HTMLButtonElement = button('Skicka in', () => void send(), {
    class: 'btn btn-primary',
    disabled: true,
  });

  return h(
    'div',
    {},
    h(
      'div',
      { class: 'message-bar info' },
      h(
        'div',
        { class: 'message-text' },
        'Du använder Samlad i webbläsaren. Ladda ner mallen, fyll i den i Excel och ladda upp den här.',
      ),
    ),
    picker.element,
    watch.note,
    step(1, 'Ladda ner mallen', h('div', { class: 'actions' }, downloadButton)),
    step(
      2,
      'Ladda upp den ifyllda mallen',
      upload.element,
      h('div', { class: 'actions' }, checkButton),
      findingsBox,
      mismatchBox,
      commentField,
      h('div', { class: 'actions' }, sendButton),
      sender.questionBox,
      sender.receiptBox,
    ),
  );
}
