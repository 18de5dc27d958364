import { z } from 'zod';
import { cellRefPatternSchema, sheetNameSchema } from './cell-ref';
import { elementIdSchema, templateIdSchema } from './ids';

/**
 * How a template consolidates: part of its definition, so a new template (or a förbund's own)
 * appears in the consolidated workbook with its sums, ratios, comparisons and checks without
 * any code naming it. Every field has a default a plain count template can live with.
 */

/** The comparisons a reader wants: the same period last year, and the tertial before. */
export const comparisonSchema = z.enum(['last-year', 'previous-tertial']);
export type ComparisonKind = z.infer<typeof comparisonSchema>;

export const comparatorSchema = z.enum(['gte', 'lte']);

/**
 * A ratio of named cells in percent: numerator / denominator × 100, computed for every scope
 * from its summed counts (never an average of the scopes' ratios). A `*` in the row or column
 * binds as in rules: `deltagare.positiv.*` over `deltagare.avslutade.*` is one figure per
 * column (Kvinnor, Män, Totalt); `alder.*.tot` over `alder.samtliga.tot` one per row.
 */
export const derivedFigureSchema = z.object({
  id: elementIdSchema,
  /** Swedish, as the reader sees it: "Andel positiv lösning". */
  label: z.string().min(2),
  numerator: cellRefPatternSchema,
  denominator: cellRefPatternSchema,
  /** The figure's goal, e.g. ≥ 70 %: reached is green, missed red. */
  target: z.object({ comparator: comparatorSchema, value: z.number() }).optional(),
  /** Which way a change from last year is good; defaults from the target's comparator. */
  direction: z.enum(['up', 'down']).optional(),
  /** Shown on Sammanfattning, per scope (its Totalt, or its only instance). */
  headline: z.boolean().default(false),
  /** The row whose % column shows the figure in a section block with `percentOf`; default the numerator's. */
  shownOn: elementIdSchema.optional(),
});
export type DerivedFigure = z.infer<typeof derivedFigureSchema>;

/**
 * Cells that are measures, not counts (a time in months, a share, an index): they never add up
 * across scopes. A group or förbund shows none, or a mean weighted by one of the scope's
 * additive cells (months weighted by the closures they are a mean of).
 */
export const measureRuleSchema = z.object({
  cells: cellRefPatternSchema,
  total: z.union([z.literal('none'), z.object({ weightedBy: cellRefPatternSchema })]).default('none'),
});
export type MeasureRule = z.infer<typeof measureRuleSchema>;

/** One block of a template's consolidated sheet. */
export const layoutBlockSchema = z.discriminatedUnion('block', [
  /** A section as a table: its rows and columns, the comparisons, and a % column where declared. */
  z.object({
    block: z.literal('section'),
    section: elementIdSchema,
    title: z.string().min(1).optional(),
    /** The section's columns become rows (referring parties), its rows columns. */
    transpose: z.boolean().default(false),
    /** A % column after the section's columns: the derived figure shown on each row, for this column. */
    percentOf: elementIdSchema.optional(),
    /** In a transposed block: derived figures bound per section column, shown as columns. */
    derived: z.array(elementIdSchema).default([]),
    /** Columns compared with other periods; default the section's last numeric column (its Totalt). */
    compare: z.array(elementIdSchema).optional(),
    footnote: z.string().min(1).optional(),
  }),
  /** Derived figures as rows and their bound columns (Kvinnor, Män) as columns, with the gap between them. */
  z.object({
    block: z.literal('derived'),
    title: z.string().min(1),
    derived: z.array(elementIdSchema).min(1),
    columns: z.array(elementIdSchema).min(1),
    /** A column for the first minus the second, in percentage points, this period and last year. */
    gap: z.boolean().default(false),
    footnote: z.string().min(1).optional(),
  }),
  /** How many rows chose each answer of a choice column (initiatives per status). */
  z.object({
    block: z.literal('choices'),
    section: elementIdSchema,
    column: elementIdSchema,
    title: z.string().min(1),
  }),
]);
export type LayoutBlock = z.infer<typeof layoutBlockSchema>;

/**
 * A named computation that is more than arithmetic over cells (Impactindex from the year's
 * social budget, helårsekvivalenter shares, money against budget and trappan). It builds the
 * template's sheets; `inputs` names the other templates it reads, by the role it gives them.
 */
export const computationRefSchema = z.object({
  name: z.string().min(1),
  inputs: z.record(z.string().min(1), templateIdSchema).default({}),
});
export type ComputationRef = z.infer<typeof computationRefSchema>;

export const consolidationSchema = z.object({
  /** The sheet tab in the consolidated workbook; default the template's own sheet name. */
  sheetName: sheetNameSchema.optional(),
  /** The sheet's heading; default the template's title. */
  title: z.string().min(3).optional(),
  /** Cells summed over scopes into groups and the förbund; default every count cell. */
  additive: z.array(cellRefPatternSchema).optional(),
  measures: z.array(measureRuleSchema).default([]),
  derived: z.array(derivedFigureSchema).default([]),
  comparisons: z.array(comparisonSchema).default(['last-year']),
  /** Counts hidden when small in the published variant; default every count cell. */
  suppress: z.array(cellRefPatternSchema).optional(),
  /**
   * `auto`: platforms add up into their groups, and every scope into the förbund where no group
   * already holds them all; `none`: each scope on its own.
   */
  totals: z.enum(['auto', 'none']).default('auto'),
  /** The blocks of the sheet; default one section block per section. */
  layout: z.array(layoutBlockSchema).optional(),
  computation: computationRefSchema.optional(),
  /** Read by that template's computation and shown on its sheet, not on a sheet of its own. */
  usedBy: templateIdSchema.optional(),
});
export type ConsolidationConfig = z.infer<typeof consolidationSchema>;
export type ConsolidationConfigInput = z.input<typeof consolidationSchema>;

/** The defaults, for a template that says nothing about how it consolidates. */
export const DEFAULT_CONSOLIDATION: ConsolidationConfig = consolidationSchema.parse({});

interface SectionShape {
  id: string;
  columns: readonly { id: string }[];
  rows: readonly { id: string }[];
  /** Rows come from configuration, so a pattern may name rows the definition does not list. */
  sourced: boolean;
}

/**
 * What is wrong with a consolidation block against its template's sections, in Swedish, one
 * message per problem: a pattern naming an unknown section, row or column; a derived figure
 * whose numerator and denominator bind differently; a layout naming what does not exist.
 */
export function consolidationProblems(config: ConsolidationConfig, sections: readonly SectionShape[]): string[] {
  const problems: string[] = [];
  const section = (id: string) => sections.find((s) => s.id === id);
  const checkRef = (ref: string, where: string) => {
    const [s = '', row = '', column = ''] = ref.split('.');
    const found = section(s);
    if (!found) return problems.push(`${where}: okänd sektion i ${ref}`);
    if (row !== '*' && !found.sourced && !found.rows.some((r) => r.id === row))
      problems.push(`${where}: okänd rad i ${ref}`);
    if (column !== '*' && !found.columns.some((c) => c.id === column)) problems.push(`${where}: okänd kolumn i ${ref}`);
  };
  for (const ref of [...(config.additive ?? []), ...(config.suppress ?? [])]) checkRef(ref, 'Konsolideringen');
  for (const m of config.measures) {
    checkRef(m.cells, 'Måttet');
    if (m.total !== 'none') checkRef(m.total.weightedBy, 'Måttets vikt');
  }
  const derivedIds = new Set<string>();
  for (const d of config.derived) {
    if (derivedIds.has(d.id)) problems.push(`Kvoten ${d.id} finns två gånger`);
    derivedIds.add(d.id);
    checkRef(d.numerator, `Kvoten ${d.id}`);
    checkRef(d.denominator, `Kvoten ${d.id}`);
    const wild = (ref: string) => ref.split('.').map((part) => part === '*');
    const [, nRow, nColumn] = wild(d.numerator);
    const [, dRow, dColumn] = wild(d.denominator);
    if (nRow && nColumn) problems.push(`Kvoten ${d.id}: täljaren får ha * på rad eller kolumn, inte båda`);
    if ((dRow && !nRow) || (dColumn && !nColumn))
      problems.push(`Kvoten ${d.id}: nämnarens * måste stå där täljarens står`);
  }
  for (const block of config.layout ?? []) {
    if (block.block !== 'derived' && !section(block.section))
      problems.push(`Layouten nämner okänd sektion ${block.section}`);
    const named = block.block === 'choices' ? [] : block.derived;
    for (const id of named) if (!derivedIds.has(id)) problems.push(`Layouten nämner okänd kvot ${id}`);
    if (block.block === 'section') {
      const s = section(block.section);
      for (const c of [...(block.compare ?? []), ...(block.percentOf ? [block.percentOf] : [])])
        if (s && !s.columns.some((col) => col.id === c))
          problems.push(`Layouten nämner okänd kolumn ${c} i sektionen ${block.section}`);
    }
    if (block.block === 'choices' && !section(block.section)?.columns.some((c) => c.id === block.column))
      problems.push(`Layouten nämner okänd kolumn ${block.column} i sektionen ${block.section}`);
  }
  return problems;
}
