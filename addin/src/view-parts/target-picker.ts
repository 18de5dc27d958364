import type { Registry } from '../../../shared/config/registry';
import type { AvailableTemplate } from '../api/samlad-api';
import { runAction } from '../ui/action';
import type { PaneDeps } from '../views/pane-deps';
import { field, h, replaceChildren, select, type Option } from '../ui/dom';
import { periodOptions, resolveTarget, yearOptions, type ChosenTarget } from './template-context';

/** What the picker needs of the pane: the same for every view that offers it. */
export type TargetPickerDeps = Pick<PaneDeps, 'api' | 'configuration' | 'forbund' | 'ctx' | 'now'>;

export interface TargetPickerChoice {
  /** Limit the templates offered (Från egen tabell offers only the one it can aggregate into). */
  accept?: (template: AvailableTemplate) => boolean;
  onChange: (target: ChosenTarget | undefined) => void;
  /** Called when the year's templates are loaded (at start and when the year changes). */
  onYear?: (year: number) => void;
}

export interface TargetPicker {
  element: HTMLElement;
  current(): ChosenTarget | undefined;
  /** Sets the picker to a template, period and scope (e.g. what an uploaded file is for). */
  choose(target: { templateId: string; period: string; scope: string }): Promise<void>;
}

/**
 * År → mall → period → omfång. Only templates and scopes the API says the signed-in party may
 * submit are offered, so a reporter cannot pick something the server would refuse.
 */
export function createTargetPicker(deps: TargetPickerDeps, choice: TargetPickerChoice): TargetPicker {
  const { api, ctx } = deps;
  const options = { api, ctx, forbundId: deps.forbund.id, now: deps.now(), ...choice };
  let registry: Registry | undefined;
  const years = yearOptions(options.now);
  const yearSelect = select(
    years.map((y) => ({ value: String(y), label: String(y) })),
    { name: 'year' },
    String(years[0]),
  );
  const templateSelect = select([], { name: 'template' });
  const periodSelect = select([], { name: 'period' });
  const scopeSelect = select([], { name: 'scope' });
  const note = h('p', { class: 'hint', hidden: true });
  let templates: AvailableTemplate[] = [];
  let chosen: ChosenTarget | undefined;

  const setOptions = (el: HTMLSelectElement, opts: readonly Option[], keep?: string): void => {
    const previous = keep ?? el.value;
    replaceChildren(el, ...opts.map((o) => h('option', { value: o.value, selected: o.value === previous }, o.label)));
    el.disabled = opts.length === 0;
  };

  const update = (): void => {
    const available = templates.find((t) => t.definition.id === templateSelect.value);
    if (!available) {
      setOptions(periodSelect, []);
      setOptions(scopeSelect, []);
      chosen = undefined;
    } else {
      setOptions(periodSelect, periodOptions(available.definition, Number(yearSelect.value)));
      setOptions(
        scopeSelect,
        available.scopes.map((s) => ({ value: s.id, label: s.name })),
      );
      const scope = available.scopes.find((s) => s.id === scopeSelect.value);
      chosen =
        scope && periodSelect.value && registry
          ? resolveTarget(registry, options.forbundId, available.definition, periodSelect.value, scope)
          : undefined;
    }
    options.onChange(chosen);
  };

  // Changing the year quickly can leave an older request answering last; only the newest counts.
  let request = 0;
  const loadYear = (): Promise<void> =>
    runAction(options.ctx, undefined, 'Hämtar mallar…', async () => {
      const mine = ++request;
      const year = Number(yearSelect.value);
      // The year's own förbund (its parties, platforms and settings) resolves the template, as on the server.
      const [loaded, forYear] = await Promise.all([options.api.templates(year), deps.configuration.registryFor(year)]);
      if (mine !== request) return;
      templates = loaded.filter((t) => options.accept?.(t) ?? true);
      registry = forYear;
      setOptions(
        templateSelect,
        templates.map((t) => ({ value: t.definition.id, label: t.definition.title })),
      );
      note.hidden = templates.length > 0;
      note.textContent =
        templates.length > 0 ? '' : `Det finns inga mallar för din part att lämna för ${yearSelect.value}.`;
      update();
      options.onYear?.(Number(yearSelect.value));
    });

  yearSelect.addEventListener('change', () => void loadYear());
  templateSelect.addEventListener('change', update);
  periodSelect.addEventListener('change', update);
  scopeSelect.addEventListener('change', update);
  void loadYear();

  const element = h(
    'fieldset',
    { class: 'target-picker' },
    h('legend', {}, 'Vad ska rapporteras?'),
    field('År', yearSelect),
    field('Mall', templateSelect),
    field('Period', periodSelect),
    field('Gäller', scopeSelect, 'Plattform, kommun eller förbundet – det som uppgifterna avser.'),
    note,
  );
  const choose = async (target: { templateId: string; period: string; scope: string }): Promise<void> => {
    const year = target.period.slice(0, 4);
    if (yearSelect.value !== year && years.includes(Number(year))) {
      yearSelect.value = year;
      await loadYear();
    }
    templateSelect.value = target.templateId;
    update();
    periodSelect.value = target.period;
    scopeSelect.value = target.scope;
    update();
  };
  return { element, current: () => chosen, choose };
}
