import { CONTRIBUTION_KEYS, TRAPPAN, type TrappanConfig } from '../../config/finance';
import type { ForbundConfig } from '../../model/forbund-schema';
import { budgetOutcome, type BudgetOutcome } from '../../indices/budget-outcome';
import { measureAt } from '../../indices/cell-measures';
import { splitContributions, type ContributionSplit } from '../../indices/contributions';
import { assessEquity, type EquityAssessment } from '../../indices/equity';
import { known, missing, type Measure } from '../../indices/measure';
import { periodFor } from '../../indices/report-periods';
import { figureName, NAME_SUFFIX } from '../figure-names';
import { headlineRow } from '../headline';
import { figure, text, type ReportBlock, type ReportRow } from '../report-model';
import { reportScopes, type ReportScope } from '../report-scopes';
import { svNumber } from '../sheet-context';
import { COMPUTATION_INPUTS } from './catalogue';
import type { Computation, ComputationContext } from './computation';

/** "2 % av 0–15 000 tkr": one step of the trappan. */
function describeStep(s: (typeof TRAPPAN.steps)[number]): string {
  const to = s.to === undefined ? '' : svNumber(s.to);
  const note = s.illustrative ? ' (illustrativt steg, inte publicerat)' : '';
  return `${s.percent} % av ${svNumber(s.from)}–${to} tkr${note}`;
}

/**
 * Money for the report: utfall against the pro-rated budget, the members' contributions, equity
 * against the trappan.
 */
export interface EconomySection {
  period: string;
  outcome?: BudgetOutcome;
  /** Why there is no outcome table. */
  missing?: string;
  contributions?: {
    split: ContributionSplit;
    budgeted: Record<string, number | undefined>;
    names: Record<string, string>;
  };
  contributionsMissing?: string;
  equity: EquityAssessment;
  equityLastYear: Measure;
}

/** The equity template's one cell (eget kapital 31 december, tkr). */
const EQUITY_CELL = 'eget_kapital.utgaende.tkr';
/** The outcome template's revenue total: the trappan's basis. */
const REVENUE_CELL = 'intakter.summa.utfall';

/** The förbund's own staircase for the year where its board set one, else the national recommendation. */
export function yearTrappan(forbund: ForbundConfig, year: number): TrappanConfig {
  const own = forbund.years[String(year)]?.trappan;
  return own
    ? { ...TRAPPAN, source: own.source ?? 'förbundets egen trappa i inställningarna', steps: own.steps }
    : TRAPPAN;
}

/** Budget lines that are member contributions: one line (2023) or one per member (2024–). */
const isContribution = (id: string) => id === 'medlemsavgifter' || id.startsWith('avgift_');

function economySection(context: ComputationContext): EconomySection {
  const { forbund, period } = context.input;
  const { source } = context;
  const definition = context.template.definition;
  const [scope] = reportScopes(definition, forbund) as [ReportScope];
  const tertial = periodFor(period, definition.period.kind);
  const yearConfig = forbund.years[String(period.year)];
  const lines = yearConfig?.budget ?? [];
  const figures = source.at(definition.id, tertial, scope);
  const comments: Record<string, string> = {};
  for (const [id, value] of figures.texts) comments[id] = value;
  const outcome = lines.length > 0 ? budgetOutcome(lines, figures.numbers, period, comments) : undefined;

  let contributions: EconomySection['contributions'];
  let contributionsMissing: string | undefined;
  const shares = yearConfig?.populationShares;
  const contributionLines = lines.filter((l) => isContribution(l.id));
  if (!shares) contributionsMissing = `Befolkningsandelar för ${period.year} saknas i förbundets inställningar.`;
  else if (contributionLines.length === 0) contributionsMissing = `Budgeten för ${period.year} saknar medlemsavgifter.`;
  else {
    const total = Math.round(contributionLines.reduce((acc, l) => acc + l.budget, 0));
    const budgeted: Record<string, number | undefined> = {};
    for (const line of contributionLines) budgeted[line.id.replace(/^avgift_/, '')] = line.budget;
    const names = Object.fromEntries(forbund.parties.map((p) => [p.id, p.name]));
    contributions = { split: splitContributions(total, CONTRIBUTION_KEYS, shares), budgeted, names };
  }

  // Equity is a year-end figure; the trappan's basis is the year's revenue (see TRAPPAN.basis).
  const equityTemplate = context.inputs.equity;
  const equityAt = (offset: number) =>
    equityTemplate ? source.at(equityTemplate, periodFor(period, 'year', offset), scope).numbers : new Map();
  const yearRevenue = source.at(definition.id, `${period.year}T3`, scope).numbers;
  const basis = measureAt(yearRevenue, REVENUE_CELL, `verksamhetens intäkter ${period.year}`);
  return {
    period: tertial,
    outcome,
    missing: outcome ? undefined : `Budget för ${period.year} saknas i förbundets inställningar.`,
    contributions,
    contributionsMissing,
    equity: assessEquity(
      measureAt(equityAt(0), EQUITY_CELL, `eget kapital 31 december ${period.year}`),
      basis.value === null && !yearRevenue.size
        ? missing('no-configuration', `ekonomimallen för ${period.year}`)
        : basis,
      yearTrappan(forbund, period.year),
    ),
    equityLastYear: measureAt(equityAt(-1), EQUITY_CELL, `eget kapital 31 december ${period.year - 1}`),
  };
}

const name = (...parts: string[]) => figureName('ekonomi', ...parts);
const better = (m: Measure) => (m.value === null ? null : m.value >= 0);

function outcomeBlocks(economy: EconomySection, published: boolean): ReportBlock[] {
  const { outcome } = economy;
  if (!outcome) return [{ title: 'Budget och utfall', rows: [{ cells: [text(economy.missing ?? 'Budget saknas.')] }] }];
  const header = [
    'Budgetpost',
    'Utfall',
    'Budget för perioden',
    'Budget helår',
    'Avvikelse',
    ...(published ? [] : ['Kommentar']),
  ];
  const money = (id: string, utfall: Measure, budget: number, budgetYear: number, avvikelse: Measure, bold = false) => [
    figure(utfall, 'tkr', name(id, 'utfall'), { bold }),
    figure(known(budget), 'tkr', name(id, 'budget'), { bold }),
    figure(known(budgetYear), 'tkr', name(id, 'budget_helar'), { bold }),
    figure(avvikelse, 'signedTkr', name(id, 'avvikelse'), { good: better(avvikelse), bold }),
  ];
  const blocks: ReportBlock[] = outcome.groups.map((group) => {
    const rows: ReportRow[] = outcome.lines
      .filter((l) => l.group === group.group)
      .map((line) => ({
        cells: [
          text(line.label, { indent: 1 }),
          ...money(`${group.group}.${line.id}`, line.utfall, line.budget, line.budgetYear, line.avvikelse),
          ...(published ? [] : [line.comment ? text(line.comment, { wrap: true }) : null]),
        ],
      }));
    const rounding = group.roundingDifference.value;
    rows.push({
      cells: [
        text(`Summa ${group.label.toLowerCase()}`, { bold: true }),
        ...money(group.group, group.utfall, group.budget, group.budgetYear, group.avvikelse, true),
        ...(published
          ? []
          : [
              rounding !== null && Math.abs(rounding) > 1e-9
                ? text(
                    `Inrapporterad summa ${svNumber(group.reportedSumma.value ?? 0)} (avrundning ` +
                      `${rounding > 0 ? '+' : ''}${svNumber(rounding)})`,
                    { wrap: true },
                  )
                : null,
            ]),
      ],
    });
    return { title: group.label, header, rows };
  });
  blocks.push({
    title: 'Totalt',
    header,
    rows: (
      [
        ['kostnader', 'Totala kostnader', outcome.costs],
        ['resultat', 'Verksamhetens resultat', outcome.result],
      ] as const
    ).map(([id, label, total]) => ({
      cells: [
        text(label, { bold: true }),
        ...money(id, total.utfall, total.budget, total.budgetYear, total.avvikelse, true),
      ],
    })),
    footnotes: [
      `Belopp i tkr. Budgeten periodiserad: ${Math.round(outcome.share * 12)}/12 av helårsbudgeten. Avvikelse = ` +
        `utfall − budget; plus är bättre än budget.`,
    ],
  });
  return blocks;
}

function contributionBlock(economy: EconomySection, year: number): ReportBlock {
  const { contributions } = economy;
  const title = `Medlemsavgifter ${year}`;
  if (!contributions) return { title, rows: [{ cells: [text(economy.contributionsMissing ?? 'Saknas.')] }] };
  const { split, budgeted, names } = contributions;
  const member = (
    id: string,
    label: string,
    sharePercent: number,
    amount: number,
    budget: number | undefined,
    indent = 0,
  ): ReportRow => ({
    cells: [
      text(label, { indent }),
      figure(known(sharePercent), 'percent', name('avgift', id, 'andel')),
      figure(known(amount), 'tkr', name('avgift', id)),
      budget === undefined ? null : figure(known(budget), 'tkr', name('avgift', id, 'budget')),
      budget === undefined ? null : figure(known(amount - budget), 'signedTkr', name('avgift', id, 'skillnad')),
    ],
  });
  return {
    title,
    header: ['Medlem', 'Andel', 'Beräknad avgift', 'Budget', 'Skillnad'],
    rows: [
      member('staten', 'Staten via Försäkringskassan', CONTRIBUTION_KEYS.state, split.state, budgeted.fk),
      member('region', 'Region', CONTRIBUTION_KEYS.region, split.region, budgeted.region),
      member('kommunerna', 'Kommunerna', CONTRIBUTION_KEYS.kommuner, split.kommuner, undefined),
      ...split.perKommun.map((k) =>
        member(
          k.kommun,
          `${names[k.kommun] ?? k.kommun} (${svNumber(k.share)} % av kommunernas del)`,
          (CONTRIBUTION_KEYS.kommuner * k.share) / 100,
          k.amount,
          budgeted[k.kommun],
          1,
        ),
      ),
    ],
    footnotes: [
      'Avrundning till hela tkr med största-rest-metoden, så att delarna blir summan (staten/regionen/kommunerna, ' +
        'sedan kommunerna efter befolkningsandel).',
    ],
  };
}

function equityBlock(economy: EconomySection, year: number): ReportBlock {
  const { equity } = economy;
  const row = (
    id: string,
    label: string,
    value: Measure,
    options: { signed?: boolean; good?: boolean | null; bold?: boolean } = {},
  ): ReportRow => ({
    cells: [
      text(label, { bold: options.bold }),
      figure(value, options.signed ? 'signedTkr' : 'tkr', name('eget_kapital', id), {
        good: options.good,
        bold: options.bold,
      }),
    ],
  });
  return {
    title: 'Eget kapital mot trappan',
    header: ['', 'tkr'],
    rows: [
      row('utgaende', `Eget kapital 31 december ${year}`, equity.equity),
      row(`utgaende.${NAME_SUFFIX.lastYear}`, `Eget kapital 31 december ${year - 1}`, economy.equityLastYear),
      row('underlag', `Verksamhetens intäkter ${year} (trappans underlag)`, equity.basis),
      row(
        'gransvarde',
        `Rekommenderad högsta nivå enligt trappan${equity.illustrative ? ' (illustrativt steg)' : ''}`,
        equity.limit,
      ),
      row('marginal', 'Över (+) eller under (−) rekommenderad nivå', equity.margin, {
        signed: true,
        good: equity.withinLimit,
        bold: true,
      }),
    ],
    footnotes: ['Trappan: se Om rapporten.'],
  };
}

/** Money against budget, the contributions by the Finsam keys, and equity against the trappan. */
export const ekonomiComputation: Computation<EconomySection> = {
  description: 'utfall mot periodiserad budget, medlemsavgifter efter Finsam-nycklarna och eget kapital mot trappan',
  inputs: COMPUTATION_INPUTS.ekonomi,
  run(context) {
    const economy = economySection(context);
    const { forbund, period } = context.input;
    const trappan = yearTrappan(forbund, period.year);
    const headline = [];
    if (economy.outcome)
      headline.push(
        headlineRow({
          scopeId: forbund.id,
          scope: forbund.shortName,
          key: 'ekonomi.resultat_avvikelse',
          label: 'Verksamhetens resultat mot budget (avvikelse)',
          unit: 'tkr',
          current: economy.outcome.result.avvikelse,
          lastYear: missing('no-configuration', 'föregående års budget'),
          target: { comparator: 'gte', value: 0 },
        }),
      );
    const { equity } = economy;
    headline.push(
      headlineRow({
        scopeId: forbund.id,
        scope: forbund.shortName,
        key: 'ekonomi.over_trappan',
        label: 'Eget kapital 31/12 över trappans nivå',
        unit: 'tkr',
        current: equity.margin,
        lastYear: missing('no-configuration', 'föregående års trappa'),
        target: { comparator: 'lte', value: 0 },
      }),
      headlineRow({
        scopeId: forbund.id,
        scope: forbund.shortName,
        key: 'ekonomi.eget_kapital',
        label: 'Eget kapital 31/12',
        unit: 'tkr',
        current: equity.equity,
        lastYear: economy.equityLastYear,
        ...(equity.limit.value === null ? {} : { target: { comparator: 'lte' as const, value: equity.limit.value } }),
      }),
    );
    const notes = [
      'Budgeten periodiseras linjärt: tertial 1 = 4/12, tertial 2 = 8/12, tertial 3 = helår. Avvikelse = utfall − ' +
        'budget; gruppernas utfall är summan av raderna.',
      'Medlemsavgifterna fördelas med staten (via Försäkringskassan) 50 %, regionen 25 % och kommunerna 25 % efter ' +
        'befolkningsandel. Avrundning till hela tkr sker med största-rest-metoden, så att delarna alltid blir ' +
        'summan.',
      `Eget kapital jämförs med trappan: ${trappan.steps.map(describeStep).join(', ')}, ` +
        `räknat på verksamhetens intäkter. Källa: ${trappan.source}.`,
    ];
    for (const group of economy.outcome?.groups ?? []) {
      const diff = group.roundingDifference.value;
      if (diff !== null && Math.abs(diff) > 1e-9)
        notes.push(
          `${group.label}: den inrapporterade summan avviker med ${svNumber(diff)} tkr från summan av raderna ` +
            `(avrundning av varje rad till hela tkr). Rapporten använder summan av raderna.`,
        );
    }
    if (equity.illustrative)
      notes.push(
        'Trappans gräns bygger på ett illustrativt steg (över 15 000 tkr) som inte är publicerat; kontrollera mot ' +
          'Nationella rådets rekommendation.',
      );
    return {
      data: economy,
      headline,
      charts: [],
      notes,
      sheets: [
        {
          id: context.template.definition.id,
          tab: context.template.definition.consolidation?.sheetName ?? context.template.definition.sheetName,
          title: 'Ekonomi',
          subtitle: [context.sheet.reportLine],
          labelColumns: 1,
          labelWidth: 40,
          blocks: [
            ...outcomeBlocks(economy, context.sheet.published),
            contributionBlock(economy, period.year),
            equityBlock(economy, period.year),
          ],
        },
      ],
    };
  },
};
