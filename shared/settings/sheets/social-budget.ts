import type { ImpactIndicator, IndicatorTarget, SocialBudget } from '../../model/forbund-schema';
import { elementIdSchema } from '../../model/ids';
import { yearSettings } from '../document';
import type { SettingsSheet, SheetInput, SheetPatch } from '../sheet';
import { carryOver, num, offsetOf, text } from '../sheet';

/** The word in Källa for indicators reported in the Impactindex input template. */
export const INPUT_SOURCE = 'inmatning';

const TARGET_CHOICES = [
  { value: 'gte', label: '≥ målvärdet' },
  { value: 'lte', label: '≤ målvärdet' },
  { value: 'up', label: 'högre än i fjol' },
  { value: 'down', label: 'lägre än i fjol' },
] as const;

const AREA_COLUMN: Record<string, string> = { id: 'id', name: 'name', points: 'points' };
const INDICATOR_COLUMN: Record<string, string> = {
  id: 'id',
  area: 'area',
  label: 'label',
  weight: 'weight',
  unit: 'unit',
  target: 'targetType',
  source: 'source',
};

function indicatorTarget(type: unknown, value: number | undefined): IndicatorTarget {
  if (type === 'up' || type === 'down') return { type: 'better-than-last-year', direction: type };
  return { type: 'threshold', comparator: type === 'lte' ? 'lte' : 'gte', value: value as number };
}

/**
 * The social budget is read from two sheets; each puts its part into the year's budget and keeps
 * the other's (and anything the workbook does not show, such as published figures) from the base.
 */
function budgetPatch(base: SocialBudget | undefined, part: Partial<SocialBudget>, present: boolean): SheetPatch {
  if (!present && !base) return {};
  const merged = { ...base, ...part } as SocialBudget;
  const empty = merged.areas?.length === 0 && merged.indicators?.length === 0 && merged.targetIndex === undefined;
  return { year: { socialBudget: empty ? undefined : merged } };
}

/** Målområden: the social budget's goal areas, their index points, and the Impactindex target. */
export const areasSheet: SettingsSheet = {
  layout: {
    sheetName: 'Målområden',
    title: 'Social budget: målområden',
    help:
      'Målområdena i årets sociala budget och deras indexpoäng. Indikatorernas vikter i ett målområde ska ' +
      'summera till områdets poäng, med ±5 % marginal. Töm bladen Målområden och Indikatorer om året saknar ' +
      'social budget.',
    fields: [{ id: 'impactindex', label: 'Mål för Impactindex', kind: 'number', min: 0, max: 100 }],
    table: {
      id: 'omraden',
      key: 'id',
      capacity: 20,
      columns: [
        { key: 'id', header: 'Id', kind: 'text', width: 22, required: true, pattern: elementIdSchema },
        { key: 'name', header: 'Målområde', kind: 'text', width: 40, required: true },
        { key: 'points', header: 'Indexpoäng', kind: 'number', width: 12, required: true, min: 0 },
      ],
    },
  },
  write(document) {
    const budget = yearSettings(document).socialBudget;
    return {
      fields: { impactindex: budget?.targetIndex ?? null },
      rows: (budget?.areas ?? []).map((a) => ({ id: a.id, name: a.name, points: a.points })),
    };
  },
  read(input, base) {
    const areas = input.rows.map(({ values }) => ({
      id: text(values.id) ?? '',
      name: text(values.name) ?? '',
      points: num(values.points) as number,
    }));
    const budget = yearSettings(base).socialBudget;
    const targetIndex = num(input.fields.impactindex);
    return budgetPatch(
      budget,
      { areas: carryOver(budget?.areas, areas), targetIndex: targetIndex as number },
      areas.length > 0 || targetIndex !== undefined,
    );
  },
  locate(path, input: SheetInput) {
    if (path[0] !== 'year' || path[1] !== 'socialBudget') return undefined;
    if (path[2] === 'targetIndex') return { field: 'impactindex' };
    if (path[2] !== 'areas') return undefined;
    return path.length === 3 ? {} : { offset: offsetOf(input, path[3]), column: AREA_COLUMN[String(path[4])] };
  },
};

/** Indikatorer: the social budget's weighted indicators, their targets and where each value comes from. */
export const indicatorsSheet: SettingsSheet = {
  layout: {
    sheetName: 'Indikatorer',
    title: 'Social budget: indikatorer',
    help:
      'Varje indikator hör till ett målområde (id från bladet Målområden) och har en vikt 1–10. Källa är ' +
      `”${INPUT_SOURCE}” när värdet lämnas i mallen för Impactindex, annars en formel som Samlad beräknar, ` +
      't.ex. andel_positiv_losning eller helarsekvivalenter_andel:<kommunens id från Parter och kommuner>.',
    fields: [],
    table: {
      id: 'indikatorer',
      key: 'id',
      capacity: 300,
      columns: [
        { key: 'id', header: 'Id', kind: 'text', width: 24, required: true, pattern: elementIdSchema },
        { key: 'area', header: 'Målområde', kind: 'text', width: 20, required: true, pattern: elementIdSchema },
        { key: 'label', header: 'Indikator', kind: 'text', width: 60, required: true },
        { key: 'weight', header: 'Vikt', kind: 'number', width: 8, required: true, min: 1, max: 10 },
        { key: 'unit', header: 'Enhet', kind: 'text', width: 14 },
        { key: 'targetType', header: 'Mål', kind: 'choice', width: 18, required: true, choices: TARGET_CHOICES },
        { key: 'targetValue', header: 'Målvärde', kind: 'number', width: 10 },
        { key: 'source', header: 'Källa', kind: 'text', width: 36, required: true },
      ],
    },
  },
  write(document) {
    const indicators = yearSettings(document).socialBudget?.indicators ?? [];
    return {
      fields: {},
      rows: indicators.map((i) => ({
        id: i.id,
        area: i.area,
        label: i.label,
        weight: i.weight,
        unit: i.unit ?? null,
        targetType: i.target.type === 'threshold' ? i.target.comparator : i.target.direction,
        targetValue: i.target.type === 'threshold' ? i.target.value : null,
        source: i.source === 'input' ? INPUT_SOURCE : i.source.formula,
      })),
    };
  },
  read(input, base) {
    const indicators = input.rows.map(({ values }): ImpactIndicator => {
      const source = text(values.source) ?? '';
      return {
        id: text(values.id) ?? '',
        area: text(values.area) ?? '',
        label: text(values.label) ?? '',
        weight: num(values.weight) as number,
        unit: text(values.unit),
        target: indicatorTarget(values.targetType, num(values.targetValue)),
        source: source.toLowerCase() === INPUT_SOURCE ? 'input' : { formula: source },
      };
    });
    const budget = yearSettings(base).socialBudget;
    return budgetPatch(budget, { indicators: carryOver(budget?.indicators, indicators) }, indicators.length > 0);
  },
  locate(path, input) {
    if (path[0] !== 'year' || path[1] !== 'socialBudget' || path[2] !== 'indicators') return undefined;
    if (path.length === 3) return { column: 'weight' };
    const column = path[5] === 'value' ? 'targetValue' : INDICATOR_COLUMN[String(path[4])];
    return { offset: offsetOf(input, path[3]), column };
  },
};
