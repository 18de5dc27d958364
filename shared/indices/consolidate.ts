import { SUPPRESSION } from '../config/finance';
import type { ForbundConfig } from '../model/forbund-schema';
import { describePeriod, parsePeriod } from '../model/period';
import { findParty, scopesOf, templatesForForbund } from '../model/selectors';
import { measureAt, sumMeasures, type CellMeasures } from './cell-measures';
import { compare } from './comparison';
import { economySection, EQUITY_TEMPLATE } from './consolidate-economy';
import { IMPACT_INPUT_TEMPLATE, impactScopes, type ImpactYearData } from './consolidate-impact';
import { participantScopes, PARTICIPANTS_TEMPLATE, suppressParticipants } from './consolidate-participants';
import type {
  CompletenessRow,
  Consolidation,
  ConsolidationInput,
  HaeSection,
  IndicatorsSection,
  UsedSubmission,
} from './consolidation-model';
import { headlineRows } from './headline';
import { HAE_RIKET_ROW, HAE_TEMPLATE, haeFigures, haeRowId, haeSumOf, type HaeFigures } from './helarsekvivalenter';
import { missing, type Measure } from './measure';
import { methodNotes } from './method-notes';
import { haeSeriesOffsets, lastYearOf, periodFor, requiredPeriods } from './report-periods';
import { strategicIndicators } from './strategic-indicators';
import { submissionSources, type SubmissionSources } from './submission-sources';
import { suppressSmallCounts } from './suppression';

export const INDICATORS_TEMPLATE = 'strategiska-indikatorer';

function yearData(
  forbund: ForbundConfig,
  sources: SubmissionSources,
  year: number,
  report: ConsolidationInput['period'],
): ImpactYearData {
  const offset = year - report.year;
  const tertial = periodFor(report, 'tertial', offset);
  const halfYear = periodFor(report, 'halfyear', offset);
  const wholeYear = periodFor(report, 'year', offset);
  const cache = new Map<string, CellMeasures>();
  const once = (key: string, make: () => CellMeasures) => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key)!;
  };
  const platformTable = (id: string) =>
    once(`p:${id}`, () =>
      sources.measures(PARTICIPANTS_TEMPLATE, tertial, {
        id,
        name: forbund.platforms.find((p) => p.id === id)?.name ?? id,
      }),
    );
  const participants = (scope: string): CellMeasures => {
    const group = forbund.platformGroups.find((g) => g.id === scope);
    const template = sources.template(PARTICIPANTS_TEMPLATE, year);
    if (!group) return platformTable(scope);
    return once(`g:${scope}`, () => (template ? sumMeasures(template, group.platforms.map(platformTable)) : new Map()));
  };
  const kommunName = (k: string) => findParty(forbund, k)?.name ?? k;
  const hae = once('hae', () => sources.measures(HAE_TEMPLATE, halfYear, { id: forbund.id, name: forbund.name }));
  const indicators = (kommun: string) =>
    once(`i:${kommun}`, () =>
      sources.mergedMeasures(INDICATORS_TEMPLATE, wholeYear, { id: kommun, name: kommunName(kommun) }),
    );
  const strategicIndicator = (kommun: string, row: string): Measure =>
    measureAt(indicators(kommun), `indikatorer.${row}.varde`, `${row}, ${kommunName(kommun)} ${year}`);
  return {
    year,
    budget: forbund.years[String(year)]?.socialBudget,
    participants,
    inputs: (platform) =>
      once(`in:${platform}`, () =>
        sources.measures(IMPACT_INPUT_TEMPLATE, wholeYear, {
          id: platform,
          name: forbund.platforms.find((p) => p.id === platform)?.name ?? platform,
        }),
      ),
    // SCB's counts where imported; else the share kansliet entered among the strategic indicators.
    helarsekvivalenterShare: (kommun) => {
      const party = findParty(forbund, kommun);
      const fromCounts = party
        ? haeFigures(hae, haeRowId(party.id), party.name).total.share
        : missing('not-reported', kommun);
      return fromCounts.value !== null ? fromCounts : strategicIndicator(kommun, 'helarsekvivalenter');
    },
    strategicIndicator,
  };
}

function indicatorsSection(input: ConsolidationInput, sources: SubmissionSources): IndicatorsSection {
  const { forbund, period } = input;
  const template =
    sources.template(INDICATORS_TEMPLATE, period.year) ?? sources.template(INDICATORS_TEMPLATE, period.year - 1);
  const kommuner = forbund.parties.filter((p) => p.kind === 'kommun');
  const table = (year: number) => (kommun: string) =>
    sources.mergedMeasures(INDICATORS_TEMPLATE, String(year), {
      id: kommun,
      name: findParty(forbund, kommun)?.name ?? kommun,
    });
  const rows = template ? strategicIndicators(template, kommuner, table(period.year), table(period.year - 1)) : [];
  const hidden = new Set<string>();
  if (input.variant === 'published') {
    const values = new Map<string, number | null>();
    for (const row of rows.filter((r) => r.isCount)) {
      for (const { kommun, comparison } of row.byKommun) {
        values.set(`${row.rowId}:${kommun.id}:current`, comparison.current.value);
        values.set(`${row.rowId}:${kommun.id}:lastYear`, comparison.lastYear.value);
      }
    }
    // No sums are shown across kommuner, so only primary suppression applies here.
    const { primary } = suppressSmallCounts(values, [], SUPPRESSION.limit);
    for (const k of primary) hidden.add(k);
  }
  return { year: period.year, rows, hidden };
}

function haeSection(input: ConsolidationInput, sources: SubmissionSources): HaeSection {
  const { forbund, period } = input;
  const scope = { id: forbund.id, name: forbund.name };
  const kommuner = forbund.parties.filter((p) => p.kind === 'kommun');
  const at = (offset: number) => {
    const table = sources.measures(HAE_TEMPLATE, periodFor(period, 'halfyear', offset), scope);
    const byKommun = kommuner.map((k) => haeFigures(table, haeRowId(k.id), k.name));
    return {
      kommuner: byKommun,
      forbund: haeSumOf(byKommun, forbund.id, forbund.name),
      riket: haeFigures(table, HAE_RIKET_ROW, 'Riket'),
    };
  };
  const now = at(0);
  const before = at(-1);
  const compared = (c: HaeFigures, l: HaeFigures) => ({
    current: c,
    lastYear: l,
    share: compare(c.total.share, l.total.share, 'down'),
  });
  // The series starts with the earliest first half-year kansliet sent within the configured span.
  const offsets = haeSeriesOffsets();
  const first = offsets.find(
    (o) => o >= -1 || sources.latest(HAE_TEMPLATE, periodFor(period, 'halfyear', o), forbund.id),
  );
  const years = offsets.filter((o) => o >= (first ?? -1)).map((o) => (o === 0 ? now : o === -1 ? before : at(o)));
  const series = (pick: (y: ReturnType<typeof at>) => HaeFigures) => years.map((y) => pick(y).total.share);
  return {
    period: periodFor(period, 'halfyear'),
    lastYearPeriod: periodFor(period, 'halfyear', -1),
    kommuner: now.kommuner.map((c, i) => compared(c, before.kommuner[i]!)),
    forbund: compared(now.forbund, before.forbund),
    riket: compared(now.riket, before.riket),
    series: {
      periods: offsets.filter((o) => o >= (first ?? -1)).map((o) => periodFor(period, 'halfyear', o)),
      rows: [
        ...kommuner.map((k, i) => ({
          id: k.id,
          name: k.name,
          kind: 'kommun' as const,
          shares: series((y) => y.kommuner[i]!),
        })),
        { id: forbund.id, name: forbund.name, kind: 'forbund' as const, shares: series((y) => y.forbund) },
        { id: HAE_RIKET_ROW, name: 'Riket', kind: 'riket' as const, shares: series((y) => y.riket) },
      ],
    },
  };
}

/** Every template × period × scope the report draws on, with the submissions used for each. */
function completeness(input: ConsolidationInput, sources: SubmissionSources): CompletenessRow[] {
  const { forbund, registry, period } = input;
  const used = sources.used();
  const rows: CompletenessRow[] = [];
  const periods = [
    ...new Set(
      requiredPeriods(period).filter((p) => p.startsWith(String(period.year)) || p.startsWith(String(period.year - 1))),
    ),
  ];
  for (const p of periods) {
    const parsed = parsePeriod(p);
    if (!parsed) continue;
    for (const template of templatesForForbund(registry, forbund, parsed.year).filter(
      (t) => t.period.kind === parsed.kind,
    )) {
      if (template.id === 'samverkansinitiativ') continue; // not part of the consolidated figures
      for (const scope of scopesOf(template, forbund)) {
        const own = used
          .filter((u) => u.templateId === template.id && u.period === p && u.scope === scope.id)
          .map((u): UsedSubmission => {
            const { values: _values, ...rest } = u;
            return {
              ...rest,
              templateTitle: template.title,
              scopeName: scope.name,
              partyName: u.party === 'kansli' ? 'Kansliet' : (findParty(forbund, u.party)?.name ?? u.party),
            };
          });
        rows.push({
          templateId: template.id,
          templateTitle: template.title,
          templateVersion: template.version,
          period: p,
          scope: scope.id,
          scopeName: scope.name,
          used: own,
        });
      }
    }
  }
  return rows;
}

/**
 * Consolidates a förbund's submissions for a report period into the figures of the
 * consolidated workbook: participants and outcome rates per platform and group, Impactindex,
 * strategic indicators per kommun, helårsekvivalenter, money, and which submissions were used.
 * Pure: the same input gives the same output, which is what makes the written file
 * reproducible byte for byte.
 *
 * @example
 * const report = consolidate({ registry, forbund, period: requirePeriod('2023T3'), variant:
 * 'internal', basis: 'approved', generatedAt, submissions });
 * report.headline[0] // Arbetsmarknadstorgen, Andel positiv lösning, 61,5 % against ≥ 70 %
 */
export function consolidate(input: ConsolidationInput): Consolidation {
  const { registry, forbund, period } = input;
  const sources = submissionSources(registry, forbund, input.submissions);
  const lastYear = lastYearOf(period);
  let participants = participantScopes(
    forbund,
    sources,
    { current: periodFor(period, 'tertial'), lastYear: periodFor(period, 'tertial', -1) },
    { current: period.year, lastYear: period.year - 1 },
  );
  const participantTemplate = sources.template(PARTICIPANTS_TEMPLATE, period.year);
  if (input.variant === 'published' && participantTemplate)
    participants = suppressParticipants(participants, forbund, participantTemplate, SUPPRESSION);

  const years = {
    current: yearData(forbund, sources, period.year, period),
    lastYear: yearData(forbund, sources, period.year - 1, period),
    yearBefore: yearData(forbund, sources, period.year - 2, period),
  };
  const scopes = participants.map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
  const budget = years.current.budget;
  const impact = {
    budget,
    missing: budget
      ? undefined
      : `Social budget för ${period.year} saknas i förbundets konfiguration; Impactindex kan inte beräknas.`,
    lastYearMissing: years.lastYear.budget
      ? undefined
      : `Social budget för ${period.year - 1} saknas i konfigurationen; föregående års Impactindex kan inte beräknas.`,
    scopes: impactScopes(scopes, forbund, years),
  };
  const economy = economySection(forbund, sources, period, {
    tertial: periodFor(period, 'tertial'),
    tertialT3: `${period.year}T3`,
    year: String(period.year),
    lastYear: String(period.year - 1),
  });
  const indicators = indicatorsSection(input, sources);
  const helarsekvivalenter = haeSection(input, sources);

  const templateIds = new Set([
    PARTICIPANTS_TEMPLATE,
    IMPACT_INPUT_TEMPLATE,
    INDICATORS_TEMPLATE,
    HAE_TEMPLATE,
    'ekonomi-utfall',
    EQUITY_TEMPLATE,
  ]);
  const meta: Consolidation['meta'] = {
    forbund: { id: forbund.id, name: forbund.name },
    period,
    periodLabel: describePeriod(period),
    lastYearPeriod: lastYear.id,
    variant: input.variant,
    basis: input.basis,
    generatedAt: input.generatedAt,
    ...(input.variant === 'published' ? { suppression: SUPPRESSION } : {}),
    templates: templatesForForbund(registry, forbund, period.year)
      .filter((t) => templateIds.has(t.id))
      .map((t) => ({ id: t.id, version: t.version, title: t.title })),
  };
  const partial = { meta, participants, impact, economy };
  const completenessRows = completeness(input, sources);
  return {
    ...partial,
    headline: headlineRows(partial, forbund.years[String(period.year)]?.targets),
    indicators,
    helarsekvivalenter,
    completeness: completenessRows,
    notes: methodNotes({ ...partial, completeness: completenessRows }),
  };
}
