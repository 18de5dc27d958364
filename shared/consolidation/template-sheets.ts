import { isNumericKind, type CellKind } from '../model/cell-kind';
import type { LayoutBlock } from '../model/consolidation-schema';
import type { ResolvedCell, ResolvedSection } from '../model/resolve';
import { compare } from '../indices/comparison';
import { difference, known, missing, type Measure } from '../indices/measure';
import { cellRoles, derivedDirection, derivedInstances, type DerivedInstance } from './cell-patterns';
import { figureName, figureNameIn, NAME_SUFFIX } from './figure-names';
import { isSum, type ReportScope } from './report-scopes';
import { figure, text, type ReportBlock, type ReportCell, type ReportRow, type ReportSheet } from './report-model';
import {
  comparedHeading,
  DIFF_FORMAT,
  goodChange,
  periodHeading,
  reachesTarget,
  VALUE_FORMAT,
  type SheetContext,
} from './sheet-context';
import {
  derivedValue,
  hiddenKey,
  isDerivedHidden,
  type PeriodFigures,
  type PeriodKey,
  type ScopeFigures,
  type TemplateFigures,
} from './template-figures';

/**
 * Any template's consolidated sheets, from its definition alone: platform templates get a sheet
 * per scope (sums first), kommun templates one sheet with a table per indicator and the kommuner
 * as rows, förbund templates one sheet. Where several templates have a sheet per scope, each tab
 * says whose it is (`sharesScopeTabs`). Each section is a table with its comparisons and, where
 * declared, a % column; derived figures no block shows are listed as Nyckeltal.
 */
export function templateSheets(
  figures: TemplateFigures,
  ctx: SheetContext,
  options: { sharesScopeTabs?: boolean } = {},
): ReportSheet[] {
  const { definition, config } = figures;
  const title = config.title ?? definition.title;
  if (definition.scope === 'kommun') {
    return [
      {
        id: definition.id,
        tab: config.sheetName ?? definition.sheetName,
        title,
        subtitle: [ctx.reportLine, comparisonLine(figures)],
        blocks: scopesAsRows(figures, ctx),
        labelColumns: 1,
        labelWidth: 24,
      },
    ];
  }
  const single = figures.scopes.length === 1;
  return figures.scopes.map((scopeFigures) => {
    const { scope } = scopeFigures;
    const subtitle = [ctx.reportLine];
    if (isSum(scope))
      subtitle.push(`Summan av ${scope.members.map((m) => m.name).join(', ')}; andelarna räknas ur summorna.`);
    return {
      id: `${definition.id}.${scope.id}`,
      // A scope's tab is its name, unless another template has sheets per scope too.
      tab: single
        ? (config.sheetName ?? definition.sheetName)
        : options.sharesScopeTabs
          ? `${scope.shortName} ${config.sheetName ?? definition.sheetName}`
          : scope.shortName,
      title: single ? title : `${scope.name} – ${title}`,
      subtitle,
      blocks: scopeBlocks(figures, scopeFigures, ctx),
      labelColumns: 1,
      labelWidth: 30,
    };
  });
}

function comparisonLine(figures: TemplateFigures): string {
  const { current, lastYear } = figures.periods;
  if (!current) return '';
  const parts = [periodHeading(current)];
  if (lastYear) parts.push(`jämfört med ${periodHeading(lastYear)}`);
  return `${parts.join(' ')}. Tomt underlag visas som ”saknas”, aldrig som 0.`;
}

function defaultLayout(figures: TemplateFigures): LayoutBlock[] {
  const instances = derivedInstances(figures.template);
  return figures.template.sections.map((section): LayoutBlock => {
    const shown = instances.filter((i) => i.shownOn.startsWith(`${section.id}.`)).map((i) => i.shownOn.split('.')[2]);
    const last = [...section.columns].reverse().find((c) => shown.includes(c.id));
    return {
      block: 'section',
      section: section.id,
      transpose: false,
      derived: [],
      ...(last ? { percentOf: last.id } : {}),
    };
  });
}

/** Which periods a block compares with: last year, and the previous tertial where anything was reported for it. */
function comparedPeriods(figures: TemplateFigures): PeriodKey[] {
  const keys: PeriodKey[] = [];
  if (figures.periods.lastYear) keys.push('lastYear');
  if (figures.periods.previousTertial && figures.scopes.some((s) => s.periods.previousTertial?.reported))
    keys.push('previousTertial');
  return keys;
}

interface BlockScope {
  figures: TemplateFigures;
  scope: ReportScope;
  at: Partial<Record<PeriodKey, PeriodFigures>>;
  ctx: SheetContext;
  /** The figure's defined name. */
  name(figureId: string, period: PeriodKey | 'diffLastYear' | 'diffPreviousTertial'): string;
  hidden(period: PeriodKey, cell: string): boolean;
}

function blockScope(figures: TemplateFigures, scopeFigures: ScopeFigures, ctx: SheetContext): BlockScope {
  const { scope, periods } = scopeFigures;
  const prefix = figureName(figures.definition.id, scope.id);
  return {
    figures,
    scope,
    at: periods,
    ctx,
    name: (figureId, period) => figureNameIn(prefix, figureId, NAME_SUFFIX[period]),
    // The internal variant hides nothing: no key to build for each figure.
    hidden:
      figures.hidden.size === 0 ? () => false : (period, cell) => figures.hidden.has(hiddenKey(scope.id, period, cell)),
  };
}

function scopeBlocks(figures: TemplateFigures, scopeFigures: ScopeFigures, ctx: SheetContext): ReportBlock[] {
  const layout = figures.config.layout ?? defaultLayout(figures);
  const s = blockScope(figures, scopeFigures, ctx);
  const shown = new Set<DerivedInstance>();
  const blocks = layout.flatMap((block): ReportBlock[] => {
    switch (block.block) {
      case 'section': {
        const section = figures.template.sections.find((x) => x.id === block.section);
        if (!section) return [];
        return [block.transpose ? transposedBlock(s, section, block, shown) : sectionBlock(s, section, block, shown)];
      }
      case 'derived':
        return [derivedBlock(s, block, shown)];
      case 'choices': {
        const section = figures.template.sections.find((x) => x.id === block.section);
        return section && !isSum(s.scope) ? [choicesBlock(s, section, block)] : [];
      }
    }
  });
  const rest = derivedInstances(figures.template).filter((i) => !shown.has(i));
  if (rest.length > 0) blocks.push(keyFigures(s, rest));
  return blocks;
}

// ---- cells ------------------------------------------------------------------------------------

type NumericKind = Exclude<CellKind, 'text' | 'choice'>;

function valueAt(s: BlockScope, period: PeriodKey, cell: ResolvedCell): Measure {
  const at = s.at[period];
  if (!at) return missing('no-configuration', `${cell.rowLabel} (${cell.columnLabel})`);
  return (
    at.numbers.get(cell.id) ??
    missing('not-reported', `${cell.rowLabel} (${cell.columnLabel}), ${s.scope.name}, ${at.period}`)
  );
}

/** A value of a sum that is not defined for it (a share of a group): shown as an empty cell. */
function undefinedForSum(s: BlockScope, cell: ResolvedCell): boolean {
  if (!isSum(s.scope) || !isNumericKind(cell.spec.kind)) return isSum(s.scope);
  const roles = cellRoles(s.figures.template);
  return !roles.additive.has(cell.id) && !roles.weightedBy.has(cell.id);
}

function valueCell(s: BlockScope, cell: ResolvedCell | undefined): ReportCell {
  if (!cell || undefinedForSum(s, cell)) return null;
  if (!isNumericKind(cell.spec.kind)) {
    if (s.ctx.published && cell.spec.kind === 'text') return null;
    const answer = s.at.current?.texts.get(cell.id);
    return answer === undefined ? null : text(answer, { wrap: cell.spec.kind === 'text' });
  }
  return figure(valueAt(s, 'current', cell), VALUE_FORMAT[cell.spec.kind as NumericKind], s.name(cell.id, 'current'), {
    hidden: s.hidden('current', cell.id),
  });
}

function comparedCells(s: BlockScope, cell: ResolvedCell | undefined, period: PeriodKey, direction?: 'up' | 'down') {
  if (!cell || undefinedForSum(s, cell) || !isNumericKind(cell.spec.kind)) return { then: null, diff: null };
  const kind = cell.spec.kind as NumericKind;
  const now = valueAt(s, 'current', cell);
  const then = valueAt(s, period, cell);
  const hiddenThen = s.hidden(period, cell.id);
  const change = compare(now, then, direction);
  return {
    then: figure(then, VALUE_FORMAT[kind], s.name(cell.id, period), { hidden: hiddenThen }),
    diff: figure(
      change.diff,
      DIFF_FORMAT[kind],
      s.name(cell.id, period === 'lastYear' ? 'diffLastYear' : 'diffPreviousTertial'),
      {
        hidden: hiddenThen || s.hidden('current', cell.id),
        good: goodChange(change),
      },
    ),
  };
}

function derivedAt(s: BlockScope, period: PeriodKey, instance: DerivedInstance): Measure {
  const at = s.at[period];
  return at
    ? derivedValue(s.figures.template, at.numbers, instance)
    : missing('no-configuration', instance.figure.label);
}

const derivedId = (i: DerivedInstance) => (i.key ? `${i.figure.id}.${i.key}` : i.figure.id);

function derivedCell(s: BlockScope, instance: DerivedInstance | undefined, period: PeriodKey = 'current'): ReportCell {
  if (!instance) return null;
  const value = derivedAt(s, period, instance);
  return figure(value, 'percent', s.name(derivedId(instance), period), {
    hidden: isDerivedHidden(s.figures, s.scope.id, period, instance),
    good: period === 'current' ? reachesTarget(value, instance.figure.target) : null,
  });
}

function derivedDiff(s: BlockScope, instance: DerivedInstance | undefined, period: PeriodKey): ReportCell {
  if (!instance) return null;
  const change = compare(
    derivedAt(s, 'current', instance),
    derivedAt(s, period, instance),
    derivedDirection(instance.figure),
  );
  return figure(change.diff, 'points', s.name(derivedId(instance), DIFF_SUFFIX_KEY[period]), {
    hidden:
      isDerivedHidden(s.figures, s.scope.id, 'current', instance) ||
      isDerivedHidden(s.figures, s.scope.id, period, instance),
    good: goodChange(change),
  });
}

const DIFF_SUFFIX_KEY = {
  lastYear: 'diffLastYear',
  previousTertial: 'diffPreviousTertial',
  current: 'current',
} as const;

// ---- blocks -----------------------------------------------------------------------------------

function lastNumericColumn(s: BlockScope, section: ResolvedSection): string | undefined {
  const numeric = section.columns.filter((c) =>
    section.rows.some((r) => r.cells.some((cell) => cell.column === c.id && isNumericKind(cell.spec.kind))),
  );
  return numeric[numeric.length - 1]?.id;
}

function sectionBlock(
  s: BlockScope,
  section: ResolvedSection,
  block: Extract<LayoutBlock, { block: 'section' }>,
  shown: Set<DerivedInstance>,
): ReportBlock {
  const { figures } = s;
  const columns = section.columns.filter(
    (c) =>
      !(s.ctx.published && section.rows.every((r) => r.cells.find((x) => x.column === c.id)?.spec.kind === 'text')),
  );
  const compared = block.compare ?? [lastNumericColumn(s, section)].filter((c): c is string => c !== undefined);
  const periods = comparedPeriods(figures);
  const instances = derivedInstances(figures.template);
  // A % column shows shares within the table: both parts of the ratio in this section.
  const percentOn = (rowId: string) =>
    block.percentOf
      ? instances.find(
          (i) =>
            i.shownOn === `${section.id}.${rowId}.${block.percentOf}` && i.denominator.startsWith(`${section.id}.`),
        )
      : undefined;
  const current = figures.periods.current ?? '';
  const label = (id: string) => section.columns.find((c) => c.id === id)?.label ?? id;
  const one = columns.length === 1;

  const header = ['', ...columns.map((c) => c.label)];
  if (block.percentOf) header.push('%');
  for (const period of periods) {
    const heading = comparedHeading(figures.periods[period] ?? '', current);
    const diff = periods.length > 1 ? ` ${heading}` : '';
    header.push(...compared.map((c) => (one ? heading : `${label(c)} ${heading}`)));
    if (block.percentOf) header.push(`% ${heading}`);
    header.push(
      ...compared.map((c) => (one && !block.percentOf ? `Diff${diff}` : `Diff ${label(c).toLowerCase()}${diff}`)),
    );
    if (block.percentOf) header.push(`Diff p.e.${diff}`);
  }

  const rows = section.rows.map((row): ReportRow => {
    const cellOf = (column: string) => row.cells.find((c) => c.column === column);
    const cells: ReportCell[] = [text(row.label, { indent: row.indent })];
    cells.push(...columns.map((c) => valueCell(s, cellOf(c.id))));
    const percent = percentOn(row.id);
    if (percent) shown.add(percent);
    if (block.percentOf) cells.push(derivedCell(s, percent));
    for (const period of periods) {
      const pairs = compared.map((c) => comparedCells(s, cellOf(c), period, row.direction));
      cells.push(...pairs.map((p) => p.then));
      if (block.percentOf) cells.push(derivedCell(s, percent, period));
      cells.push(...pairs.map((p) => p.diff));
      if (block.percentOf) cells.push(derivedDiff(s, percent, period));
    }
    return { cells };
  });
  return sectionTable(section, block, header, rows);
}

/** A section's table under its block's title (the section's, unless the layout names another) and footnote. */
function sectionTable(
  section: ResolvedSection,
  block: Extract<LayoutBlock, { block: 'section' }>,
  header: string[],
  rows: ReportRow[],
): ReportBlock {
  return {
    title: block.title ?? section.title,
    header,
    rows,
    ...(block.footnote ? { footnotes: [block.footnote] } : {}),
  };
}

function transposedBlock(
  s: BlockScope,
  section: ResolvedSection,
  block: Extract<LayoutBlock, { block: 'section' }>,
  shown: Set<DerivedInstance>,
): ReportBlock {
  const { figures } = s;
  const periods = comparedPeriods(figures);
  const current = figures.periods.current ?? '';
  const instances = derivedInstances(figures.template).filter((i) => block.derived.includes(i.figure.id));
  const header = ['', ...section.rows.map((r) => r.label)];
  for (const id of block.derived) {
    const label = instances.find((i) => i.figure.id === id)?.figure.label ?? id;
    header.push(label);
    for (const period of periods) {
      const heading = comparedHeading(figures.periods[period] ?? '', current);
      header.push(`${label} ${heading}`, periods.length > 1 ? `Diff p.e. ${heading}` : 'Diff p.e.');
    }
  }
  const rows = section.columns.map((column): ReportRow => {
    const cells: ReportCell[] = [text(column.label)];
    for (const row of section.rows)
      cells.push(
        valueCell(
          s,
          row.cells.find((c) => c.column === column.id),
        ),
      );
    for (const id of block.derived) {
      const instance = instances.find((i) => i.figure.id === id && i.key === column.id);
      if (instance) shown.add(instance);
      cells.push(derivedCell(s, instance));
      for (const period of periods) cells.push(derivedCell(s, instance, period), derivedDiff(s, instance, period));
    }
    return { cells };
  });
  return sectionTable(section, block, header, rows);
}

function derivedBlock(
  s: BlockScope,
  block: Extract<LayoutBlock, { block: 'derived' }>,
  shown: Set<DerivedInstance>,
): ReportBlock {
  const { figures } = s;
  const instances = derivedInstances(figures.template);
  const current = periodHeading(figures.periods.current ?? '');
  const lastYear = figures.periods.lastYear
    ? comparedHeading(figures.periods.lastYear, figures.periods.current ?? '')
    : undefined;
  const columnLabel = (id: string) =>
    figures.template.cellById.get(instances.find((i) => i.key === id)?.numerator ?? '')?.columnLabel ?? id;
  const [first, second] = block.columns;
  const header = ['Andel', ...block.columns.map((c) => `${columnLabel(c)} ${current}`)];
  if (block.gap && first && second) {
    header.push(`Skillnad ${columnLabel(first)} − ${columnLabel(second)} (p.e.)`);
    if (lastYear) header.push(`Skillnad ${lastYear}`);
  }
  const rows = block.derived.map((id): ReportRow => {
    const of = (key: string | undefined) => instances.find((i) => i.figure.id === id && i.key === key);
    const cells: ReportCell[] = [text(of(first)?.figure.label ?? id)];
    for (const c of block.columns) {
      const instance = of(c);
      if (instance) shown.add(instance);
      cells.push(derivedCell(s, instance));
    }
    if (block.gap && first && second) {
      const a = of(first);
      const b = of(second);
      for (const period of lastYear ? (['current', 'lastYear'] as const) : (['current'] as const)) {
        const gap =
          a && b ? difference(derivedAt(s, period, a), derivedAt(s, period, b)) : missing('no-configuration', id);
        const hidden =
          !!a &&
          !!b &&
          (isDerivedHidden(figures, s.scope.id, period, a) || isDerivedHidden(figures, s.scope.id, period, b));
        cells.push(figure(gap, 'points', s.name(`${id}.skillnad_${first}_${second}`, period), { hidden }));
      }
    }
    return { cells };
  });
  return { title: block.title, header, rows, ...(block.footnote ? { footnotes: [block.footnote] } : {}) };
}

function choicesBlock(
  s: BlockScope,
  section: ResolvedSection,
  block: Extract<LayoutBlock, { block: 'choices' }>,
): ReportBlock {
  const cells = section.rows.map((r) => r.cells.find((c) => c.column === block.column)).filter((c) => c !== undefined);
  const choices = cells[0]?.spec.choices ?? [];
  const answers = cells.map((c) => s.at.current?.texts.get(c.id));
  const count = (choice: string | undefined) => known(answers.filter((a) => a === choice).length);
  const name = (suffix: string) => s.name(`${section.id}.${block.column}.${suffix}`, 'current');
  const rows: ReportRow[] = choices.map((choice, i) => ({
    cells: [text(choice), figure(count(choice), 'count', name(`val_${i + 1}`))],
  }));
  rows.push({ cells: [text('Ej angivet'), figure(count(undefined), 'count', name('ej_angivet'))] });
  rows.push({
    cells: [text('Totalt', { bold: true }), figure(known(answers.length), 'count', name('totalt'), { bold: true })],
  });
  return { title: block.title, header: ['', 'Antal'], rows };
}

function keyFigures(s: BlockScope, instances: readonly DerivedInstance[]): ReportBlock {
  const periods = comparedPeriods(s.figures);
  const current = s.figures.periods.current ?? '';
  const header = ['Nyckeltal', periodHeading(current)];
  for (const period of periods) {
    const heading = comparedHeading(s.figures.periods[period] ?? '', current);
    header.push(heading, periods.length > 1 ? `Diff p.e. ${heading}` : 'Diff p.e.');
  }
  const rows = instances.map((instance): ReportRow => {
    const label = instance.key ? `${instance.figure.label}: ${labelOfKey(s.figures, instance)}` : instance.figure.label;
    const cells: ReportCell[] = [text(label), derivedCell(s, instance)];
    for (const period of periods) cells.push(derivedCell(s, instance, period), derivedDiff(s, instance, period));
    return { cells };
  });
  return { title: 'Nyckeltal', header, rows, footnotes: ['Andelar räknas ur antalen, för grupper ur summorna.'] };
}

function labelOfKey(figures: TemplateFigures, instance: DerivedInstance): string {
  const cell = figures.template.cellById.get(instance.numerator);
  const [, row] = instance.figure.numerator.split('.');
  return (row === '*' ? cell?.rowLabel : cell?.columnLabel) ?? instance.key;
}

// ---- kommun templates: one table per row, the kommuner as rows ------------------------------------

const DIRECTION_TEXT = { up: 'ökning är bra', down: 'minskning är bra' } as const;

function scopesAsRows(figures: TemplateFigures, ctx: SheetContext): ReportBlock[] {
  const periods = comparedPeriods(figures);
  const current = figures.periods.current ?? '';
  const roles = cellRoles(figures.template);
  const blocks: ReportBlock[] = [];
  const headings = (prefix: string, diff: string) => [
    ...[...periods].reverse().map((p) => `${prefix}${comparedHeading(figures.periods[p] ?? '', current)}`),
    `${prefix}${periodHeading(current)}`,
    ...periods.map(
      (p) => `${prefix}${diff}${periods.length > 1 ? ` ${comparedHeading(figures.periods[p] ?? '', current)}` : ''}`,
    ),
  ];
  const scopeLabel = (scope: ReportScope) => text(scope.shortName, { bold: isSum(scope) });
  for (const section of figures.template.sections) {
    const many = section.columns.length > 1;
    for (const row of section.rows) {
      const details = [row.unit, row.direction ? DIRECTION_TEXT[row.direction] : undefined].filter(Boolean).join('; ');
      // A sum is shown only where the row adds up (counts) or has a declared weighted mean.
      const sums = row.cells.some((c) => roles.additive.has(c.id) || roles.weightedBy.has(c.id));
      blocks.push({
        title: details ? `${row.label} (${details})` : row.label,
        header: ['', ...section.columns.flatMap((c) => headings(many ? `${c.label} ` : '', 'Diff'))],
        rows: figures.scopes
          .filter((f) => sums || !isSum(f.scope))
          .map((scopeFigures): ReportRow => {
            const s = blockScope(figures, scopeFigures, ctx);
            const cells: ReportCell[] = [scopeLabel(scopeFigures.scope)];
            for (const cell of section.columns.map((c) => row.cells.find((x) => x.column === c.id))) {
              const pairs = periods.map((p) => comparedCells(s, cell, p, row.direction));
              cells.push(...[...pairs].reverse().map((p) => p.then), valueCell(s, cell), ...pairs.map((p) => p.diff));
            }
            return { cells };
          }),
      });
    }
  }
  for (const instance of derivedInstances(figures.template)) {
    blocks.push({
      title: instance.key ? `${instance.figure.label}: ${labelOfKey(figures, instance)}` : instance.figure.label,
      header: ['', ...headings('', 'Diff p.e.')],
      rows: figures.scopes.map((scopeFigures): ReportRow => {
        const s = blockScope(figures, scopeFigures, ctx);
        return {
          cells: [
            scopeLabel(scopeFigures.scope),
            ...[...periods].reverse().map((p) => derivedCell(s, instance, p)),
            derivedCell(s, instance),
            ...periods.map((p) => derivedDiff(s, instance, p)),
          ],
        };
      }),
    });
  }
  return blocks;
}
