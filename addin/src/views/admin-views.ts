import { forbundIdSchema } from '../../../shared/model/ids';
import { PaneError } from '../api/api-error';
import type { HttpClient } from '../api/http-client';
import { AdminApi } from '../api/settings-api';
import type { HostInfo } from '../host/office-host';
import { runAction, type ActionContext } from '../ui/action';
import { button, field, filePicker, formatDateTime, h, replaceChildren, select } from '../ui/dom';
import type { View } from './pane-deps';
import { createSettingsView } from './settings-view';

export interface AdminDeps {
  http: HttpClient;
  host: HostInfo;
  ctx: ActionContext;
  now: () => Date;
}

const NEW = '__nytt__';

/**
 * An administrator's Inställningar: the same view as kansliet's, for any förbund — or a new one,
 * named by its id, whose empty workbook is filled and uploaded like any other.
 */
export function createAdminSettingsView(deps: AdminDeps): View {
  const admin = new AdminApi(deps.http);
  // Nothing to choose until the list has come: a choice made earlier would be lost when it arrives.
  const forbundSelect = select([{ value: '', label: 'Hämtar förbunden…' }], { name: 'admin-forbund' });
  const newId = h('input', { type: 'text', name: 'new-forbund', maxlength: 41, autocomplete: 'off' });
  const newField = field(
    'Det nya förbundets id',
    newId,
    'Små bokstäver, siffror och bindestreck, t.ex. sodra-lappland.',
  );
  newField.hidden = true;
  const forbundId = (): string => {
    if (!forbundSelect.value) throw new PaneError('no-forbund', 'Välj förbund först.');
    if (forbundSelect.value !== NEW) return forbundSelect.value;
    const id = newId.value.trim();
    if (!forbundIdSchema.safeParse(id).success)
      throw new PaneError('invalid-forbund', 'Skriv det nya förbundets id: små bokstäver, siffror och bindestreck.');
    return id;
  };
  const chooser = h('div', { class: 'admin-chooser' }, field('Förbund', forbundSelect), newField);
  const view = createSettingsView({ ...deps, forbundId, chooser });
  const refresh = async (): Promise<void> => {
    const list = await admin.forbund();
    const keep = forbundSelect.value;
    replaceChildren(
      forbundSelect,
      ...list.map((f) => h('option', { value: f.id, selected: f.id === keep }, f.name)),
      h('option', { value: NEW, selected: keep === NEW || list.length === 0 }, 'Nytt förbund…'),
    );
    newField.hidden = forbundSelect.value !== NEW;
  };
  forbundSelect.addEventListener('change', () => {
    newField.hidden = forbundSelect.value !== NEW;
    view.onShow?.();
  });
  newId.addEventListener('change', () => view.onShow?.());
  return {
    ...view,
    onShow: () =>
      void runAction(deps.ctx, undefined, 'Hämtar förbunden…', async () => {
        await refresh();
        if (forbundSelect.value !== NEW || newId.value.trim()) view.onShow?.();
      }),
  };
}

/**
 * Mallar (administrators): the template catalogue, built in and added, and a new template or a
 * new version of one added as JSON — checked by the template schema; a version never changes.
 */
export function createTemplatesView(deps: AdminDeps): View {
  const heading = h('h1', { tabindex: -1, id: 'templates-heading' }, 'Mallar');
  const admin = new AdminApi(deps.http);
  const listBox = h('div', { class: 'catalogue' });
  const file = filePicker('Malldefinition (.json)', { accept: '.json,application/json', name: 'template-file' });
  const comment = h('textarea', { rows: 2, maxlength: 2000, name: 'template-comment' });
  const result = h('div', { class: 'result', role: 'status' });

  const load = async (): Promise<void> => {
    const templates = await admin.templates();
    replaceChildren(
      listBox,
      h(
        'table',
        { class: 'data-table' },
        h('caption', {}, 'Mallkatalogen'),
        h('thead', {}, h('tr', {}, ...['Mall', 'Version', 'År', 'Källa'].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          {},
          ...templates.map((t) =>
            h(
              'tr',
              {},
              h('td', {}, `${t.title} (${t.id})`),
              h('td', {}, String(t.version)),
              h('td', {}, `${t.years.from}–${t.years.to}`),
              h('td', {}, t.builtIn ? 'Inbyggd' : `Tillagd ${t.createdAt ? formatDateTime(t.createdAt) : ''}`),
            ),
          ),
        ),
      ),
    );
  };

  const add: HTMLButtonElement = button(
    'Lägg till mallen',
    () =>
      void runAction(deps.ctx, add, 'Kontrollerar mallen…', async () => {
        const chosen = file.input.files?.[0];
        if (!chosen) throw new PaneError('no-file', 'Välj en malldefinition (.json) först.');
        let definition: unknown;
        try {
          definition = JSON.parse(await chosen.text());
        } catch {
          throw new PaneError('not-json', 'Filen är inte JSON. Spara malldefinitionen som .json och försök igen.');
        }
        if (typeof definition !== 'object' || definition === null || Array.isArray(definition))
          throw new PaneError('not-json', 'Filen ska innehålla en malldefinition (ett JSON-objekt).');
        const added = await admin.addTemplate(definition as Record<string, unknown>, comment.value.trim() || undefined);
        result.textContent = `Mallen ${added.title} (${added.id}) version ${added.version} finns nu i katalogen.`;
        await load();
      }),
    { class: 'btn btn-primary' },
  );

  return {
    id: 'templates',
    label: 'Mallar',
    heading,
    onShow: () => void runAction(deps.ctx, undefined, 'Hämtar mallarna…', load),
    element: h(
      'section',
      { class: 'view', id: 'view-templates', 'aria-labelledby': 'templates-heading' },
      heading,
      h(
        'p',
        { class: 'intro' },
        'Lägg till en mall, eller en ny version av en, som JSON enligt mallschemat. En version ändras aldrig när ' +
          'den väl finns – inlämningar kan bygga på den – utan ersätts av nästa. Förbunden väljer mallen i sina ' +
          'inställningar (bladet Mallar).',
      ),
      file.element,
      field('Kommentar', comment),
      h('div', { class: 'actions' }, add),
      result,
      listBox,
    ),
  };
}
