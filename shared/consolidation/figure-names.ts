import type { PeriodKey } from './template-figures';

/**
 * Defined names of the consolidated workbook's figures, derived from the model the way a
 * template's input cells are `SAM.<section.row.column>`: `SAMR.<source>.<scope>.<figure>`, where
 * the source is a template or a named computation, then a suffix for what the figure compares
 * with. Readers (the task pane's charts, the demo) find figures by these names, never by labels.
 *
 * @example
 * figureName('deltagare-avslut', 'ungdomstorget', 'deltagare.antal.tot')
 *   // 'SAMR.deltagare_avslut.ungdomstorget.deltagare.antal.tot'
 * figureName('impactindex', 'vuxentorget', 'totalt', 'fg') // 'SAMR.impactindex.vuxentorget.totalt.fg'
 */
export const FIGURE_NAME_PREFIX = 'SAMR';

/** What a figure is of: this period, last year, the previous tertial, or a difference against one. */
export const NAME_SUFFIX = {
  current: '',
  lastYear: 'fg',
  previousTertial: 'ft',
  diffLastYear: 'diff',
  diffPreviousTertial: 'diff_ft',
} as const satisfies Record<PeriodKey | 'diffLastYear' | 'diffPreviousTertial', string>;

/** Ids from the configuration are mostly clean already; others are cleaned once. */
const CLEAN = /^[a-z_][a-z0-9_.]*$/;

/** Name segments are element ids: lowercase a–z, 0–9 and _, so hyphens in template and scope ids become _. */
function segment(part: string): string {
  if (CLEAN.test(part)) return part;
  let done = segments.get(part);
  if (done === undefined) {
    done = part
      .toLowerCase()
      .replace(/[^a-z0-9_.]/g, '_')
      .replace(/^([^a-z_])/, '_$1');
    segments.set(part, done);
  }
  return done;
}

/** Ids repeat across every report a process writes; each is cleaned once. Bounded by the configuration's ids. */
const segments = new Map<string, string>();

export function figureName(...parts: readonly string[]): string {
  return figureNameIn(FIGURE_NAME_PREFIX, ...parts);
}

/** A name under another (`figureNameIn(figureName('x', 'scope'), 'cell')`): the prefix made once for many figures. */
export function figureNameIn(prefix: string, ...parts: readonly string[]): string {
  let name = prefix;
  for (const part of parts) if (part !== '') name += `.${segment(part)}`;
  return name;
}

export function isFigureName(name: string): boolean {
  return name.startsWith(`${FIGURE_NAME_PREFIX}.`);
}

/**
 * The report's chart index: a very hidden sheet whose first cell holds this mark, then one row
 * per charted figure — chart id, title, category key and label, series key and label, the
 * figure's defined name, the position of its sheet in the workbook (1 = first), its cell, the
 * unit. Readers find charted figures through it by name, also where a host drops the workbook's
 * names when it inserts the sheets elsewhere.
 */
export const CHART_INDEX_MARK = 'Samlad diagramindex 1';
export const CHART_INDEX_SHEET = 'Samlad diagram';
export const CHART_INDEX_COLUMNS = [
  'diagram',
  'rubrik',
  'kategori',
  'kategorinamn',
  'serie',
  'serienamn',
  'namn',
  'blad',
  'cell',
  'enhet',
] as const;
