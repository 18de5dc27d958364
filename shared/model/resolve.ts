import type { CellSpec } from './cell-kind';
import type { ForbundConfig, ForbundYear } from './forbund-schema';
import type { Owner } from './ids';
import type { Row, RowSource, Section, TemplateDefinition } from './template-schema';

/** `section.row.column` — the stable address of an input cell, independent of layout. */
export type CellId = string;

export interface ResolvedCell {
  id: CellId;
  section: string;
  row: string;
  column: string;
  spec: CellSpec;
  required: boolean;
  owner?: Owner[];
  rowLabel: string;
  columnLabel: string;
}

export interface ResolvedRow extends Omit<Row, 'cell' | 'required' | 'columns'> {
  cells: ResolvedCell[];
}

export interface ResolvedSection {
  id: string;
  title: string;
  help?: string;
  columns: { id: string; label: string; help?: string }[];
  rows: ResolvedRow[];
}

/** A template made concrete for one förbund and year: every row and cell is known. */
export interface ResolvedTemplate {
  definition: TemplateDefinition;
  forbundId: string;
  year: number;
  sections: ResolvedSection[];
  cells: ResolvedCell[];
  cellById: ReadonlyMap<CellId, ResolvedCell>;
}

export function cellId(section: string, row: string, column: string): CellId {
  return `${section}.${row}.${column}`;
}

/** Party ids may hold hyphens; element ids may not (they end up in Excel names). */
function toElementId(id: string): string {
  return id.replace(/-/g, '_');
}

const tkrFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** "−2 010": Swedish grouping and a true minus sign, as in the annual report. */
function formatTkr(value: number): string {
  return tkrFormat.format(value).replace(/-/g, '\u2212');
}

function rowsFromSource(source: RowSource, forbund: ForbundConfig, yearConfig: ForbundYear | undefined): Row[] {
  const row = (id: string, label: string, extra: Partial<Row> = {}): Row => ({
    id: toElementId(id),
    label,
    indent: 0,
    ...extra,
  });
  switch (source.source) {
    case 'kommuner':
      return forbund.parties
        .filter((p) => p.kind === 'kommun')
        .map((p) => row(p.id, p.name, { help: p.kommunkod ? `Kommunkod ${p.kommunkod}` : undefined }));
    case 'budget-lines':
      return (yearConfig?.budget ?? [])
        .filter((l) => source.group === undefined || l.group === source.group)
        .map((l) => row(l.id, l.label, { help: `Budget: ${formatTkr(l.budget)} tkr` }));
    case 'initiatives':
      return (yearConfig?.initiatives ?? []).map((i) =>
        row(i.id, `${i.number}. ${i.name}`, { help: `${i.area}. Sammankallande: ${i.sammankallande}` }),
      );
    case 'impact-indicators':
      return (yearConfig?.socialBudget?.indicators ?? [])
        .filter((i) => i.area === source.area && i.source === 'input')
        .map((i) => row(i.id, i.label, { unit: i.unit }));
  }
}

function resolveSection(
  section: Section,
  forbund: ForbundConfig,
  yearConfig: ForbundYear | undefined,
): ResolvedSection {
  const sourced = section.rowSource ? rowsFromSource(section.rowSource, forbund, yearConfig) : [];
  const rows = (section.sourcedRows === 'first' ? [...sourced, ...section.rows] : [...section.rows, ...sourced]).map(
    (row): ResolvedRow => {
      const columns = section.columns.filter((c) => row.columns === undefined || row.columns.includes(c.id));
      const cells = columns.map((column): ResolvedCell => ({
        id: cellId(section.id, row.id, column.id),
        section: section.id,
        row: row.id,
        column: column.id,
        spec: row.cell ?? column.cell ?? section.cell,
        required: row.required ?? column.required ?? section.required,
        owner: row.owner,
        rowLabel: row.label,
        columnLabel: column.label,
      }));
      const { cell: _cell, required: _required, columns: _columns, ...rest } = row;
      return { ...rest, cells };
    },
  );
  return {
    id: section.id,
    title: section.title,
    help: section.help,
    columns: section.columns.map(({ id, label, help }) => ({ id, label, help })),
    rows,
  };
}

/**
 * Makes a template concrete for a förbund and year: rows drawn from configuration (kommuner,
 * budget lines, initiatives, Impactindex indicators) are filled in, and every cell gets its kind
 * and requiredness from the row, else the column, else the section.
 */
export function resolveTemplate(
  definition: TemplateDefinition,
  forbund: ForbundConfig,
  year: number,
): ResolvedTemplate {
  // Definitions and förbund are parsed once and never mutated, so the same inputs give the same
  // resolved template object — which lets per-template caches (layout, expanded rules) hit across requests.
  let byForbund = resolved.get(definition);
  if (!byForbund) resolved.set(definition, (byForbund = new WeakMap()));
  let byYear = byForbund.get(forbund);
  if (!byYear) byForbund.set(forbund, (byYear = new Map()));
  let template = byYear.get(year);
  if (!template) byYear.set(year, (template = buildResolvedTemplate(definition, forbund, year)));
  return template;
}

const resolved = new WeakMap<TemplateDefinition, WeakMap<ForbundConfig, Map<number, ResolvedTemplate>>>();

function buildResolvedTemplate(definition: TemplateDefinition, forbund: ForbundConfig, year: number): ResolvedTemplate {
  const yearConfig = forbund.years[String(year)];
  const sections = definition.sections.map((s) => resolveSection(s, forbund, yearConfig));
  const cells = sections.flatMap((s) => s.rows.flatMap((r) => r.cells));
  return {
    definition,
    forbundId: forbund.id,
    year,
    sections,
    cells,
    cellById: new Map(cells.map((c) => [c.id, c])),
  };
}
