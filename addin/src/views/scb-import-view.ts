import {
  HAE_COLUMNS,
  HAE_LABEL,
  HAE_TEMPLATE,
  haeCell,
  type HaeColumn,
} from '../../../shared/indices/helarsekvivalenter';
import {
  formatScbValue,
  importScbFile,
  previewScbPeriod,
  type ScbImport,
  type ScbPreview,
} from '../../../shared/indices/scb-import';
import { describePeriod, requirePeriod } from '../../../shared/model/period';
import { templatesForForbund } from '../../../shared/model/selectors';
import type { TemplateDefinition } from '../../../shared/model/template-schema';
import { PaneError } from '../api/api-error';
import { SubmitPanel } from '../view-parts/submit-panel';
import { resolveTarget, type ChosenTarget } from '../view-parts/template-context';
import { runAction } from '../ui/action';
import { button, field, filePicker, h, replaceChildren, select } from '../ui/dom';
import { submitterOf, type PaneDeps, type View } from './pane-deps';

/** A national file for every kommun and half-year is a few hundred kB; far more is not SCB's table. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const FORMAT_LABEL = { csv: 'CSV', 'json-stat2': 'json-stat2' } as const;

/**
 * Importera SCB (kansliet): SCB's helårsekvivalenter file (HE0000T02N2, CSV or json-stat2) is
 * read and parsed here in the pane, previewed per kommun, and sent as the `helarsekvivalenter`
 * template's values for the chosen first half-year through the same SubmitPanel as Rapportera.
 * Only those values leave the pane, never the file.
 */
export function createScbImportView(deps: PaneDeps): View {
  const heading = h('h1', { tabindex: -1, id: 'scb-heading' }, 'Importera SCB');
  const upload = filePicker('SCB-fil (.csv eller .json)', {
    accept: '.csv,.json,text/csv,application/json',
    name: 'scb-file',
  });
  const summary = h('div', { class: 'facts', role: 'status' });
  const periodSelect = select([], { name: 'period' });
  const periodField = field(
    'Halvår att skicka in',
    periodSelect,
    'Filen har flera halvår; välj vilket som ska skickas in.',
  );
  periodField.hidden = true;
  const previewBox = h('div', { class: 'scb-preview' });
  const panel = new SubmitPanel({ api: deps.api, ctx: deps.ctx, submitter: submitterOf(deps) });
  let found: ScbImport | undefined;

  const definitionFor = (period: string) =>
    templatesForForbund(deps.registry, deps.forbund, requirePeriod(period).year).find((t) => t.id === HAE_TEMPLATE);

  const clear = (): void => {
    found = undefined;
    summary.replaceChildren();
    periodField.hidden = true;
    previewBox.replaceChildren();
    panel.reset(undefined);
  };

  const showPeriod = (period: string): void => {
    if (!found) return;
    const preview = previewScbPeriod(found.table, deps.forbund, period);
    const target = targetFor(deps, period, definitionFor(period));
    replaceChildren(previewBox, ...missingNotes(preview, target), previewTable(preview), problemList(preview.problems));
    panel.reset(target);
    panel.validate(preview.values);
  };

  const readButton: HTMLButtonElement = button(
    'Läs in filen',
    () =>
      void runAction(deps.ctx, readButton, 'Läser filen…', async () => {
        clear();
        const file = upload.input.files?.[0];
        if (!file) {
          upload.input.focus();
          throw new PaneError('no-file', 'Välj SCB:s fil (.csv eller .json) först.');
        }
        if (file.size > MAX_FILE_BYTES)
          throw new PaneError(
            'file-too-large',
            'Filen är större än 10 MB. Välj bara förbundets kommuner och de halvår som behövs i SCB:s statistikdatabas.',
          );
        const result = importScbFile(
          file.name,
          new Uint8Array(await file.arrayBuffer()),
          deps.forbund,
          (period) => definitionFor(period) !== undefined,
        );
        if (!result.ok) {
          replaceChildren(previewBox, problemList(result.problems));
          throw new PaneError('scb-file', `${result.message} Inget har skickats in.`);
        }
        found = result;
        replaceChildren(
          summary,
          h(
            'p',
            {},
            `Läst som ${FORMAT_LABEL[result.format]}. Första halvåret ${listYears(result.periods)} finns i filen för förbundets kommuner.`,
          ),
          result.unsupportedPeriods.length > 0
            ? h(
                'p',
                {},
                `Första halvåret ${listYears(result.unsupportedPeriods)} tas inte emot: Samlads mall gäller inte ${result.unsupportedPeriods.length === 1 ? 'det året' : 'de åren'}.`,
              )
            : null,
        );
        replaceChildren(
          periodSelect,
          ...result.periods.map((p) => h('option', { value: p }, describePeriod(requirePeriod(p)))),
        );
        periodField.hidden = result.periods.length < 2;
        showPeriod(result.periods[0] ?? '');
        deps.ctx.announcer.announce(
          `Filen är inläst: ${result.periods.length === 1 ? 'ett halvår' : `${result.periods.length} halvår`}.`,
        );
      }),
    { class: 'btn btn-primary' },
  );
  upload.input.addEventListener('change', clear);
  periodSelect.addEventListener(
    'change',
    () => void runAction(deps.ctx, undefined, 'Visar halvåret…', async () => showPeriod(periodSelect.value)),
  );

  return {
    id: 'scb',
    label: 'Importera SCB',
    heading,
    element: h(
      'section',
      { class: 'view', id: 'view-scb', 'aria-labelledby': 'scb-heading' },
      heading,
      h(
        'p',
        { class: 'intro' },
        'Läs in SCB:s helårsekvivalenter per kommun och förmån (tabell HE0000T02N2, hämtad som CSV eller json-stat2). Filen läses här; bara värdena per kommun skickas in.',
      ),
      upload.element,
      h('div', { class: 'actions' }, readButton),
      summary,
      periodField,
      previewBox,
      panel.element,
    ),
  };
}

function targetFor(deps: PaneDeps, period: string, definition: TemplateDefinition | undefined): ChosenTarget {
  if (!definition)
    throw new PaneError('unknown-template', `Samlads mall för helårsekvivalenter gäller inte för ${period}.`);
  return resolveTarget(deps.registry, deps.forbund.id, definition, period, {
    id: deps.forbund.id,
    kind: 'forbund',
    name: deps.forbund.name,
  });
}

/** "2023", "2023 och 2022", "2023, 2022 och 2021". */
function listYears(periods: readonly string[]): string {
  const years = periods.map((p) => p.slice(0, 4));
  return years.length <= 1 ? (years[0] ?? '') : `${years.slice(0, -1).join(', ')} och ${years[years.length - 1]}`;
}

/**
 * Förmån × kommun: seven rows and one column per kommun fit a narrow pane better than the
 * sheet's kommun rows with seven columns. A value SCB did not give reads "saknas".
 */
function previewTable(preview: ScbPreview): HTMLElement {
  const title = `Helårsekvivalenter ${describePeriod(requirePeriod(preview.period)).toLowerCase()}`;
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': title, tabindex: 0 },
    h(
      'table',
      { class: 'data-table scb-table' },
      h('caption', {}, title),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Förmån')),
          ...preview.rows.map((row) => h('th', { scope: 'col', class: 'num' }, row.name)),
        ),
      ),
      h(
        'tbody',
        {},
        ...HAE_COLUMNS.map((column) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, HAE_LABEL[column]),
            ...preview.rows.map((row) => {
              const value = row.values[column];
              return h(
                'td',
                { class: value === null ? 'num missing' : 'num', 'data-kommun': row.kommunId, 'data-column': column },
                formatScbValue(value, column),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

/**
 * The gaps named in words, so they are seen without scrolling the table sideways: those the
 * template lets a submission leave empty go in as missing, and the rest stop the sending until
 * a file has them (the findings below say the same, cell by cell).
 */
function missingNotes(preview: ScbPreview, target: ChosenTarget): HTMLElement[] {
  const required = (kommunId: string, column: HaeColumn) =>
    target.template.cellById.get(haeCell(kommunId, column))?.required === true;
  const listed = (pick: (kommunId: string, column: HaeColumn) => boolean) =>
    preview.missing.flatMap((m) => {
      const columns = m.columns.filter((c) => pick(m.kommunId, c));
      if (columns.length === 0) return [];
      return [
        `${m.name}: ${columns.length === HAE_COLUMNS.length ? 'alla värden' : columns.map((c) => HAE_LABEL[c].toLowerCase()).join(', ')}`,
      ];
    });
  const blocking = listed(required);
  const allowed = listed((k, c) => !required(k, c));
  const note = (kind: 'error' | 'warning', title: string, gaps: string[], after?: string) =>
    h(
      'div',
      { class: `message-bar ${kind} scb-missing` },
      h(
        'div',
        { class: 'message-text' },
        h('strong', {}, title),
        h('ul', { class: 'scb-problems' }, ...gaps.map((g) => h('li', {}, g))),
        after ? h('p', {}, after) : null,
      ),
    );
  return [
    ...(blocking.length > 0
      ? [
          note(
            'error',
            'Saknas i SCB:s fil och måste finnas för att kunna skicka in:',
            blocking,
            'Hämta tabellen från SCB igen med de kommunerna och förmånerna, eller fyll i värdena i mallen under Rapportera.',
          ),
        ]
      : []),
    ...(allowed.length > 0
      ? [note('warning', 'Saknas i SCB:s fil (skickas in som saknade, inte som 0):', allowed)]
      : []),
  ];
}

function problemList(problems: readonly string[]): HTMLElement | null {
  if (problems.length === 0) return null;
  return h(
    'div',
    { class: 'message-bar warning' },
    h(
      'div',
      { class: 'message-text' },
      h('strong', {}, 'Det här i filen hoppades över eller saknas:'),
      h('ul', { class: 'scb-problems' }, ...problems.map((p) => h('li', {}, p))),
    ),
  );
}
