import { isNumericKind } from '../model/cell-kind';
import { DEFAULT_CONSOLIDATION, type ConsolidationConfig, type DerivedFigure } from '../model/consolidation-schema';
import type { CellId, ResolvedTemplate } from '../model/resolve';
import type { TemplateDefinition } from '../model/template-schema';

/** `section.row.column` with `*` in any position matching everything there. */
export function matchesPattern(cell: CellId, pattern: string): boolean {
  const a = cell.split('.');
  const b = pattern.split('.');
  return a.length === 3 && b.length === 3 && b.every((part, i) => part === '*' || part === a[i]);
}

export function consolidationOf(definition: TemplateDefinition): ConsolidationConfig {
  return definition.consolidation ?? DEFAULT_CONSOLIDATION;
}

/** How each numeric cell of a template combines across scopes. */
export interface CellRoles {
  /** Summed over scopes into groups and the förbund. */
  additive: ReadonlySet<CellId>;
  /** Measures with a weighted mean for groups and the förbund: cell → the additive cell that weighs it. */
  weightedBy: ReadonlyMap<CellId, CellId>;
  /** Counts hidden when small in the published variant. */
  suppressible: ReadonlySet<CellId>;
}

const rolesCache = new WeakMap<ResolvedTemplate, CellRoles>();

/**
 * The roles of a resolved template's cells: what the configuration lists, else every count is
 * additive and suppressible. A cell listed as a measure is never additive, whatever else matches.
 */
export function cellRoles(template: ResolvedTemplate): CellRoles {
  const cached = rolesCache.get(template);
  if (cached) return cached;
  const config = consolidationOf(template.definition);
  const numeric = template.cells.filter((c) => isNumericKind(c.spec.kind));
  const counts = numeric.filter((c) => c.spec.kind === 'count').map((c) => c.id);
  const matching = (patterns: readonly string[] | undefined, fallback: readonly CellId[]) =>
    patterns === undefined
      ? new Set(fallback)
      : new Set(numeric.filter((c) => patterns.some((p) => matchesPattern(c.id, p))).map((c) => c.id));
  const measureOf = (id: CellId) => config.measures.find((m) => matchesPattern(id, m.cells));
  const additive = matching(config.additive, counts);
  const weightedBy = new Map<CellId, CellId>();
  for (const cell of numeric) {
    const rule = measureOf(cell.id);
    if (!rule) continue;
    additive.delete(cell.id);
    if (rule.total !== 'none') weightedBy.set(cell.id, bind(rule.total.weightedBy, cell.id, rule.cells));
  }
  const roles = { additive, weightedBy, suppressible: matching(config.suppress, counts) };
  rolesCache.set(template, roles);
  return roles;
}

/** A pattern with its `*` positions filled from the cell the matched pattern bound them to. */
function bind(pattern: string, cell: CellId, matched: string): CellId {
  const parts = cell.split('.');
  const wild = matched.split('.');
  return pattern
    .split('.')
    .map((p, i) => (p === '*' && wild[i] === '*' ? (parts[i] ?? p) : p))
    .join('.');
}

/** One concrete derived figure: the bound element (a column or row id, '' when nothing binds) and its cells. */
export interface DerivedInstance {
  figure: DerivedFigure;
  key: string;
  numerator: CellId;
  denominator: CellId;
  /** The cell whose row shows the figure in a % column. */
  shownOn: CellId;
}

const derivedCache = new WeakMap<ResolvedTemplate, DerivedInstance[]>();

/**
 * Every instance of the template's derived figures: a `*` in the numerator ranges over the rows
 * (or columns) of its section and binds the same id in the denominator. An instance whose cells
 * do not exist, or whose numerator is its denominator (Samtliga of Samtliga), is left out.
 */
export function derivedInstances(template: ResolvedTemplate): DerivedInstance[] {
  const cached = derivedCache.get(template);
  if (cached) return cached;
  const out: DerivedInstance[] = [];
  for (const figure of consolidationOf(template.definition).derived) {
    const [section = '', row = '', column = ''] = figure.numerator.split('.');
    const rows = row === '*' ? (template.sections.find((s) => s.id === section)?.rows.map((r) => r.id) ?? []) : [row];
    const columns =
      column === '*' ? (template.sections.find((s) => s.id === section)?.columns.map((c) => c.id) ?? []) : [column];
    for (const r of rows) {
      for (const c of columns) {
        const numerator = `${section}.${r}.${c}`;
        const key = row === '*' ? r : column === '*' ? c : '';
        const denominator = figure.denominator
          .split('.')
          .map((part, i) => (part === '*' ? (i === 1 ? r : c) : part))
          .join('.');
        if (numerator === denominator) continue;
        if (!template.cellById.has(numerator) || !template.cellById.has(denominator)) continue;
        const shownOn = figure.shownOn ? `${section}.${figure.shownOn}.${c}` : numerator;
        out.push({ figure, key, numerator, denominator, shownOn });
      }
    }
  }
  derivedCache.set(template, out);
  return out;
}

/** The direction in which a derived figure's change is good. */
export function derivedDirection(figure: DerivedFigure): 'up' | 'down' | undefined {
  if (figure.direction) return figure.direction;
  if (figure.target) return figure.target.comparator === 'gte' ? 'up' : 'down';
  return undefined;
}
