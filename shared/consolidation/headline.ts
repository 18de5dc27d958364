import { compare } from '../indices/comparison';
import type { FigureTarget } from '../model/year-settings-schema';
import { missing, type Measure } from '../indices/measure';
import { derivedInstances, type DerivedInstance } from './cell-patterns';
import type { ChartSpec } from './report-model';
import { reachesTarget } from './sheet-context';
import { derivedValue, isDerivedHidden, type TemplateFigures } from './template-figures';

/** One figure of Sammanfattning: a scope's figure this year and last, against its target. */
export interface HeadlineRow {
  scopeId: string;
  /** Where it belongs: the group or platform name, or the förbund's. */
  scope: string;
  /**
   * Its source and id, unique per scope (`deltagare-avslut.andel_positiv`, `impactindex.totalt`): its
   * defined name's tail.
   */
  key: string;
  label: string;
  unit: '%' | 'index' | 'tkr';
  current: Measure;
  lastYear: Measure;
  diff: Measure;
  target?: { comparator: 'gte' | 'lte'; value: number };
  /** null when the figure is missing or has no target. */
  reached: boolean | null;
  /** Hidden in the published variant (built on a suppressed count). */
  hidden?: boolean;
}

export function headlineRow(row: Omit<HeadlineRow, 'diff' | 'reached'>): HeadlineRow {
  return { ...row, diff: compare(row.current, row.lastYear).diff, reached: reachesTarget(row.current, row.target) };
}

/** The instance of a derived figure a scope's headline shows: its only one, or its section's last column (Totalt). */
function headlineInstance(figures: TemplateFigures, id: string): DerivedInstance | undefined {
  const instances = derivedInstances(figures.template).filter((i) => i.figure.id === id);
  if (instances.length <= 1) return instances[0];
  const section = figures.template.sections.find((s) => instances[0]!.numerator.startsWith(`${s.id}.`));
  const last = section?.columns[section.columns.length - 1]?.id;
  return instances.find((i) => i.key === last) ?? instances[instances.length - 1];
}

/**
 * A template's headline figures: each derived figure marked `headline`, for every scope, against
 * the target the year's settings give it (`targets`, by `<template>.<figure>`), else the template's.
 */
export function templateHeadline(
  figures: TemplateFigures,
  targets: Readonly<Record<string, FigureTarget>> = {},
): HeadlineRow[] {
  const rows: HeadlineRow[] = [];
  for (const figure of figures.config.derived.filter((d) => d.headline)) {
    const instance = headlineInstance(figures, figure.id);
    if (!instance) continue;
    const target = targets[`${figures.definition.id}.${figure.id}`] ?? figure.target;
    for (const { scope, periods } of figures.scopes) {
      const value = (key: 'current' | 'lastYear') => {
        const at = periods[key];
        return at
          ? derivedValue(figures.template, at.numbers, instance)
          : missing('no-configuration', `${figure.label}, föregående år`);
      };
      const hidden =
        isDerivedHidden(figures, scope.id, 'current', instance) ||
        isDerivedHidden(figures, scope.id, 'lastYear', instance);
      rows.push({
        ...headlineRow({
          scopeId: scope.id,
          scope: scope.name,
          key: `${figures.definition.id}.${figure.id}`,
          label: figure.label,
          unit: '%',
          current: value('current'),
          lastYear: value('lastYear'),
          ...(target ? { target } : {}),
        }),
        ...(hidden ? { hidden } : {}),
      });
    }
  }
  return rows;
}

/** Rows grouped by scope, in the order scopes first appear; each scope's rows keep their order. */
export function groupByScope(rows: readonly HeadlineRow[]): HeadlineRow[] {
  const order: string[] = [];
  for (const r of rows) if (!order.includes(r.scopeId)) order.push(r.scopeId);
  return order.flatMap((id) => rows.filter((r) => r.scopeId === id));
}

/** A chart of one headline figure across the scopes that have it, this year and last. */
export function headlineChart(
  rows: readonly HeadlineRow[],
  key: string,
  years: { current: string; lastYear: string },
): ChartSpec | undefined {
  const own = rows.filter((r) => r.key === key);
  const first = own[0];
  if (!first || first.unit === 'tkr' || own.every((r) => r.current.value === null && r.lastYear.value === null))
    return undefined;
  const unit = first.unit === '%' ? ' %' : '';
  return {
    id: key,
    title: `${first.label}${unit ? ' (%)' : ''}`,
    unit: first.unit,
    categories: own.map((r) => ({ key: r.scopeId, label: r.scope })),
    series: [
      { key: 'current', label: years.current, values: own.map((r) => r.current), hidden: own.map((r) => !!r.hidden) },
      {
        key: 'lastYear',
        label: years.lastYear,
        values: own.map((r) => r.lastYear),
        hidden: own.map((r) => !!r.hidden),
      },
    ],
    ...(first.target
      ? {
          target: {
            value: first.target.value,
            label: `Mål ${first.target.comparator === 'gte' ? '≥' : '≤'} ${first.target.value}${unit}`,
          },
        }
      : {}),
  };
}
