import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../../shared/indices/consolidation-model';
import type { ImpactIndexResult, IndicatorStatus } from '../../../shared/indices/impact-index';
import { difference, missing, type Measure } from '../../../shared/indices/measure';
import type { IndicatorTarget } from '../../../shared/model/forbund-schema';
import { reportLine, SV_NUMBER, yearOf } from './report-text';
import {
  finishSheet,
  FORMAT,
  paint,
  setStyle,
  writeFootnote,
  writeHeaderRow,
  writeHeading,
  writeMeasure,
  writeSectionTitle,
  writeText,
} from './sheet-kit';

const STATUS_LABEL = {
  achieved: 'Uppnått',
  'not-achieved': 'Ej uppnått',
  missing: 'Saknas',
  'not-applicable': 'Gäller ej',
} satisfies Record<IndicatorStatus, string>;

const sv = (v: number) => SV_NUMBER.format(v);

function targetText(target: IndicatorTarget, unit?: string): string {
  const suffix = unit === '%' ? ' %' : unit ? ` ${unit}` : '';
  switch (target.type) {
    case 'threshold':
      return `${target.comparator === 'gte' ? '≥' : '≤'} ${sv(target.value)}${suffix}`;
    case 'better-than-last-year':
      return target.direction === 'up' ? 'högre än föregående år' : 'lägre än föregående år';
  }
}

/**
 * Impactindex: total and goal areas (rows) × platforms and group (this year, last year, Diff),
 * as seed 004's Tabell 2–5 but side by side; then every indicator with its weight, target,
 * value and whether it was reached, per scope.
 */
export function writeImpactSheet(sheet: ExcelJS.Worksheet, c: Consolidation): void {
  const year = String(c.meta.period.year);
  const last = yearOf(c.meta.lastYearPeriod);
  const lines = [reportLine(c)];
  if (c.impact.missing) lines.push(c.impact.missing);
  if (c.impact.lastYearMissing) lines.push(c.impact.lastYearMissing);
  let row = writeHeading(sheet, 'Impactindex per målområde och plattform', lines);
  const scopes = c.impact.scopes;
  const budget = c.impact.budget;

  const groupHeader = row;
  writeText(sheet, groupHeader, 1, '');
  scopes.forEach((s, i) => {
    // Styled before merging: the merged cells take the style the first one has then.
    setStyle(writeText(sheet, groupHeader, 3 + i * 3, s.name, { name: 'Calibri', size: 11, bold: true }, false), {
      alignment: { horizontal: 'center' },
    });
    sheet.mergeCells(groupHeader, 3 + i * 3, groupHeader, 5 + i * 3);
  });
  row += 1;
  const header = row;
  writeHeaderRow(sheet, header, ['Målområde', 'Poäng', ...scopes.flatMap(() => [year, last, 'Diff'])]);
  row += 1;
  const none = missing('no-configuration', `social budget ${year}`);
  const noneLast = missing('no-configuration', `social budget ${last}`);
  const lineOf = (label: string, points: number | undefined, pick: (r: ImpactIndexResult) => Measure) => {
    writeText(sheet, row, 1, label, label === 'Totalt' ? { name: 'Calibri', size: 11, bold: true } : undefined);
    if (points !== undefined) writeMeasure(sheet, row, 2, { value: points }, FORMAT.count);
    scopes.forEach((s, i) => {
      const now = s.current ? pick(s.current) : none;
      const before = s.lastYear ? pick(s.lastYear) : noneLast;
      const target = budget?.targetIndex ?? 70;
      writeMeasure(sheet, row, 3 + i * 3, now, FORMAT.index, { good: now.value === null ? null : now.value >= target });
      writeMeasure(sheet, row, 4 + i * 3, before, FORMAT.index);
      writeMeasure(sheet, row, 5 + i * 3, difference(now, before), FORMAT.signedIndex);
    });
    row += 1;
  };
  const areas = budget?.areas ?? [];
  lineOf('Totalt', areas.reduce((a, x) => a + x.points, 0) || undefined, (r) => r.total);
  for (const area of areas)
    lineOf(
      area.name,
      area.points,
      (r) => r.areas.find((a) => a.id === area.id)?.index ?? missing('no-configuration', area.name),
    );
  const lastColumn = 2 + scopes.length * 3;
  writeFootnote(
    sheet,
    row,
    `Målet är Impactindex ${budget?.targetIndex ?? 70}. Index = uppnådda poäng / bedömda poäng × ` +
      `100; indikatorer utan underlag räknas inte (se nedan).`,
  );
  row += 2;

  if (budget) {
    writeSectionTitle(sheet, row, `Indikatorer ${year}`, lastColumn);
    row += 1;
    writeHeaderRow(sheet, row, [
      'Indikator',
      'Vikt',
      ...scopes.flatMap((s) => [`${s.name}: värde`, 'Bedömning']),
      'Mål',
    ]);
    row += 1;
    for (const indicator of budget.indicators) {
      writeText(sheet, row, 1, indicator.label);
      writeMeasure(sheet, row, 2, { value: indicator.weight }, FORMAT.count);
      scopes.forEach((s, i) => {
        const result = s.current?.indicators.find((r) => r.indicator.id === indicator.id);
        const status: IndicatorStatus = result?.status ?? 'missing';
        // Published: an indicator's value can be a rate of a small count, so only the verdict is shown.
        if (result?.value && status !== 'not-applicable')
          writeMeasure(sheet, row, 3 + i * 2, result.value, FORMAT.decimal, {
            hidden: c.meta.variant === 'published',
            mark: c.meta.suppression?.mark,
          });
        const verdict = writeText(sheet, row, 4 + i * 2, STATUS_LABEL[status]);
        paint(verdict, status === 'achieved' ? true : status === 'not-achieved' ? false : null);
      });
      writeText(sheet, row, 3 + scopes.length * 2, targetText(indicator.target, indicator.unit));
      row += 1;
    }
    const points = (pick: (r: ImpactIndexResult) => number) =>
      scopes.map((s) => (s.current ? sv(pick(s.current)) : '–')).join(' / ');
    writeFootnote(
      sheet,
      row,
      `Uppnådda / bedömda / ej bedömda poäng (${scopes.map((s) => s.name).join(' / ')}): ` +
        `${points((r) => r.achievedPoints)} — ${points((r) => r.judgedPoints)} — ${points((r) => r.missingPoints)}.`,
    );
    row += 1;
  }
  finishSheet(sheet, {
    headerRow: header,
    lastRow: row,
    lastColumn: Math.max(lastColumn, 3 + scopes.length * 2),
    minLabelWidth: 40,
  });
}
