import type {
  Consolidation,
  HeadlineRow,
  ReportBasis,
  ReportVariant,
} from '../../../shared/indices/consolidation-model';

/** Swedish words the sheets share. */
export const VARIANT_LABEL = { internal: 'Intern version', published: 'Publicerad version' } satisfies Record<
  ReportVariant,
  string
>;
export const BASIS_LABEL = {
  approved: 'godkända inlämningar',
  latest: 'senaste inlämningarna (även ej godkända)',
} satisfies Record<ReportBasis, string>;

/**
 * "61,5", "1 234": at most one decimal. One formatter made once — toLocaleString with options
 * builds a new one on every call, which was a visible share of writing a report.
 */
export const SV_NUMBER = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

const sv = (value: number) => SV_NUMBER.format(value).replace(/-/g, '−');

/** "≥ 70 %", "≤ 0 tkr" */
export function targetText(row: Pick<HeadlineRow, 'target' | 'unit'>): string {
  if (!row.target) return '';
  const unit = row.unit === 'index' ? '' : row.unit === '%' ? ' %' : ' tkr';
  return `${row.target.comparator === 'gte' ? '≥' : '≤'} ${sv(row.target.value)}${unit}`;
}

/** "2024-02-01 06:00 UTC" */
export function timeText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The subtitle every sheet carries: förbund, period, variant and basis. */
export function reportLine(c: Consolidation): string {
  return (
    `${c.meta.forbund.name} · ${c.meta.periodLabel} · ${VARIANT_LABEL[c.meta.variant]} · ` +
    `underlag: ${BASIS_LABEL[c.meta.basis]}`
  );
}

export function yearOf(period: string): string {
  return period.slice(0, 4);
}
