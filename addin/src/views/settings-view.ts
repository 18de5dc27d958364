import type {
  ApiSettingsChange,
  ApiSettingsFinding,
  SettingsAnswer,
  SettingsProposalAnswer,
} from '../../../shared/api';
import { SETTINGS_SHEETS, settingsNames } from '../../../shared/settings';
import { PaneError } from '../api/api-error';
import { settingsRefusal, SettingsApi } from '../api/settings-api';
import type { HttpClient } from '../api/http-client';
import { insertSettings, readSettingsAreas, selectCell, splitSheetAddress } from '../excel';
import type { HostInfo } from '../host/office-host';
import { runAction, type ActionContext } from '../ui/action';
import { button, field, filePicker, formatDateTime, h, replaceChildren, select } from '../ui/dom';
import { saveBlob } from '../ui/download';
import type { View } from './pane-deps';

export interface SettingsViewDeps {
  http: HttpClient;
  host: HostInfo;
  ctx: ActionContext;
  now: () => Date;
  /** The förbund whose settings are shown: kansliet's own, or the one an administrator chose. */
  forbundId: () => string;
  /** Above the year, for an administrator: which förbund (or a new one). */
  chooser?: HTMLElement;
}

const SHEET_NAMES = SETTINGS_SHEETS.map((s) => s.layout.sheetName);
const NAMES = SETTINGS_SHEETS.flatMap((s) => settingsNames(s.layout));
const CHANGE_LABEL = { added: 'Tillagd', removed: 'Borttagen', changed: 'Ändrad' } as const;

function yearChoices(now: Date): { value: string; label: string }[] {
  const year = now.getFullYear();
  return [year + 1, year, year - 1, year - 2, year - 3].map((y) => ({ value: String(y), label: String(y) }));
}

/** Which version is active, or what the year carries on from. */
function activeText(overview: SettingsAnswer): string {
  if (overview.active) {
    const by = overview.active.activatedBy.name ?? overview.active.activatedBy.subject;
    const at = formatDateTime(overview.active.activatedAt);
    return `Aktiv: version ${overview.active.version}, aktiverad ${at} av ${by}.`;
  }
  if (overview.servedBy !== null)
    return (
      `${overview.year} har inga egna inställningar; ` +
      `parter, plattformar och mallar från ${overview.servedBy} gäller.`
    );
  return `Förbundet har inga inställningar ännu. Fyll i arbetsboken och ladda upp den.`;
}

function findingsBox(findings: readonly ApiSettingsFinding[], inExcel: boolean, ctx: ActionContext): HTMLElement {
  if (findings.length === 0) return h('p', { class: 'findings-summary' }, 'Inga fel eller varningar.');
  const errors = findings.filter((f) => f.severity === 'fel').length;
  const items = findings.map((f) => {
    const where = f.cell ? `${f.cell}: ` : '';
    const badge = h('span', { class: `badge ${f.severity}` }, f.severity === 'fel' ? 'Fel' : 'Varning');
    const text = h('span', { class: 'finding-text' }, `${where}${f.message}`);
    const cell = splitSheetAddress(f.cell);
    const content =
      inExcel && cell
        ? h(
            'button',
            {
              type: 'button',
              class: 'finding-button',
              onclick: () => void runAction(ctx, undefined, 'Visar cellen…', () => selectCell(cell)),
            },
            badge,
            text,
          )
        : h('div', { class: 'finding-static' }, badge, text);
    return h('li', { class: `finding ${f.severity}` }, content);
  });
  return h(
    'div',
    { class: 'findings' },
    h('p', { class: 'findings-summary' }, `${errors} fel och ${findings.length - errors} varningar.`),
    h('ul', { class: 'finding-list settings-findings' }, ...items),
  );
}

/** What a changed value went from and to; an empty cell shows as (tom). */
function changedValue(c: ApiSettingsChange): string {
  return `${c.column}: ${c.before ?? '(tom)'} → ${c.after ?? '(tom)'}`;
}

/** The change list in two columns (where, what), so it fits a narrow pane without scrolling. */
function changesTable(changes: readonly ApiSettingsChange[]): HTMLElement {
  if (changes.length === 0) return h('p', { class: 'hint' }, 'Inga ändringar jämfört med den aktiva versionen.');
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': 'Ändringar', tabindex: 0 },
    h(
      'table',
      { class: 'data-table changes-table' },
      h('caption', {}, `Ändringar jämfört med den aktiva versionen (${changes.length})`),
      h('thead', {}, h('tr', {}, ...['Blad och rad', 'Ändring'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        ...changes.map((c) =>
          h(
            'tr',
            { class: `change-${c.change}` },
            h('td', {}, h('strong', {}, c.sheet), h('br'), c.row),
            h('td', {}, CHANGE_LABEL[c.change], c.column ? h('br') : null, c.column ? changedValue(c) : null),
          ),
        ),
      ),
    ),
  );
}

/**
 * Inställningar (kansliet, and administrators for any förbund or a new one): choose the year, get
 * the *Inställningar* workbook (in Excel inserted into the open workbook, in a browser as a file),
 * upload it from the open workbook or a file, see findings and the change list, activate with an
 * explicit second step, see the history and go back to an earlier version, and copy to next year.
 */
export function createSettingsView(deps: SettingsViewDeps): View {
  const heading = h('h1', { tabindex: -1, id: 'settings-heading' }, 'Inställningar');
  const api = new SettingsApi(deps.http, deps.forbundId);
  const inExcel = deps.host.kind === 'excel';
  const yearSelect = select(yearChoices(deps.now()), { name: 'settings-year' }, String(deps.now().getFullYear()));
  const year = () => Number(yearSelect.value);
  const state = h('p', { class: 'settings-state', role: 'status' });
  const comment = h('textarea', { rows: 2, maxlength: 2000, name: 'settings-comment' });
  const upload = filePicker('Inställningsfil (.xlsx)', {
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name: 'settings-file',
  });
  const resultBox = h('div', { class: 'result settings-result' });
  const historyBox = h('div', { class: 'settings-history' });
  let overview: SettingsAnswer | undefined;

  /**
   * Asks in the pane before an action that replaces something (office.js refuses window.confirm
   * in an add-in): a warning with the action's own button and Avbryt.
   */
  const askFirst = (text: string, label: string, act: (trigger: HTMLButtonElement) => Promise<void>): void => {
    const yes: HTMLButtonElement = button(label, () => void act(yes), { class: 'btn btn-primary' });
    const no = button('Avbryt', () => resultBox.replaceChildren(), { class: 'btn btn-subtle' });
    replaceChildren(
      resultBox,
      h('div', { class: 'message-bar warning' }, h('div', { class: 'message-text' }, text), yes, no),
    );
    yes.focus();
  };

  const load = async (): Promise<void> => {
    overview = await api.overview(year());
    state.textContent = activeText(overview);
    copy.textContent = `Kopiera till ${year() + 1}`;
    copy.disabled = !overview.active;
    replaceChildren(historyBox, ...history(overview));
  };
  const reload = (): Promise<void> => runAction(deps.ctx, undefined, 'Hämtar inställningarna…', load);

  const activateButton = (answer: SettingsProposalAnswer): HTMLButtonElement => {
    const activate: HTMLButtonElement = button(
      `Aktivera version ${answer.version.version}`,
      () =>
        void runAction(deps.ctx, activate, 'Aktiverar…', async () => {
          await api.activate(year(), { version: answer.version.version, expectedActive: answer.active });
          activate.disabled = true;
          replaceChildren(
            resultBox,
            h('div', { class: 'message-bar success', role: 'status' }, `Version ${answer.version.version} är aktiv.`),
          );
          deps.ctx.announcer.announce(`Version ${answer.version.version} är aktiv.`);
          await load();
        }),
      { class: 'btn btn-primary' },
    );
    return activate;
  };

  const showProposal = (answer: SettingsProposalAnswer): void => {
    const stored = answer.outcome === 'stored';
    const message = stored
      ? `Version ${answer.version.version} är sparad men gäller inte än. Granska ändringarna och aktivera.`
      : `Samma som version ${answer.version.version}; inget nytt sparades.`;
    const active = answer.active === answer.version.version;
    replaceChildren(
      resultBox,
      h('div', { class: 'message-bar info', role: 'status' }, message),
      findingsBox(answer.findings, inExcel, deps.ctx),
      changesTable(answer.changes),
      active ? null : h('div', { class: 'actions' }, activateButton(answer)),
    );
  };

  /**
   * Sends an upload; a refusal's findings and changes are shown under its message (which the
   * error display puts by the upload button).
   */
  const send = async (work: () => Promise<SettingsProposalAnswer>): Promise<void> => {
    resultBox.replaceChildren();
    try {
      showProposal(await work());
      await load();
    } catch (error) {
      const refusal = settingsRefusal(error);
      if (refusal)
        replaceChildren(
          resultBox,
          findingsBox(refusal.findings, inExcel, deps.ctx),
          refusal.changes.length > 0 ? changesTable(refusal.changes) : null,
        );
      throw error;
    }
  };

  const download: HTMLButtonElement = button(
    'Ladda ner',
    () =>
      void runAction(deps.ctx, download, 'Hämtar arbetsboken…', async () => {
        const file = await api.workbookFile(year());
        saveBlob(file.blob, file.fileName ?? `Installningar_${deps.forbundId()}_${year()}.xlsx`);
      }),
    { class: 'btn' },
  );
  const insertSheets = (replace: boolean, trigger: HTMLButtonElement): Promise<void> =>
    runAction(deps.ctx, trigger, 'Infogar inställningarna…', async () => {
      if (deps.host.kind !== 'excel') return;
      const { base64 } = await api.workbookBase64(year());
      const input = { base64, sheetNames: SHEET_NAMES, names: NAMES, replace };
      const outcome = await insertSettings(input, deps.host.capabilities);
      if (outcome.kind === 'exists') {
        askFirst(
          `Arbetsboken har redan bladen ${outcome.sheets.join(', ')}. Ersätter du dem försvinner det som står där.`,
          'Ersätt bladen',
          (again) => insertSheets(true, again),
        );
        return;
      }
      resultBox.replaceChildren();
      deps.ctx.announcer.announce('Inställningarna är infogade. Ändra i de gula cellerna och ladda upp.');
    });
  const insert: HTMLButtonElement = button('Infoga i arbetsboken', () => void insertSheets(false, insert), {
    class: 'btn btn-primary',
  });
  const uploadOpen: HTMLButtonElement = button(
    'Ladda upp från arbetsboken',
    () =>
      void runAction(deps.ctx, uploadOpen, 'Kontrollerar inställningarna…', () =>
        send(async () => api.uploadWorkbook(year(), await readSettingsAreas(), comment.value.trim() || undefined)),
      ),
    { class: 'btn btn-primary' },
  );
  const uploadFile: HTMLButtonElement = button(
    'Ladda upp filen',
    () =>
      void runAction(deps.ctx, uploadFile, 'Kontrollerar inställningarna…', () =>
        send(async () => {
          const file = upload.input.files?.[0];
          if (!file) {
            upload.input.focus();
            throw new PaneError('no-file', 'Välj inställningsfilen (.xlsx) först.');
          }
          return api.uploadFile(year(), file, comment.value.trim() || undefined);
        }),
      ),
    { class: inExcel ? 'btn' : 'btn btn-primary' },
  );
  const copy: HTMLButtonElement = button(
    'Kopiera till nästa år',
    () =>
      void runAction(deps.ctx, copy, 'Kopierar…', async () => {
        const answer = await api.copyToNextYear(year());
        yearSelect.value = String(year() + 1);
        if (answer.activated) {
          replaceChildren(
            resultBox,
            h(
              'div',
              { class: 'message-bar success', role: 'status' },
              `${answer.version.year} har nu inställningar, version 1.`,
            ),
          );
          await load();
        } else {
          showProposal(answer);
          await load();
        }
      }),
    { class: 'btn' },
  );

  function history(o: SettingsAnswer): HTMLElement[] {
    if (o.versions.length === 0) return [];
    const rows = o.versions.map((v) => {
      const restore = button(
        'Aktivera',
        () =>
          askFirst(
            `Gå tillbaka till version ${v.version}? ` +
              (o.active ? `Version ${o.active.version}, som gäller nu, finns kvar i historiken.` : ''),
            `Gå tillbaka till version ${v.version}`,
            (trigger) =>
              runAction(deps.ctx, trigger, `Aktiverar version ${v.version}…`, async () => {
                await api.activate(year(), {
                  version: v.version,
                  expectedActive: o.active?.version ?? null,
                  fromHistory: true,
                });
                const done = `Version ${v.version} är aktiv.`;
                replaceChildren(resultBox, h('div', { class: 'message-bar success', role: 'status' }, done));
                deps.ctx.announcer.announce(done);
                await load();
              }),
          ),
        { class: 'btn btn-small', 'aria-label': `Aktivera version ${v.version} från historiken` },
      );
      const get: HTMLButtonElement = button(
        'Ladda ner',
        () =>
          void runAction(deps.ctx, get, 'Hämtar…', async () => {
            const file = await api.workbookFile(year(), v.version);
            saveBlob(file.blob, file.fileName ?? `Installningar_${deps.forbundId()}_${year()}_v${v.version}.xlsx`);
          }),
        { class: 'btn btn-small btn-subtle', 'aria-label': `Ladda ner version ${v.version}` },
      );
      return h(
        'tr',
        { class: v.active ? 'active-version' : '' },
        h('td', {}, String(v.version)),
        h(
          'td',
          {},
          formatDateTime(v.createdAt),
          h('br'),
          h('span', { class: 'cell-detail' }, v.createdBy.name ?? v.createdBy.subject),
          v.comment ? h('br') : null,
          v.comment ? h('em', {}, v.comment) : null,
        ),
        h('td', { class: 'history-actions' }, v.active ? h('strong', {}, 'Aktiv') : restore, get),
      );
    });
    return [
      h('h2', {}, `Historik ${o.year}`),
      h(
        'div',
        { class: 'table-scroll', role: 'region', 'aria-label': 'Historik', tabindex: 0 },
        h(
          'table',
          { class: 'data-table history-table' },
          h(
            'thead',
            {},
            h('tr', {}, ...['Version', 'Sparad, av och varför', ''].map((t) => h('th', { scope: 'col' }, t))),
          ),
          h('tbody', {}, ...rows),
        ),
      ),
    ];
  }

  yearSelect.addEventListener('change', () => {
    resultBox.replaceChildren();
    void reload();
  });

  return {
    id: 'settings',
    label: 'Inställningar',
    heading,
    onShow: () => void reload(),
    element: h(
      'section',
      { class: 'view', id: 'view-settings', 'aria-labelledby': 'settings-heading' },
      heading,
      h(
        'p',
        { class: 'intro' },
        'Förbundets inställningar per år: parter och kommuner, plattformar, mallar, mål, social budget, budget, ' +
          'trappan och sista dagar. Ändra i arbetsboken och ladda upp den; inget gäller förrän du aktiverar.',
      ),
      deps.chooser ?? null,
      field('År', yearSelect),
      state,
      h('h2', {}, 'Arbetsboken'),
      h('div', { class: 'actions' }, inExcel ? insert : null, download),
      field('Kommentar till versionen', comment, 'Till exempel styrelsens beslut som ändringen bygger på.'),
      inExcel ? h('div', { class: 'actions' }, uploadOpen) : null,
      upload.element,
      h('div', { class: 'actions' }, uploadFile),
      resultBox,
      historyBox,
      h('h2', {}, 'Nästa år'),
      h(
        'p',
        { class: 'hint' },
        'Börja nästa år från årets aktiva inställningar (mål, budget och sista dagar ett år fram).',
      ),
      h('div', { class: 'actions' }, copy),
    ),
  };
}
