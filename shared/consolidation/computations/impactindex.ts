import type { ForbundConfig, ImpactIndicator, IndicatorTarget, SocialBudget } from '../../model/forbund-schema';
import { findParty } from '../../model/selectors';
import type { CellMeasures } from '../../indices/cell-measures';
import { evaluateFormula, type FormulaContext, type FormulaYear } from '../../indices/formulas';
import { haeFigures, haeRowId } from '../../indices/helarsekvivalenter';
import {
  impactIndex,
  totalFromAreaIndices,
  type ImpactIndexResult,
  type IndicatorStatus,
} from '../../indices/impact-index';
import { difference, firstMissing, known, missing, type Measure } from '../../indices/measure';
import { participantCount } from '../../indices/outcome-rates';
import { periodFor } from '../../indices/report-periods';
import { figureName, NAME_SUFFIX } from '../figure-names';
import { headlineRow, type HeadlineRow } from '../headline';
import { figure, text, type ChartSpec, type ReportBlock, type ReportCell, type ReportRow } from '../report-model';
import { isSum, reportScopes, type ReportScope } from '../report-scopes';
import { svNumber } from '../sheet-context';
import { COMPUTATION_INPUTS } from './catalogue';
import type { Computation, ComputationContext } from './computation';

/**
 * Impactindex (seed 004, Bilaga 1) per platform and group, this year and last, each judged
 * against its own year's social budget: indicators with a formula are computed from other
 * templates' figures (participants, strategic indicators, helårsekvivalenter — the `inputs`),
 * the rest are the platforms' survey inputs in this computation's own template.
 */

export interface ImpactScope {
  id: string;
  name: string;
  shortName: string;
  current?: ImpactIndexResult;
  lastYear?: ImpactIndexResult;
}

export interface ImpactSection {
  budget?: SocialBudget;
  lastYearBudget?: SocialBudget;
  /** Why there is no index, when there is none (no social budget for the year). */
  missing?: string;
  lastYearMissing?: string;
  scopes: ImpactScope[];
}

/** One year of figures, as the Impactindex of any scope reads them. */
interface ImpactYearData {
  year: number;
  budget?: SocialBudget;
  participants(scope: ReportScope): CellMeasures;
  inputs(platform: ReportScope): CellMeasures;
  helarsekvivalenterShare(kommun: string): Measure;
  strategicIndicator(kommun: string, row: string): Measure;
  /** Input indicators' values worked out, by scope: each is asked for as this year's and as next year's last year. */
  inputValues: WeakMap<ReportScope, Map<ImpactIndicator, Measure>>;
}

function yearData(context: ComputationContext, offset: number): ImpactYearData {
  const { input, source, inputs, template } = context;
  const { forbund, period } = input;
  const year = period.year + offset;
  const kindOf = (templateId: string) => source.sources.template(templateId, year)?.definition.period.kind ?? 'year';
  // Every indicator of every scope asks for the same few tables: look each up once per scope object.
  const tables = new Map<string, WeakMap<ReportScope, CellMeasures>>();
  const at = (templateId: string | undefined, scope: ReportScope): CellMeasures => {
    if (!templateId) return new Map();
    let byScope = tables.get(templateId);
    if (!byScope) tables.set(templateId, (byScope = new WeakMap()));
    let table = byScope.get(scope);
    if (!table)
      byScope.set(scope, (table = source.at(templateId, periodFor(period, kindOf(templateId), offset), scope).numbers));
    return table;
  };
  const shares = new Map<string, Measure>();
  const kommuner = new Map<string, ReportScope>();
  const kommun = (id: string): ReportScope => {
    let own = kommuner.get(id);
    if (!own) {
      const scope = { id, name: findParty(forbund, id)?.name ?? id, kind: 'kommun' as const };
      kommuner.set(id, (own = { ...scope, shortName: scope.name, members: [scope] }));
    }
    return own;
  };
  const whole: ReportScope = {
    id: forbund.id,
    name: forbund.name,
    shortName: forbund.shortName,
    kind: 'forbund',
    members: [{ id: forbund.id, name: forbund.name, kind: 'forbund' }],
  };
  const strategicIndicator = (k: string, row: string): Measure => {
    const table = at(inputs.indicators, kommun(k));
    return table.get(`indikatorer.${row}.varde`) ?? missing('not-reported', `${row}, ${kommun(k).name} ${year}`);
  };
  return {
    year,
    inputValues: new WeakMap(),
    budget: forbund.years[String(year)]?.socialBudget,
    participants: (scope) => at(inputs.participants, scope),
    inputs: (platform) => at(template.definition.id, platform),
    // SCB's counts where imported; else the share kansliet entered among the strategic indicators.
    helarsekvivalenterShare: (k) => {
      let share = shares.get(k);
      if (!share) {
        const party = findParty(forbund, k);
        const counts = at(inputs.helarsekvivalenter, whole);
        const fromCounts = party
          ? haeFigures(counts, haeRowId(party.id), party.name).total.share
          : missing('not-reported', k);
        share = fromCounts.value !== null ? fromCounts : strategicIndicator(k, 'helarsekvivalenter');
        shares.set(k, share);
      }
      return share;
    },
    strategicIndicator,
  };
}

/** The kommuner whose own figures count for a scope: the kommuner running its platforms. */
function kommunerOf(scope: ReportScope, forbund: ForbundConfig): string[] {
  const platforms = scope.members.map((m) => m.id);
  const reporters = new Set(forbund.platforms.filter((p) => platforms.includes(p.id)).flatMap((p) => p.reportedBy));
  return forbund.parties.filter((p) => p.kind === 'kommun' && reporters.has(p.id)).map((p) => p.id);
}

/** A sum's members as scopes of their own, made once per member so lookups can key on them. */
const singles = new WeakMap<ReportScope['members'][number], ReportScope>();
function single(scope: ReportScope['members'][number]): ReportScope {
  let own = singles.get(scope);
  if (!own)
    singles.set(
      scope,
      (own = { id: scope.id, name: scope.name, shortName: scope.name, kind: scope.kind, members: [scope] }),
    );
  return own;
}

/** A platform's participants, the weight of its survey answers: counted once per table. */
const participantWeights = new WeakMap<CellMeasures, Measure>();
function participantsOf(platform: ReportScope, data: ImpactYearData): Measure {
  const table = data.participants(platform);
  let weight = participantWeights.get(table);
  if (!weight) participantWeights.set(table, (weight = participantCount(table, 'antal')));
  return weight;
}

/**
 * An 'input' indicator (a survey result) for a platform is the value it reported; for a group,
 * the mean of its platforms' values weighted by their participants. Survey answers do not
 * arrive as counts, so the weighting stands in for pooling the respondents (a method note says
 * so). Missing for any platform makes the group's value missing.
 */
function inputValue(indicator: ImpactIndicator, scope: ReportScope, data: ImpactYearData): Measure {
  let values = data.inputValues.get(scope);
  if (!values) data.inputValues.set(scope, (values = new Map()));
  let value = values.get(indicator);
  if (!value) values.set(indicator, (value = computeInputValue(indicator, scope, data)));
  return value;
}

function computeInputValue(indicator: ImpactIndicator, scope: ReportScope, data: ImpactYearData): Measure {
  const cell = `${indicator.area}.${indicator.id}.varde`;
  if (!isSum(scope))
    return data.inputs(scope).get(cell) ?? missing('not-reported', `${indicator.label}, ${scope.name}`);
  const parts = scope.members
    .map(single)
    .map((p) => ({ value: inputValue(indicator, p, data), weight: participantsOf(p, data) }));
  const gap = firstMissing(...parts.flatMap((p) => [p.value, p.weight]));
  if (gap) return gap;
  const weights = parts.reduce((acc, p) => acc + (p.weight.value as number), 0);
  if (weights === 0) return known(parts.reduce((acc, p) => acc + (p.value.value as number), 0) / parts.length);
  return known(parts.reduce((acc, p) => acc + (p.value.value as number) * (p.weight.value as number), 0) / weights);
}

function formulaYear(data: ImpactYearData, scope: ReportScope): FormulaYear {
  return {
    participants: data.participants(scope),
    helarsekvivalenterShare: (k) => data.helarsekvivalenterShare(k),
    strategicIndicator: (k, r) => data.strategicIndicator(k, r),
  };
}

/** One scope's Impactindex for `data.year`, judged against that year's social budget. */
function scopeImpactIndex(
  scope: ReportScope,
  forbund: ForbundConfig,
  data: ImpactYearData,
  previous: ImpactYearData,
): ImpactIndexResult | undefined {
  const budget = data.budget;
  if (!budget) return undefined;
  const context: FormulaContext = {
    kommuner: kommunerOf(scope, forbund),
    current: formulaYear(data, scope),
    lastYear: formulaYear(previous, scope),
  };
  return impactIndex(
    budget,
    (indicator) =>
      evaluateFormula(indicator, context) ?? {
        applicable: true,
        value: inputValue(indicator, scope, data),
        lastYear: inputValue(indicator, scope, previous),
      },
  );
}

/** Impactindex per scope of the computation's template, this year and last year. */
export function impactSection(context: ComputationContext): ImpactSection {
  const { forbund, period } = context.input;
  const years = [0, -1, -2].map((offset) => yearData(context, offset)) as [
    ImpactYearData,
    ImpactYearData,
    ImpactYearData,
  ];
  const [current, last, before] = years;
  return {
    budget: current.budget,
    lastYearBudget: last.budget,
    missing: current.budget
      ? undefined
      : `Social budget för ${period.year} saknas i förbundets inställningar; Impactindex kan inte beräknas.`,
    lastYearMissing: last.budget
      ? undefined
      : `Social budget för ${period.year - 1} saknas i förbundets inställningar; ` +
        'föregående års Impactindex kan inte beräknas.',
    scopes: reportScopes(context.template.definition, forbund).map((scope) => ({
      id: scope.id,
      name: scope.name,
      shortName: scope.shortName,
      current: scopeImpactIndex(scope, forbund, current, last),
      lastYear: scopeImpactIndex(scope, forbund, last, before),
    })),
  };
}

// ---- the sheet ---------------------------------------------------------------------------------

const STATUS_LABEL = {
  achieved: 'Ja',
  'not-achieved': 'Nej',
  missing: 'Saknas',
  'not-applicable': 'Gäller ej',
} satisfies Record<IndicatorStatus, string>;

function indicatorTarget(target: IndicatorTarget, unit?: string): string {
  const suffix = unit === '%' ? ' %' : unit ? ` ${unit}` : '';
  switch (target.type) {
    case 'threshold':
      return `${target.comparator === 'gte' ? '≥' : '≤'} ${svNumber(target.value)}${suffix}`;
    case 'better-than-last-year':
      return target.direction === 'up' ? 'högre än i fjol' : 'lägre än i fjol';
  }
}

const name = (scope: string, id: string, suffix = '') => figureName('impactindex', scope, id, suffix);

function areaBlock(
  section: ImpactSection,
  scope: ImpactScope,
  years: { current: string; lastYear: string },
): ReportBlock {
  const { budget } = section;
  const published = (year: 'current' | 'lastYear') =>
    (year === 'current' ? budget : section.lastYearBudget)?.published?.[scope.id];
  const showPublished = published('current') !== undefined || published('lastYear') !== undefined;
  const target = budget?.targetIndex ?? 70;
  const none = missing('no-configuration', `social budget ${years.current}`);
  const noneLast = missing('no-configuration', `social budget ${years.lastYear}`);
  const line = (
    id: string,
    label: string,
    points: number | undefined,
    pick: (r: ImpactIndexResult) => Measure | undefined,
  ) => {
    const now = (scope.current && pick(scope.current)) ?? none;
    const before = (scope.lastYear && pick(scope.lastYear)) ?? noneLast;
    const cells: ReportCell[] = [
      text(label, { bold: id === 'totalt' }),
      points === undefined ? null : figure(known(points), 'count', name(scope.id, id, 'poang')),
      figure(now, 'index', name(scope.id, id), {
        good: now.value === null ? null : now.value >= target - 1e-9,
        bold: id === 'totalt',
      }),
      figure(before, 'index', name(scope.id, id, NAME_SUFFIX.lastYear)),
      figure(difference(now, before), 'signedIndex', name(scope.id, id, NAME_SUFFIX.diffLastYear)),
    ];
    if (showPublished) {
      const value = (year: 'current' | 'lastYear') => {
        const p = published(year);
        const v = id === 'totalt' ? p?.total : p?.areas[id];
        return v === undefined ? missing('no-configuration', `publicerat ${label}`) : known(v);
      };
      cells.push(
        figure(value('current'), 'index', name(scope.id, id, 'publicerat')),
        figure(value('lastYear'), 'index', name(scope.id, id, 'publicerat_fg')),
      );
    }
    return { cells };
  };
  const areas = budget?.areas ?? section.lastYearBudget?.areas ?? [];
  const rows: ReportRow[] = [
    line('totalt', 'Impactindex totalt', areas.reduce((a, x) => a + x.points, 0) || undefined, (r) => r.total),
    ...areas.map((area) => line(area.id, area.name, area.points, (r) => r.areas.find((a) => a.id === area.id)?.index)),
  ];
  const header = ['Målområde', 'Poäng', years.current, years.lastYear, 'Diff'];
  if (showPublished) header.push(`Publicerat ${years.current}`, `Publicerat ${years.lastYear}`);
  return { title: scope.name, header, rows };
}

/** Scopes side by side in one indicator table: more would not print readably. */
const SCOPES_PER_TABLE = 4;

/** Every indicator with its weight and target, and per scope its value and whether it was reached. */
function indicatorBlocks(section: ImpactSection, published: boolean, mark: string): ReportBlock[] {
  const { budget } = section;
  if (!budget) return [];
  const chunks: ImpactScope[][] = [];
  for (let i = 0; i < section.scopes.length; i += SCOPES_PER_TABLE)
    chunks.push(section.scopes.slice(i, i + SCOPES_PER_TABLE));
  return chunks.map((scopes, chunk): ReportBlock => {
    const rows = budget.indicators.map((indicator, index): ReportRow => {
      const cells: ReportCell[] = [
        text(indicator.label),
        figure(known(indicator.weight), 'count', name('indikator', indicator.id, chunk ? `vikt_${chunk + 1}` : 'vikt')),
        text(indicatorTarget(indicator.target, indicator.unit)),
      ];
      for (const s of scopes) {
        // The results follow the budget's indicators, which this year's index was judged against.
        const result = s.current?.indicators[index];
        const status: IndicatorStatus = result?.status ?? 'missing';
        cells.push(
          result?.value && status !== 'not-applicable'
            ? // Published: a value can be a rate of a small count, so only the verdict is shown.
              figure(result.value, 'decimal', name(s.id, `indikator.${indicator.id}`), { hidden: published })
            : null,
          text(STATUS_LABEL[status], {
            align: 'center',
            good: status === 'achieved' ? true : status === 'not-achieved' ? false : null,
          }),
        );
      }
      return { cells };
    });
    const points = (pick: (r: ImpactIndexResult) => number) =>
      scopes.map((s) => `${s.name} ${s.current ? svNumber(pick(s.current)) : '–'}`).join(', ');
    return {
      ...(chunk > 0 ? { pageBreak: true } : {}),
      groups: [{ label: '', span: 3 }, ...scopes.map((s) => ({ label: s.shortName, span: 2 }))],
      header: ['Indikator', 'Vikt', 'Mål', ...scopes.flatMap(() => ['Värde', 'Uppnått'])],
      rows,
      footnotes: [
        `Uppnådda poäng: ${points((r) => r.achievedPoints)}. Bedömda poäng: ${points((r) => r.judgedPoints)}.`,
        ...(published
          ? [`Publicerad version: indikatorernas värden visas inte (”${mark}”), bara om målet nåddes.`]
          : []),
      ],
    };
  });
}

/** Impactindex per goal area (categories) and scope (series), this year: Tabell 2–5 side by side. */
function areaChart(section: ImpactSection, year: string): ChartSpec | undefined {
  const { budget } = section;
  if (!budget) return undefined;
  return {
    id: 'impactindex.malomraden',
    title: `Impactindex per målområde ${year}`,
    unit: 'index',
    categories: [{ key: 'totalt', label: 'Totalt' }, ...budget.areas.map((a) => ({ key: a.id, label: a.name }))],
    series: section.scopes.map((s) => ({
      key: s.id,
      label: s.shortName,
      values: [s.current?.total, ...budget.areas.map((a) => s.current?.areas.find((x) => x.id === a.id)?.index)].map(
        (m) => m ?? missing('no-configuration', `social budget ${year}`),
      ),
    })),
    target: { value: budget.targetIndex, label: `Mål ${budget.targetIndex}` },
  };
}

/** Where a total differs from what its areas give: the computed total and the published one, named. */
function totalNotes(section: ImpactSection, years: { current: string; lastYear: string }): string[] {
  const notes: string[] = [];
  for (const scope of section.scopes) {
    for (const which of ['current', 'lastYear'] as const) {
      const result = scope[which];
      const budget = which === 'current' ? section.budget : section.lastYearBudget;
      const published = budget?.published?.[scope.id];
      if (!result || result.total.value === null || published?.total === undefined) continue;
      const mean = totalFromAreaIndices(
        budget!.areas.map((a) => ({ points: a.points, index: published.areas[a.id] ?? 0 })),
      );
      const computed = result.total.value;
      if (Math.abs(computed - published.total) <= 0.5) continue;
      const round = (v: number) => svNumber(Math.round(v * 10) / 10);
      notes.push(
        `${scope.name} ${years[which]}: Impactindex ${round(computed)} enligt metoden (uppnådda / bedömda poäng); ` +
          `årsredovisningen publicerade ${svNumber(published.total)} (skillnad ` +
          `${round(published.total - computed)}). De publicerade målområdena ger ${round(mean)} viktade med sina ` +
          `poäng, så det publicerade totalvärdet är inte deras viktade medelvärde. Rapporten visar det beräknade ` +
          `värdet.`,
      );
    }
  }
  return notes;
}

export const impactindexComputation: Computation<ImpactSection> = {
  description: 'Impactindex per plattform och grupp ur årets sociala budget (uppnådda poäng / bedömda poäng × 100)',
  inputs: COMPUTATION_INPUTS.impactindex,
  run(context) {
    const data = impactSection(context);
    const { period } = context.input;
    const years = { current: String(period.year), lastYear: String(period.year - 1) };
    const lines = [context.sheet.reportLine];
    if (data.missing) lines.push(data.missing);
    if (data.lastYearMissing) lines.push(data.lastYearMissing);
    const indicators = indicatorBlocks(data, context.sheet.published, context.sheet.mark);
    const target = data.budget?.targetIndex;
    const chart = areaChart(data, years.current);
    const headline: HeadlineRow[] = data.scopes.map((s) =>
      headlineRow({
        scopeId: s.id,
        scope: s.name,
        key: 'impactindex.totalt',
        label: 'Impactindex',
        unit: 'index',
        current: s.current?.total ?? missing('no-configuration', `social budget ${years.current}`),
        lastYear: s.lastYear?.total ?? missing('no-configuration', `social budget ${years.lastYear}`),
        ...(target === undefined ? {} : { target: { comparator: 'gte' as const, value: target } }),
      }),
    );
    return {
      data,
      headline,
      charts: [],
      notes: [
        'Impactindex: en indikator som når sitt mål ger sin vikt. Målområdets index = uppnådda poäng / bedömda ' +
          'poäng × 100 och Impactindex = alla uppnådda poäng / alla bedömda poäng × 100. En indikator utan ' +
          'underlag räknas varken som uppnådd eller som missad; dess poäng redovisas som ej bedömda.',
        'Enkätindikatorer för en plattformsgrupp är plattformarnas värden vägda med antalet deltagare, eftersom ' +
          'enkätsvaren inte rapporteras som antal.',
        'Indikatorer per kommun (helårsekvivalenter, arbetskraftsdeltagande) räknas för de plattformar som ' +
          'kommunen driver; gruppen tar alla kommuner.',
        ...totalNotes(data, years),
      ],
      sheets: [
        {
          id: 'impactindex',
          tab: 'Impactindex',
          title: 'Impactindex per målområde och plattform',
          subtitle: lines,
          labelColumns: 1,
          labelWidth: 34,
          blocks: data.scopes.map((s, i) => {
            const block = areaBlock(data, s, years);
            if (i === 0)
              block.footnotes = [`Målet är Impactindex ${target ?? 70} för varje plattform och för helheten.`];
            if (i === data.scopes.length - 1 && chart) block.chart = chart;
            return block;
          }),
        },
        // The indicators on a sheet of their own: their columns are many, and the areas' few.
        ...(indicators.length > 0
          ? [
              {
                id: 'impactindex.indikatorer',
                tab: 'Impactindex indikatorer',
                title: `Impactindex: indikatorer ${years.current}`,
                subtitle: [context.sheet.reportLine],
                labelColumns: 1,
                labelWidth: 40,
                blocks: indicators,
              },
            ]
          : []),
      ],
    };
  },
};
