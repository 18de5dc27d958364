import { HAE_TEMPLATE } from '../../../shared/indices/helarsekvivalenter';
import { describePeriod, requirePeriod } from '../../../shared/model/period';
import { resolveTemplate, type ResolvedTemplate } from '../../../shared/model/resolve';
import { listSv } from '../../../shared/text/list-sv';
import { templatesForForbund } from '../../../shared/model/selectors';
import type { TemplateDefinition } from '../../../shared/model/template-schema';
import type { ScbImport } from '../../../shared/scb/import';
import type { ScbPreview } from '../../../shared/scb/preview';
import { PaneError } from '../api/api-error';
import { SubmitPanel } from '../view-parts/submit-panel';
import { resolveTarget, type ChosenTarget } from '../view-parts/template-context';
import { runAction } from '../ui/action';
import { button, field, filePicker, h, replaceChildren, select } from '../ui/dom';
import { submitterDeps, type PaneDeps, type View } from './pane-deps';

/** A national download for every month since 2014 is a few MB; far more is not SCB's table. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/**
 * Importera SCB (kansliet): SCB's helårsekvivalenter table (HE0000T02N2 / TAB1386) as
 * Statistikdatabasen serves it — CSV, json-stat2 or xlsx — is read here in the pane, the
 * configured sex and age group are chosen, each first half-year is made from its months, and
 * the chosen half-year is sent as the `helarsekvivalenter` template's values per kommun and for
 * riket, through the same SubmitPanel as Rapportera. Only those values leave the pane, never the file.
 */
export function createScbImportView(deps: PaneDeps): View {
  const heading = h('h1', { tabindex: -1, id: 'scb-heading' }, 'Importera SCB');
  const upload = filePicker('SCB-fil (.csv, .json eller .xlsx)', {
    accept:
      '.csv,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
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
  const panel = new SubmitPanel(submitterDeps(deps));
  let found: ScbImport | undefined;
  let reader: typeof import('../scb/read-scb') | undefined;

  const definitionFor = (period: string): TemplateDefinition | undefined =>
    templatesForForbund(deps.registry, deps.forbund, requirePeriod(period).year).find((t) => t.id === HAE_TEMPLATE);
  const templateFor = (period: string): ResolvedTemplate | undefined => {
    const definition = definitionFor(period);
    return definition && resolveTemplate(definition, deps.forbund, requirePeriod(period).year);
  };

  const clear = (): void => {
    found = undefined;
    summary.replaceChildren();
    periodField.hidden = true;
    previewBox.replaceChildren();
    panel.reset(undefined);
  };

  const showPeriod = (period: string): void => {
    if (!found || !reader) return;
    const target = targetFor(deps, period, definitionFor(period));
    const preview = reader.previewPeriod(found, deps.forbund, target.template, period);
    replaceChildren(previewBox, ...missingNotes(preview, target), previewTable(preview), problemList(found.problems));
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
          throw new PaneError('no-file', 'Välj SCB:s fil (.csv, .json eller .xlsx) först.');
        }
        if (file.size > MAX_FILE_BYTES)
          throw new PaneError(
            'file-too-large',
            'Filen är större än 20 MB. Välj bara förbundets kommuner, riket och de månader som ' +
              'behövs i SCB:s statistikdatabas.',
          );
        reader ??= await import('../scb/read-scb');
        const result = await reader.readScbImport(
          file.name,
          new Uint8Array(await file.arrayBuffer()),
          deps.forbund,
          templateFor,
        );
        if (!result.ok) {
          replaceChildren(previewBox, problemList(result.problems));
          throw new PaneError('scb-file', `${result.message} Inget har skickats in.`);
        }
        found = result;
        replaceChildren(summary, ...summaryOf(result));
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
        'Läs in SCB:s tabell över helårsekvivalenter per månad (HE0000T02N2, i nya ' +
          'statistikdatabasen TAB1386) som CSV, json-stat2 eller Excel. Filen läses här; bara ' +
          'förbundets värden för första halvåret skickas in.',
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
  return listSv(periods.map((p) => p.slice(0, 4)));
}

/** The format, what was chosen and left out, and the half-years: said before the figures. */
function summaryOf(found: ScbImport): HTMLElement[] {
  const parts: (HTMLElement | null)[] = [
    h(
      'p',
      {},
      `Läst som ${found.formatLabel}. Första halvåret ${listYears(found.periods)} finns i filen för ` +
        `förbundets kommuner.`,
    ),
    h(
      'ul',
      { class: 'scb-choices', 'aria-label': 'Vad som används ur filen' },
      ...found.choices.map((c) => h('li', {}, c)),
    ),
    found.unsupportedPeriods.length > 0
      ? h(
          'p',
          {},
          `Första halvåret ${listYears(found.unsupportedPeriods)} tas inte emot: Samlads mall ` +
            `gäller inte ${found.unsupportedPeriods.length === 1 ? 'det året' : 'de åren'}.`,
        )
      : null,
  ];
  return parts.filter((e): e is HTMLElement => e !== null);
}

/**
 * Content × region: nine rows and one column per kommun and riket fit a narrow pane better than
 * the sheet's region rows with nine columns. A value the file cannot give reads "saknas".
 */
function previewTable(preview: ScbPreview): HTMLElement {
  const title =
    `Helårsekvivalenter, medelvärde per månad ` + `${describePeriod(requirePeriod(preview.period)).toLowerCase()}`;
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
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Tabellinnehåll')),
          ...preview.rows.map((row) => h('th', { scope: 'col', class: 'num' }, row.name)),
        ),
      ),
      h(
        'tbody',
        {},
        ...preview.columns.map((column) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, column.label),
            ...preview.rows.map((row) => {
              const value = row.values[column.id] ?? null;
              return h(
                'td',
                { class: value === null ? 'num missing' : 'num', 'data-kommun': row.rowId, 'data-column': column.id },
                value === null ? 'saknas' : number.format(value),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

/**
 * The gaps named in words, with why: those the template lets a submission leave empty go in as
 * missing, the rest stop the sending until a file has them (the findings below say the same,
 * cell by cell).
 */
function missingNotes(preview: ScbPreview, target: ChosenTarget): HTMLElement[] {
  const cellOf = (rowId: string, column: string) =>
    target.template.cells.find((c) => c.row === rowId && c.column === column);
  const label = (column: string) => preview.columns.find((c) => c.id === column)?.label.toLowerCase() ?? column;
  const isRequired = (rowId: string, column: string) => cellOf(rowId, column)?.required ?? false;
  const listed = (required: boolean) =>
    preview.missing.flatMap((m) => {
      // A region the file lacks is named once, where its most serious gap belongs.
      if (m.columns.length === preview.columns.length) {
        const stops = m.columns.some((c) => isRequired(m.rowId, c));
        return stops === required ? [`${m.name}: alla värden (${m.reasons.join('; ')})`] : [];
      }
      const columns = m.columns.filter((c) => isRequired(m.rowId, c) === required);
      return columns.length === 0 ? [] : [`${m.name}: ${columns.map(label).join(', ')} (${m.reasons.join('; ')})`];
    });
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
  const blocking = listed(true);
  const allowed = listed(false);
  return [
    ...(blocking.length > 0
      ? [
          note(
            'error',
            'Saknas i SCB:s fil och måste finnas för att kunna skicka in:',
            blocking,
            'Hämta tabellen från SCB igen med de kommunerna, månaderna och tabellinnehållet, eller ' +
              'fyll i värdena i mallen under Rapportera.',
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
      h('strong', {}, 'Det här i filen hoppades över:'),
      h('ul', { class: 'scb-problems' }, ...problems.map((p) => h('li', {}, p))),
    ),
  );
}
