import { resolveTemplate } from '../../../shared/model/resolve';
import {
  aggregatesInto,
  aggregateParticipants,
  type AggregationResult,
} from '../../../shared/aggregation/aggregate-participants';
import {
  CLOSURE_REASON_LABEL,
  DECISION_LABEL,
  GENDER_LABEL,
  isOutrightMatch,
  REFERRING_PARTY_LABEL,
} from '../../../shared/aggregation/categories';
import { FIELD_INFO, PARTICIPANT_FIELDS, type ParticipantField } from '../../../shared/aggregation/fields';
import { renderRejectedRow } from '../../../shared/aggregation/messages-sv';
import {
  categoryValues,
  suggestMapping,
  suggestValues,
  type CategoryField,
  type ParticipantTable,
  type TableMapping,
} from '../../../shared/aggregation/table-mapping';
import { layoutTemplate } from '../../../shared/model/layout';
import { describePeriod, periodSpan } from '../../../shared/model/period';
import { PaneError } from '../api/api-error';
import { readOwnTable, saveMapping, showValuesInTemplate } from '../excel';
import { browserMappingMemory } from '../view-parts/mapping-memory';
import { parsePastedTable } from '../view-parts/paste-table';
import { reviewTable } from '../view-parts/review-table';
import { SubmitPanel } from '../view-parts/submit-panel';
import { createTargetPicker } from '../view-parts/target-picker';
import type { ChosenTarget } from '../view-parts/template-context';
import { runAction } from '../ui/action';
import { button, field, h, inlineField, numberFormat, replaceChildren, select, type Option } from '../ui/dom';
import { submitterDeps, type PaneDeps, type View } from './pane-deps';

const NONE = '';
const MAX_LISTED_ROWS = 50;

/** "1 rad", "12 rader". */
const rows = (n: number): string => `${numberFormat.format(n)} ${n === 1 ? 'rad' : 'rader'}`;

/** The label of a category target, for telling an outright match from a guess. */
function targetLabel(field: CategoryField, target: string, platforms: Platforms): string {
  if (field === 'plattform') return platforms.find((p) => p.id === target)?.name ?? target;
  return (CATEGORY_LABELS[field] as Record<string, string>)[target] ?? target;
}

/** The values whose suggested meaning is a guess: not remembered, and not an outright match. */
function guessesOf(
  table: ParticipantTable,
  mapping: TableMapping,
  stored: TableMapping | undefined,
  platforms: Platforms,
) {
  const guesses = new Set<string>();
  for (const v of categoryValues(table, mapping)) {
    const chosen = (mapping.values[v.field] as Record<string, string>)[v.key];
    const remembered = stored && (stored.values[v.field] as Record<string, string>)[v.key] !== undefined;
    if (chosen && !remembered && !isOutrightMatch(v.raw, chosen, targetLabel(v.field, chosen, platforms)))
      guesses.add(`${v.field}\u0000${v.key}`);
  }
  return guesses;
}

/** The fixed words of each category field; a platform's are the förbund's own platforms. */
const CATEGORY_LABELS = {
  kon: GENDER_LABEL,
  avslutsorsak: CLOSURE_REASON_LABEL,
  aktualiserande_part: REFERRING_PARTY_LABEL,
  beslut: DECISION_LABEL,
} satisfies Record<Exclude<CategoryField, 'plattform'>, Record<string, string>>;

/** The choices a category value can be mapped to, per field. */
function targetOptions(field: CategoryField, platforms: readonly { id: string; name: string }[]): Option[] {
  const labels: Record<string, string> =
    field === 'plattform' ? Object.fromEntries(platforms.map((p) => [p.id, p.name])) : CATEGORY_LABELS[field];
  return [{ value: NONE, label: '— välj —' }, ...Object.entries(labels).map(([value, label]) => ({ value, label }))];
}

function setValueMapping(mapping: TableMapping, field: CategoryField, key: string, target: string): void {
  const values = mapping.values[field] as Record<string, string>;
  if (target === NONE) delete values[key];
  else values[key] = target;
}

type Platforms = PaneDeps['forbund']['platforms'];

/**
 * The mapping's two groups: which header holds each field, and what each category word means.
 * Changing a column calls `onColumns` with the mapping (values suggested anew); a value's choice
 * is written into `mapping` as it is made.
 */
function mappingGroups(
  table: ParticipantTable,
  mapping: TableMapping,
  options: {
    remembered: boolean;
    platforms: Platforms;
    onColumns: (mapping: TableMapping) => void;
    /** `field\u0000key` of the values Samlad guessed (not an outright match): shown as guesses until confirmed. */
    guesses: Set<string>;
  },
): (HTMLElement | null)[] {
  const headerOptions: Option[] = [
    { value: NONE, label: '— finns inte —' },
    ...table.headers.filter((x) => String(x ?? '').trim() !== '').map((x) => ({ value: String(x), label: String(x) })),
  ];
  const columnFields = PARTICIPANT_FIELDS.map((f: ParticipantField) => {
    const control = select(headerOptions, { name: `column-${f}` }, mapping.columns[f] ?? NONE);
    control.addEventListener('change', () => {
      if (control.value === NONE) delete mapping.columns[f];
      else mapping.columns[f] = control.value;
      options.onColumns(suggestValues(table, mapping, options.platforms));
    });
    return inlineField(FIELD_INFO[f].label, control, FIELD_INFO[f].help);
  });
  const values = categoryValues(table, mapping);
  const valueFields = values.map((v) => {
    const chosen = (mapping.values[v.field] as Record<string, string>)[v.key] ?? NONE;
    const control = select(targetOptions(v.field, options.platforms), { name: `value-${v.field}-${v.key}` }, chosen);
    const id = `${v.field}\u0000${v.key}`;
    const guessed = options.guesses.has(id);
    const row = inlineField(
      `”${v.raw}” (${FIELD_INFO[v.field].label.toLocaleLowerCase('sv')}, ${rows(v.count)})`,
      control,
    );
    if (guessed) {
      row.classList.add('guess');
      row.querySelector('label')?.append(h('span', { class: 'guess-note' }, ' – gissning, kontrollera'));
    }
    control.addEventListener('change', () => {
      setValueMapping(mapping, v.field, v.key, control.value);
      // Chosen by the user now: no longer a guess.
      options.guesses.delete(id);
      row.classList.remove('guess');
      row.querySelector('.guess-note')?.remove();
    });
    return row;
  });
  const unmapped = values.filter(
    (v) => (mapping.values[v.field] as Record<string, string>)[v.key] === undefined,
  ).length;
  const mappedColumns = PARTICIPANT_FIELDS.filter((f) => mapping.columns[f] !== undefined).length;
  return [
    h(
      'details',
      { class: 'mapping-group', open: !options.remembered || !mapping.columns.startdatum || !mapping.columns.kon },
      h('summary', {}, `Kolumner: ${mappedColumns} av ${PARTICIPANT_FIELDS.length} kopplade`),
      h('p', { class: 'hint' }, 'Rubriker som Samlad känner igen är redan valda. Kontrollera och ändra vid behov.'),
      ...columnFields,
    ),
    values.length > 0
      ? h(
          'details',
          { class: 'mapping-group', open: !options.remembered || unmapped > 0 },
          h(
            'summary',
            {},
            unmapped > 0
              ? `Värden: ${unmapped} av ${values.length} saknar val`
              : `Värden: alla ${values.length} kopplade`,
          ),
          h(
            'p',
            { class: 'hint' },
            'Vad betyder orden i er tabell? Rader med ett värde utan val räknas inte, utan listas.',
          ),
          ...valueFields,
        )
      : null,
  ];
}

/**
 * Step 1: read the table at the selection (Excel) or from what was pasted (a browser). `use`
 * gets the table, how to describe it and the mapping remembered for it, if any.
 */
function tableControls(
  deps: PaneDeps,
  use: (table: ParticipantTable, description: string, stored: TableMapping | undefined) => void,
): HTMLElement {
  if (deps.host.kind === 'excel') {
    const capabilities = deps.host.capabilities;
    const readButton: HTMLButtonElement = button(
      'Läs tabellen',
      () =>
        void runAction(deps.ctx, readButton, 'Läser tabellen…', async () => {
          const { table: read, mapping: stored } = await readOwnTable(capabilities);
          use(read, `Tabell på bladet ”${read.sheet}” (${read.address})`, stored);
        }),
      { class: 'btn btn-primary' },
    );
    return h(
      'div',
      {},
      h(
        'p',
        { class: 'hint' },
        'Markera en cell i er deltagartabell (en rad per deltagare, rubriker överst) och välj Läs tabellen.',
      ),
      h('div', { class: 'actions' }, readButton),
    );
  }
  const pasteBox = h('textarea', { rows: 6, name: 'paste', spellcheck: false, class: 'paste-box' });
  const pasteButton: HTMLButtonElement = button(
    'Läs in',
    () =>
      void runAction(deps.ctx, pasteButton, 'Läser tabellen…', async () => {
        const read = parsePastedTable(pasteBox.value);
        if (!read) throw new PaneError('no-table', 'Klistra in tabellen med rubrikraden överst och minst en rad.');
        use(read, 'Inklistrad tabell', browserMappingMemory.load(read.headers));
      }),
    { class: 'btn btn-primary' },
  );
  return h(
    'div',
    {},
    field(
      'Klistra in tabellen',
      pasteBox,
      'Kopiera tabellen i Excel, rubrikraden med, och klistra in här. Raderna stannar i webbläsaren.',
    ),
    h('div', { class: 'actions' }, pasteButton),
  );
}

/** What the count covered and what it left out, one sentence each. */
function countFacts(chosen: ChosenTarget, r: AggregationResult): string[] {
  return [
    `${rows(r.used)} räknades för ${chosen.scope.name}, ` +
      `${describePeriod(chosen.period, chosen.definition.period.cumulative)}: ${r.span.start} – ${r.span.end}.`,
    r.outsidePeriod > 0 ? `${rows(r.outsidePeriod)} gäller inte perioden.` : '',
    r.otherPlatform > 0 ? `${rows(r.otherPlatform)} gäller andra plattformar.` : '',
    r.blank > 0 ? `${numberFormat.format(r.blank)} ${r.blank === 1 ? 'tom rad' : 'tomma rader'} hoppades över.` : '',
  ].filter(Boolean);
}

/** The rows that could not be counted, with why (the first MAX_LISTED_ROWS). */
function rejectedRows(r: AggregationResult): HTMLElement | null {
  if (r.rejected.length === 0) return null;
  return h(
    'div',
    { class: 'message-bar warning' },
    h(
      'div',
      { class: 'message-text' },
      h(
        'strong',
        {},
        `${rows(r.rejected.length)} kunde inte räknas. Rätta ${r.rejected.length === 1 ? 'den' : 'dem'} i ` +
          'tabellen och räkna igen:',
      ),
      h(
        'ul',
        { class: 'rejected-rows' },
        ...r.rejected.slice(0, MAX_LISTED_ROWS).map((row) => h('li', {}, renderRejectedRow(row))),
      ),
      r.rejected.length > MAX_LISTED_ROWS
        ? h('p', {}, `… och ${numberFormat.format(r.rejected.length - MAX_LISTED_ROWS)} till.`)
        : null,
    ),
  );
}

/** Visa i mallen (Excel only): the counts written into the template sheet, inserted if missing. */
function showInTemplateButton(deps: PaneDeps, chosen: ChosenTarget, r: AggregationResult): HTMLButtonElement | null {
  if (deps.host.kind !== 'excel') return null;
  const capabilities = deps.host.capabilities;
  const showInSheet: HTMLButtonElement = button(
    'Visa i mallen',
    () =>
      void runAction(deps.ctx, showInSheet, 'Skriver in summorna i mallen…', async () => {
        const layout = layoutTemplate(chosen.template);
        const { base64 } = await deps.api.templateWorkbookBase64({
          templateId: chosen.definition.id,
          period: chosen.period.id,
          scope: chosen.scope.id,
        });
        // An existing template sheet is written into, not replaced: the user may have typed in it.
        const written = await showValuesInTemplate(
          {
            base64,
            sheetName: layout.sheetName,
            positions: new Map([...layout.positions].map(([id, p]) => [id, p.a1])),
            replace: false,
          },
          r.values,
          capabilities,
        );
        deps.ctx.announcer.announce(`${written.written} värden skrivna i bladet ”${layout.sheetName}”.`);
      }),
    { class: 'btn' },
  );
  return showInSheet;
}

function step(number: string, title: string, ...children: HTMLElement[]): HTMLElement {
  return h(
    'section',
    { class: 'step' },
    h('h2', {}, h('span', { class: 'step-number', 'aria-hidden': 'true' }, number), title),
    ...children,
  );
}

/**
 * Från egen tabell: the party's own table, one row per participant, mapped to the template and
 * aggregated here, in the pane. Rows stay where they are (the workbook, or this page's memory
 * for a pasted table); only the template's counts are sent, through the same check and send
 * as Rapportera.
 */
export function createOwnTableView(deps: PaneDeps): View {
  const heading = h('h1', { tabindex: -1, id: 'own-heading' }, 'Från egen tabell');
  let target: ChosenTarget | undefined;
  let table: ParticipantTable | undefined;
  let mapping: TableMapping | undefined;
  /** Whether the mapping came from the workbook (or this browser): then its details start folded. */
  let remembered = false;
  let guesses = new Set<string>();

  const tableStatus = h('div', { class: 'step-status', role: 'status' });
  const mappingBox = h('div', { class: 'mapping' });
  const resultBox = h('div', { class: 'result' });
  const panel = new SubmitPanel(submitterDeps(deps));

  const picker = createTargetPicker(deps, {
    // Any template whose cells take the counts: deltagare-avslut, or one added as data like it.
    accept: (t) => aggregatesInto(resolveTemplate(t.definition, deps.forbund, deps.now().getFullYear())),
    onChange: (chosen) => {
      target = chosen;
      resultBox.replaceChildren();
      panel.reset(chosen);
    },
  });

  const renderMapping = (): void => {
    if (!table || !mapping) return;
    const onColumns = (suggested: TableMapping) => {
      if (table) guesses = guessesOf(table, suggested, undefined, deps.forbund.platforms);
      mapping = suggested;
      renderMapping();
    };
    replaceChildren(
      mappingBox,
      ...mappingGroups(table, mapping, { remembered, platforms: deps.forbund.platforms, onColumns, guesses }),
    );
  };

  /** `stored`: the mapping remembered for this table (the workbook's in Excel, else this browser's). */
  const useTable = (read: ParticipantTable, description: string, stored: TableMapping | undefined): void => {
    table = read;
    remembered = stored !== undefined;
    mapping = stored
      ? suggestValues(read, stored, deps.forbund.platforms)
      : suggestMapping(read, deps.forbund.platforms);
    guesses = guessesOf(read, mapping, stored, deps.forbund.platforms);
    replaceChildren(
      tableStatus,
      h(
        'p',
        { class: 'hint' },
        `${description}: ${rows(read.rows.length)}. ` + `${stored ? 'Tidigare koppling hittades och används.' : ''}`,
      ),
    );
    renderMapping();
    deps.ctx.announcer.announce(`Tabellen är inläst, ${rows(read.rows.length)}.`);
  };

  const countButton: HTMLButtonElement = button(
    'Räkna',
    () =>
      void runAction(deps.ctx, countButton, 'Räknar…', async () => {
        if (!target) throw new PaneError('no-target', 'Välj period och plattform först.');
        if (!table || !mapping) throw new PaneError('no-table', 'Läs in tabellen först.');
        if (!mapping.columns.startdatum || !mapping.columns.kon)
          throw new PaneError('mapping-incomplete', 'Välj åtminstone vilka kolumner som har Startdatum och Kön.');
        const span = periodSpan(target.period, target.definition.period.cumulative);
        const result = aggregateParticipants(table, mapping, { span, platform: target.scope.id });
        if (deps.host.kind === 'excel') await saveMapping(mapping, deps.host.capabilities);
        else browserMappingMemory.save(table.headers, mapping);
        const showInSheet = showInTemplateButton(deps, target, result);
        replaceChildren(
          resultBox,
          h('div', { class: 'facts', role: 'status' }, ...countFacts(target, result).map((f) => h('p', {}, f))),
          rejectedRows(result),
          h('h3', {}, 'Detta skickas (bara summor)'),
          reviewTable(target.template, result.values),
          showInSheet ? h('div', { class: 'actions' }, showInSheet) : null,
        );
        await panel.check(result.values);
      }),
    { class: 'btn btn-primary' },
  );

  const body = h(
    'div',
    {},
    h(
      'p',
      { class: 'intro' },
      'Räkna fram mallens siffror ur er egen deltagartabell. Raderna stannar hos er – bara summorna ' +
        'skickas till förbundet.',
    ),
    picker.element,
    step('1', 'Er tabell', tableControls(deps, useTable), tableStatus),
    step('2', 'Koppla kolumner och värden', mappingBox, h('div', { class: 'actions' }, countButton)),
    step('3', 'Granska och skicka in', resultBox, panel.element),
  );
  return {
    id: 'egen-tabell',
    label: 'Från egen tabell',
    heading,
    element: h('section', { class: 'view', id: 'view-egen-tabell', 'aria-labelledby': 'own-heading' }, heading, body),
  };
}
