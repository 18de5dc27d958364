import { compare, type Comparison } from '../../indices/comparison';
import {
  HAE_BENEFITS,
  HAE_LABEL,
  HAE_RIKET_ROW,
  haeFigures,
  haeMethodNote,
  haeRowId,
  haeSumOf,
  type HaeFigures,
} from '../../indices/helarsekvivalenter';
import type { Measure } from '../../indices/measure';
import { haeSeriesOffsets, periodFor } from '../../indices/report-periods';
import { figureName, NAME_SUFFIX } from '../figure-names';
import { figure, text, type ChartSpec, type ReportCell, type ReportRow } from '../report-model';
import { reportScopes } from '../report-scopes';
import { goodChange, periodHeading } from '../sheet-context';
import { COMPUTATION_INPUTS } from './catalogue';
import type { Computation } from './computation';

/** One region's figures this first half-year and last year's, and the share compared (down is good). */
export interface HaeComparison {
  current: HaeFigures;
  lastYear: HaeFigures;
  share: Comparison;
}

/** Helårsekvivalenter per kommun, for the förbund and for riket, this first half-year against last year's. */
export interface HaeSection {
  period: string;
  lastYearPeriod: string;
  kommuner: HaeComparison[];
  /** The förbund: its kommuner's counts and populations summed. */
  forbund: HaeComparison;
  /** The whole country, from the same SCB file. */
  riket: HaeComparison;
  /**
   * The share per kommun, for the förbund and for riket, first half-year by first half-year
   * (seed 001, Figur 2): from the earliest one kansliet sent within the configured span, to this one.
   */
  series: {
    periods: string[];
    rows: { id: string; name: string; kind: 'kommun' | 'forbund' | 'riket'; shares: Measure[] }[];
  };
}

const name = (scope: string, ...parts: string[]) => figureName('helarsekvivalenter', scope, ...parts);

/**
 * Helårsekvivalenter (SCB, 20–64 år, first half-year): the count per benefit for each kommun, the
 * förbund (the kommuner's counts added up — never a mean of their shares) and riket; SCB's summa
 * as a share of the population against last year's (down is good) beside SCB's own share; the
 * share per benefit; and the share first half-year by first half-year with a chart of the förbund
 * against riket.
 */
export const helarsekvivalenterComputation: Computation<HaeSection> = {
  description: 'helårsekvivalenter som andel av befolkningen 20–64 år, per kommun, för förbundet och riket',
  inputs: COMPUTATION_INPUTS.helarsekvivalenter,
  run(context) {
    const { forbund, period } = context.input;
    const templateId = context.template.definition.id;
    const kind = context.template.definition.period.kind;
    const [scope] = reportScopes(context.template.definition, forbund);
    const kommuner = forbund.parties.filter((p) => p.kind === 'kommun');
    const at = (offset: number) => {
      const table = scope ? context.source.at(templateId, periodFor(period, kind, offset), scope).numbers : new Map();
      const byKommun = kommuner.map((k) => haeFigures(table, haeRowId(k.id), k.name));
      return {
        kommuner: byKommun,
        forbund: haeSumOf(byKommun, forbund.id, forbund.name),
        riket: haeFigures(table, HAE_RIKET_ROW, 'Riket'),
      };
    };
    const compared = (c: HaeFigures, l: HaeFigures): HaeComparison => ({
      current: c,
      lastYear: l,
      share: compare(c.total.share, l.total.share, 'down'),
    });
    const now = at(0);
    const before = at(-1);
    // The series starts with the earliest first half-year kansliet sent within the configured span.
    const offsets = haeSeriesOffsets();
    const first = offsets.find(
      (o) => o >= -1 || context.source.sources.latest(templateId, periodFor(period, kind, o), forbund.id),
    );
    const seriesOffsets = offsets.filter((o) => o >= (first ?? -1));
    const years = seriesOffsets.map((o) => (o === 0 ? now : o === -1 ? before : at(o)));
    const series = (pick: (y: ReturnType<typeof at>) => HaeFigures) => years.map((y) => pick(y).total.share);
    const data: HaeSection = {
      period: periodFor(period, kind),
      lastYearPeriod: periodFor(period, kind, -1),
      kommuner: now.kommuner.map((c, i) => compared(c, before.kommuner[i]!)),
      forbund: compared(now.forbund, before.forbund),
      riket: compared(now.riket, before.riket),
      series: {
        periods: seriesOffsets.map((o) => periodFor(period, kind, o)),
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

    const heading = periodHeading(data.period);
    const lastHeading = periodHeading(data.lastYearPeriod);
    const shortName = new Map<string, string>([
      ...kommuner.map((k) => [k.id, k.shortName ?? k.name] as const),
      [forbund.id, forbund.shortName],
      [HAE_RIKET_ROW, 'Riket'],
    ]);
    // The regions are the columns, as in SCB's table and the agreement's Bilaga 4: a column per kommun, then
    // the förbund and riket in bold; the figures are the rows.
    const regions = [
      ...data.kommuner.map((k) => ({ ...k, total: false })),
      { ...data.forbund, total: true },
      { ...data.riket, total: true },
    ];
    const label = (id: string, total: boolean) => text(shortName.get(id) ?? id, { bold: total });
    const row = (
      rowLabel: string,
      cell: (region: (typeof regions)[number]) => ReportCell,
      bold = false,
    ): ReportRow => ({ cells: [text(rowLabel, { bold }), ...regions.map(cell)] });
    const strong = (total: boolean, good?: boolean | null) => ({
      bold: total,
      ...(good === undefined ? {} : { good }),
    });
    const counts: ReportRow[] = [
      row(HAE_LABEL.folkmangd, ({ current: k, total }) =>
        figure(k.population, 'count', name(k.id, 'befolkning_20_64'), strong(total)),
      ),
      ...HAE_BENEFITS.map((b) =>
        row(HAE_LABEL[b], ({ current: k, total }) =>
          figure(k.benefits[b].count, 'decimal', name(k.id, b), strong(total)),
        ),
      ),
      row(
        HAE_LABEL.summa,
        ({ current: k }) => figure(k.total.count, 'decimal', name(k.id, 'summa'), strong(true)),
        true,
      ),
      row(`Andel av befolkningen ${heading}`, ({ share, current: k, total }) =>
        figure(share.current, 'percent', name(k.id, 'andel'), strong(total)),
      ),
      row(`Andel av befolkningen ${lastHeading}`, ({ share, current: k, total }) =>
        figure(share.lastYear, 'percent', name(k.id, 'andel', NAME_SUFFIX.lastYear), strong(total)),
      ),
      row('Diff p.e.', ({ share, current: k, total }) =>
        figure(share.diff, 'points', name(k.id, 'andel', NAME_SUFFIX.diffLastYear), strong(total, goodChange(share))),
      ),
      // SCB gives its own share for kommuner and riket, not for a förbund.
      row(HAE_LABEL.andel, ({ current: k, total }) =>
        k.id === forbund.id ? null : figure(k.scbShare, 'percent', name(k.id, 'andel_scb'), strong(total)),
      ),
    ];
    const shares: ReportRow[] = [
      ...HAE_BENEFITS.map((b) =>
        row(HAE_LABEL[b], ({ current: k, total }) =>
          figure(k.benefits[b].share, 'percent', name(k.id, b, 'andel'), strong(total)),
        ),
      ),
      row(
        HAE_LABEL.summa,
        ({ current: k }) => figure(k.total.share, 'percent', name(k.id, 'summa', 'andel'), strong(true)),
        true,
      ),
    ];
    const regionHeader = ['', ...regions.map(({ current: k }) => shortName.get(k.id) ?? k.name)];
    const seriesRows: ReportRow[] = data.series.rows.map((r) => ({
      cells: [
        label(r.id, r.kind !== 'kommun'),
        ...r.shares.map((share, i) =>
          figure(share, 'percent', name(r.id, 'andel', data.series.periods[i]!), { bold: r.kind !== 'kommun' }),
        ),
      ],
    }));
    const forbundRow = data.series.rows.find((r) => r.kind === 'forbund')!;
    const riketRow = data.series.rows.find((r) => r.kind === 'riket')!;
    const chart: ChartSpec = {
      id: 'helarsekvivalenter',
      title: `Helårsekvivalenter som andel av befolkningen, ${forbund.shortName} och riket (%)`,
      categories: data.series.periods.map((p) => ({ key: p, label: periodHeading(p) })),
      series: [
        { key: forbund.id, label: forbund.shortName, values: forbundRow.shares },
        { key: HAE_RIKET_ROW, label: 'Riket', values: riketRow.shares },
      ],
      unit: '%',
      // Drawn from the series table's rows of the förbund and riket.
      fromRows: [data.series.rows.indexOf(forbundRow), data.series.rows.indexOf(riketRow)],
      max: Math.max(20, ...[...forbundRow.shares, ...riketRow.shares].map((s) => Math.ceil((s.value ?? 0) / 5) * 5)),
    };
    return {
      data,
      headline: [],
      charts: [],
      notes: [haeMethodNote()],
      sheets: [
        {
          id: templateId,
          tab: context.template.definition.consolidation?.sheetName ?? context.template.definition.sheetName,
          title: 'Helårsekvivalenter per kommun',
          subtitle: [
            context.sheet.reportLine,
            `SCB, 20–64 år, första halvåret (medelvärdet av januari–juni), ${heading} jämfört med ${lastHeading}.`,
          ],
          labelColumns: 1,
          labelWidth: 30,
          blocks: [
            {
              title: `Antal helårsekvivalenter ${heading} och andel av befolkningen`,
              header: regionHeader,
              rows: counts,
              footnotes: [
                'Andel = Summa helårsekvivalenter / folkmängden 20–64 år × 100. Förbundet = kommunernas ' +
                  'summor. Grön Diff = andelen har minskat, röd = ökat.',
              ],
            },
            {
              title: `Andel av befolkningen 20–64 år per ersättning, ${heading}`,
              header: regionHeader,
              rows: shares,
            },
            {
              title: 'Andel av befolkningen 20–64 år, första halvåret år för år',
              header: ['Region', ...data.series.periods.map(periodHeading)],
              rows: seriesRows,
              chart,
            },
          ],
        },
      ],
    };
  },
};
