import type { ForbundConfig } from '../model/forbund-schema';
import type { ResolvedTemplate } from '../model/resolve';
import { listSv } from '../text/list-sv';
import { halfYearOf, roundMean, type HalfYear } from './half-year';
import type { ScbImport } from './import';
import type { ScbImportConfig } from './import-config';
import { contentOfColumn, kommunerOf, regionOfKommun, sectionOf, summaDerivable } from './template-map';
import { BENEFIT_CONTENTS, CONTENT_LABEL, type ContentId } from './vocabulary';

export interface ScbPreviewRow {
  rowId: string;
  name: string;
  kind: 'kommun' | 'riket';
  /** Template column → value; null where the half-year cannot be made, never 0. */
  values: Record<string, number | null>;
}

export interface ScbPreview {
  period: string;
  columns: { id: string; label: string }[];
  rows: ScbPreviewRow[];
  /** The template's values: what is sent, and all that is sent. */
  values: Record<string, number | null>;
  /** Per row with gaps: the columns without a value, and why, in Swedish. */
  missing: { rowId: string; name: string; columns: string[]; reasons: string[] }[];
}

function reasonOf(half: Extract<HalfYear, { value: null }>): string[] {
  return [
    ...(half.missingMonths.length > 0 ? [`saknar ${listSv(half.missingMonths)}`] : []),
    ...(half.markedMonths.length > 0 ? [`SCB anger inget värde (”..”) för ${listSv(half.markedMonths)}`] : []),
    ...(half.conflictMonths.length > 0 ? [`två olika värden för ${listSv(half.conflictMonths)}`] : []),
  ];
}

/**
 * One first half-year per kommun of the förbund and for the whole country: each template column's
 * mean of January–June, the population rounded to whole people. A kommun the file lacks shows
 * as missing throughout, with the reason.
 */
export function previewScbPeriod(
  imported: ScbImport,
  forbund: ForbundConfig,
  template: ResolvedTemplate,
  period: string,
  config: ScbImportConfig,
): ScbPreview {
  const { table } = imported;
  const year = Number(period.slice(0, 4));
  const section = sectionOf(template, config);
  const byColumn = contentOfColumn(config);
  const columns = (section?.columns ?? []).filter((c) => byColumn.has(c.id)).map((c) => ({ id: c.id, label: c.label }));
  const halfYear = (key: string | undefined, content: ContentId): HalfYear | 'no-region' | 'no-content' => {
    if (key === undefined) return 'no-region';
    if (content === 'summa' && summaDerivable(table)) {
      const parts = BENEFIT_CONTENTS.map((c) => halfYearOf(table.figures.get(key)?.get(c), year, config.halfYear));
      const failed = parts.find((p) => p.value === null);
      return failed ?? { value: parts.reduce((sum, p) => sum + p.value!, 0) };
    }
    if (!table.contents.includes(content)) return 'no-content';
    return halfYearOf(table.figures.get(key)?.get(content), year, config.halfYear);
  };
  const targets = [
    ...kommunerOf(forbund).map((k) => ({
      rowId: k.id.replace(/-/g, '_'),
      name: k.name,
      kind: 'kommun' as const,
      key: regionOfKommun(table, k),
    })),
    {
      rowId: config.riketRow,
      name: 'Riket',
      kind: 'riket' as const,
      key: table.regions.has('riket') ? 'riket' : undefined,
    },
  ].filter((t) => section && template.cellById.has(`${section.id}.${t.rowId}.${columns[0]?.id}`));

  const values: Record<string, number | null> = {};
  const rows: ScbPreviewRow[] = [];
  const missing: ScbPreview['missing'] = [];
  for (const target of targets) {
    const rowValues: Record<string, number | null> = {};
    const gaps: string[] = [];
    const reasons = new Set<string>();
    for (const column of columns) {
      const content = byColumn.get(column.id)!;
      const half = halfYear(target.key, content);
      let value: number | null = null;
      if (half === 'no-region') reasons.add('finns inte i filen');
      else if (half === 'no-content') reasons.add(`${CONTENT_LABEL[content]} finns inte i filen`);
      else if (half.value === null) for (const r of reasonOf(half)) reasons.add(`${CONTENT_LABEL[content]}: ${r}`);
      else value = roundMean(half.value, content === 'folkmangd' ? 0 : config.halfYear.decimals);
      rowValues[column.id] = value;
      values[`${section!.id}.${target.rowId}.${column.id}`] = value;
      if (value === null) gaps.push(column.id);
    }
    rows.push({ rowId: target.rowId, name: target.name, kind: target.kind, values: rowValues });
    if (gaps.length > 0) missing.push({ rowId: target.rowId, name: target.name, columns: gaps, reasons: [...reasons] });
  }
  // Keep the key order stable for identical files: the template's cell order.
  const ordered: Record<string, number | null> = {};
  for (const cell of template.cells) if (cell.id in values) ordered[cell.id] = values[cell.id]!;
  return { period, columns, rows, values: ordered, missing };
}
