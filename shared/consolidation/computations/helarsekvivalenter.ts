import type { Party } from '../../model/forbund-schema';
import { compare, type Comparison } from '../../indices/comparison';
import {
  HAE_BENEFITS,
  HAE_LABEL,
  HAE_SEPARATE,
  helarsekvivalenterShares,
  type HaeBenefit,
  type HaeKommun,
} from '../../indices/helarsekvivalenter';
import { percentOf, sumOf, type Measure } from '../../indices/measure';
import { periodFor } from '../../indices/report-periods';
import { figureName, NAME_SUFFIX } from '../figure-names';
import { figure, text, type ReportCell, type ReportRow } from '../report-model';
import { reportScopes } from '../report-scopes';
import { goodChange, periodHeading } from '../sheet-context';
import type { Computation } from './computation';

/** Helårsekvivalenter per kommun and for the förbund, this first half-year against last year's. */
export interface HaeSection {
  period: string;
  lastYearPeriod: string;
  kommuner: { current: HaeKommun; lastYear: HaeKommun; share: Comparison }[];
  /** The förbund: the kommuner's counts and population added up, and the share of the sums. */
  forbund: { count: Measure; population: Measure; share: Comparison };
}

function forbundShare(
  kommuner: readonly HaeKommun[],
  name: string,
): { count: Measure; population: Measure; share: Measure } {
  const count = sumOf(kommuner.map((k) => k.total.count));
  const population = sumOf(kommuner.map((k) => k.population));
  return { count, population, share: percentOf(count, population, `befolkningen 20–64 år i ${name}`) };
}

/** Every benefit's share, arbetsmarknadsåtgärder included (shown, not summed). */
const SHARE_COLUMNS: readonly HaeBenefit[] = [...HAE_BENEFITS, HAE_SEPARATE];

const name = (scope: string, id: string, suffix = '') => figureName('helarsekvivalenter', scope, id, suffix);

/**
 * Helårsekvivalenter (SCB, 20–64 år, first half-year): the count per benefit and kommun, their
 * sum as a share of the population, last year's share and the Diff (down is good), and the
 * förbund as the sum of its kommuner — never a mean of their shares.
 */
export const helarsekvivalenterComputation: Computation<HaeSection> = {
  description: 'helårsekvivalenter som andel av befolkningen 20–64 år, per kommun och för förbundet',
  inputs: [],
  run(context) {
    const { forbund, period } = context.input;
    const templateId = context.template.definition.id;
    const kind = context.template.definition.period.kind;
    const current = periodFor(period, kind);
    const last = periodFor(period, kind, -1);
    const [scope] = reportScopes(context.template.definition, forbund);
    const at = (p: string) => (scope ? context.source.at(templateId, p, scope).numbers : new Map());
    const now = at(current);
    const before = at(last);
    const parties = forbund.parties.filter((p): p is Party => p.kind === 'kommun');
    const kommuner = parties.map((kommun) => {
      const c = helarsekvivalenterShares(now, kommun);
      const l = helarsekvivalenterShares(before, kommun);
      return { current: c, lastYear: l, share: compare(c.total.share, l.total.share, 'down') };
    });
    const whole = {
      now: forbundShare(
        kommuner.map((k) => k.current),
        forbund.shortName,
      ),
      before: forbundShare(
        kommuner.map((k) => k.lastYear),
        forbund.shortName,
      ),
    };
    const data: HaeSection = {
      period: current,
      lastYearPeriod: last,
      kommuner,
      forbund: {
        count: whole.now.count,
        population: whole.now.population,
        share: compare(whole.now.share, whole.before.share, 'down'),
      },
    };

    const heading = periodHeading(current);
    const lastHeading = periodHeading(last);
    const shareCells = (id: string, share: Comparison): ReportCell[] => [
      figure(share.current, 'percent', name(id, 'andel')),
      figure(share.lastYear, 'percent', name(id, 'andel', NAME_SUFFIX.lastYear)),
      figure(share.diff, 'points', name(id, 'andel', NAME_SUFFIX.diffLastYear), { good: goodChange(share) }),
    ];
    const counts: ReportRow[] = kommuner.map(({ current: k, share }) => ({
      cells: [
        text(k.kommun.shortName ?? k.kommun.name),
        figure(k.population, 'count', name(k.kommun.id, 'befolkning_20_64')),
        ...HAE_BENEFITS.map((b) => figure(k.benefits[b].count, 'decimal', name(k.kommun.id, b))),
        figure(k.total.count, 'decimal', name(k.kommun.id, 'summa')),
        ...shareCells(k.kommun.id, share),
      ],
    }));
    counts.push({
      cells: [
        text(forbund.shortName, { bold: true }),
        figure(whole.now.population, 'count', name(forbund.id, 'befolkning_20_64'), { bold: true }),
        ...HAE_BENEFITS.map((b) =>
          figure(sumOf(kommuner.map((k) => k.current.benefits[b].count)), 'decimal', name(forbund.id, b), {
            bold: true,
          }),
        ),
        figure(whole.now.count, 'decimal', name(forbund.id, 'summa'), { bold: true }),
        ...shareCells(forbund.id, data.forbund.share),
      ],
    });
    const benefitShares = (k: HaeKommun, b: HaeBenefit) =>
      figure(k.benefits[b].share, 'percent', name(k.kommun.id, b, 'andel'));
    const shares: ReportRow[] = kommuner.map(({ current: k }) => ({
      cells: [text(k.kommun.shortName ?? k.kommun.name), ...SHARE_COLUMNS.map((b) => benefitShares(k, b))],
    }));
    const separate: ReportRow[] = kommuner.map(({ current: k }) => ({
      cells: [
        text(k.kommun.shortName ?? k.kommun.name),
        figure(k.benefits[HAE_SEPARATE].count, 'decimal', name(k.kommun.id, HAE_SEPARATE)),
      ],
    }));
    return {
      data,
      headline: [],
      charts: [],
      notes: [
        'Helårsekvivalenter som andel = summan av sjukpenning, sjuk- och aktivitetsersättning, arbetslöshet, ekonomiskt bistånd och etableringsersättning / befolkningen 20–64 år × 100 (första halvåret). Arbetsmarknadsåtgärder är en egen serie hos SCB och ingår inte i summan. Förbundets andel räknas ur kommunernas summor.',
      ],
      sheets: [
        {
          id: templateId,
          tab: context.template.definition.consolidation?.sheetName ?? context.template.definition.sheetName,
          title: 'Helårsekvivalenter per kommun',
          subtitle: [context.sheet.reportLine, `SCB, 20–64 år, ${heading} jämfört med ${lastHeading}.`],
          labelColumns: 1,
          labelWidth: 16,
          blocks: [
            {
              title: `Antal helårsekvivalenter ${heading} och andel av befolkningen`,
              header: [
                'Kommun',
                'Befolkning 20–64 år',
                ...HAE_BENEFITS.map((b) => HAE_LABEL[b]),
                'Summa',
                `Andel ${heading}`,
                `Andel ${lastHeading}`,
                'Diff p.e.',
              ],
              rows: counts,
              footnotes: ['Grön Diff = andelen har minskat, röd = ökat.'],
            },
            {
              title: `Andel av befolkningen 20–64 år per ersättning, ${heading}`,
              header: ['Kommun', ...SHARE_COLUMNS.map((b) => HAE_LABEL[b])],
              rows: shares,
              footnotes: [`${HAE_LABEL[HAE_SEPARATE]} är en egen serie hos SCB och ingår inte i summan.`],
            },
            {
              title: `${HAE_LABEL[HAE_SEPARATE]} (egen serie), ${heading}`,
              header: ['Kommun', 'Antal'],
              rows: separate,
            },
          ],
        },
      ],
    };
  },
};
