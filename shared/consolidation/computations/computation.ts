import type { ConsolidationInput } from '../../indices/consolidation-model';
import type { ResolvedTemplate } from '../../model/resolve';
import type { HeadlineRow } from '../headline';
import type { ChartSpec, ReportSheet } from '../report-model';
import type { SheetContext } from '../sheet-context';
import type { FigureSource, TemplateFigures } from '../template-figures';

/** What a named computation is given: the report, figures of any template, and its own template. */
export interface ComputationContext {
  input: ConsolidationInput;
  source: FigureSource;
  /** The template whose configuration names the computation, resolved for the report's year. */
  template: ResolvedTemplate;
  /** The templates it reads, by the role its configuration gives them. */
  inputs: Readonly<Record<string, string>>;
  /** A template's consolidated figures as the report shows them (with what the published variant hides). */
  figuresOf(templateId: string): TemplateFigures | undefined;
  sheet: SheetContext;
}

/** What a computation adds to the report. */
export interface ComputationResult<Data> {
  sheets: ReportSheet[];
  /** Rows for Sammanfattning. */
  headline: HeadlineRow[];
  /** Charts for Sammanfattning. */
  charts: ChartSpec[];
  /** Method notes for Om rapporten. */
  notes: string[];
  /** The computed figures, for tests and other readers. */
  data: Data;
}

export interface Computation<Data> {
  /** Swedish, for Om rapporten. */
  description: string;
  /** The roles its `inputs` must name. */
  inputs: readonly string[];
  run(context: ComputationContext): ComputationResult<Data>;
}
