import { SUPPRESSION } from '../config/finance';
import type { CompletenessRow, ConsolidationInput, UsedSubmission } from '../indices/consolidation-model';
import { previousTertialOf, requiredPeriods } from '../indices/report-periods';
import { submissionSources } from '../indices/submission-sources';
import { describePeriod, parsePeriod } from '../model/period';
import { resolveTemplate } from '../model/resolve';
import { findParty, scopesOf, templatesForForbund } from '../model/selectors';
import type { TemplateDefinition } from '../model/template-schema';
import { derivedInstances } from './cell-patterns';
import { templateChecks } from './checks';
import { COMPUTATIONS, isComputationName, type ComputationData, type ComputationName } from './computations';
import type { ComputationContext, ComputationResult } from './computations/computation';
import { groupByScope, templateHeadline, type HeadlineRow } from './headline';
import type { ReportSheet } from './report-model';
import { aboutSheet, checkSheet, reportLine, submissionsSheet, summarySheet } from './report-sheets';
import type { SheetContext } from './sheet-context';
import { suppressTemplate } from './suppress';
import { templateSheets } from './template-sheets';
import { figureSource, templateFigures, type TemplateFigures } from './template-figures';
import type { Consolidation } from './consolidation-result';

export type { Consolidation } from './consolidation-result';

/** Every template × period × scope the report draws on, with the submissions used for each. */
function completeness(input: ConsolidationInput, used: ReturnType<ReturnType<typeof submissionSources>['used']>) {
  const { forbund, registry, period } = input;
  const rows: CompletenessRow[] = [];
  const years = [String(period.year), String(period.year - 1)];
  // The previous tertial is a comparison where it exists, not something the report needs.
  const periods = requiredPeriods(period).filter(
    (p) => years.includes(p.slice(0, 4)) && p !== previousTertialOf(period),
  );
  // Looked up once per template, period and scope: the report has hundreds of each.
  const byKey = new Map<string, typeof used>();
  for (const u of used) {
    const key = `${u.templateId}|${u.period}|${u.scope}`;
    const list = byKey.get(key);
    if (list) list.push(u);
    else byKey.set(key, [u]);
  }
  for (const p of periods) {
    const parsed = parsePeriod(p);
    if (!parsed) continue;
    for (const template of templatesForForbund(registry, forbund, parsed.year).filter(
      (t) => t.period.kind === parsed.kind,
    )) {
      for (const scope of scopesOf(template, forbund)) {
        const own = (byKey.get(`${template.id}|${p}|${scope.id}`) ?? []).map((u): UsedSubmission => {
          const { values: _values, ...rest } = u;
          return {
            ...rest,
            templateTitle: template.title,
            scopeName: scope.name,
            partyName: u.party === 'kansli' ? 'Kansliet' : (findParty(forbund, u.party)?.name ?? u.party),
          };
        });
        rows.push({
          templateId: template.id,
          templateTitle: template.title,
          templateVersion: template.version,
          period: p,
          scope: scope.id,
          scopeName: scope.name,
          used: own,
        });
      }
    }
  }
  return rows;
}

/** The method, said once for every report, and the ratios each template defines. */
function methodNotes(templates: readonly TemplateFigures[]): string[] {
  const notes = [
    'Antal summeras över plattformar och kommuner till grupper och till förbundet; andelar räknas sedan ur ' +
      'summorna, aldrig som medelvärden av andelar. Mått som inte kan summeras (tider, andelar) visas per plattform, ' +
      'kommun eller part, för grupper bara där mallen anger ett vägt medelvärde.',
    'Saknade uppgifter visas som saknade (”saknas”), aldrig som 0. En andel eller summa där någon del saknas visas ' +
      'också som saknad.',
    'Jämförelsen (Diff) är mot samma period föregående år och, där det finns underlag, mot föregående tertial. ' +
      'Tertialsiffror gäller året hittills.',
  ];
  for (const figures of templates) {
    const seen = new Set<string>();
    const ratios = derivedInstances(figures.template)
      .filter((i) => !seen.has(i.figure.id) && seen.add(i.figure.id))
      .map((i) => {
        const [, nRow] = i.figure.numerator.split('.');
        const part = (id: string, wildcard: boolean) => {
          const cell = figures.template.cellById.get(id);
          return (wildcard ? cell?.columnLabel : cell?.rowLabel) ?? id;
        };
        return (
          `${i.figure.label} = ${part(i.numerator, nRow === '*').toLocaleLowerCase('sv')} / ` +
          `${part(i.denominator, false).toLocaleLowerCase('sv')}`
        );
      });
    if (ratios.length > 0) notes.push(`${figures.definition.title}: ${ratios.join('; ')} (× 100).`);
  }
  return notes;
}

/** What the förbund's templates say, resolved for the report's year: shown, read by a computation, or both. */
function shownTemplates(input: ConsolidationInput): TemplateDefinition[] {
  return templatesForForbund(input.registry, input.forbund, input.period.year);
}

/**
 * Consolidates a förbund's submissions for a report period: each template the förbund collects
 * by its own definition (its counts summed into groups and the förbund, its ratios, comparisons,
 * checks and, when published, its suppression), the named computations its configuration refers
 * to, and the report's sheets. Pure: the same input gives the same output, which is what makes
 * the written file reproducible byte for byte.
 *
 * @example
 * const report = consolidate({
 *   registry, forbund, period: requirePeriod('2023T3'), variant: 'internal', basis: 'approved',
 *   generatedAt, submissions,
 * });
 * report.headline[0] // Arbetsmarknadstorgen, Andel positiv lösning, 61,5 % against ≥ 70 %
 */
export function consolidate(input: ConsolidationInput): Consolidation {
  const { registry, forbund, period } = input;
  const sources = submissionSources(registry, forbund, input.submissions);
  const source = figureSource(forbund, sources);
  const published = input.variant === 'published';
  const meta: Consolidation['meta'] = {
    forbund: { id: forbund.id, name: forbund.name, shortName: forbund.shortName },
    period,
    periodLabel: describePeriod(period),
    lastYearPeriod: `${period.year - 1}${period.id.slice(4)}`,
    variant: input.variant,
    basis: input.basis,
    generatedAt: input.generatedAt,
    ...(published ? { suppression: SUPPRESSION } : {}),
    templates: [],
  };
  const ctx: SheetContext = { published, mark: SUPPRESSION.mark, reportLine: reportLine({ meta }) };

  const definitions = shownTemplates(input);
  meta.templates = definitions.map((t) => ({ id: t.id, version: t.version, title: t.title }));
  const templates = definitions.map((definition) => {
    const figures = templateFigures(source, definition, resolveTemplate(definition, forbund, period.year), period);
    return published ? suppressTemplate(figures, SUPPRESSION) : figures;
  });
  const figuresOf = (id: string) => templates.find((t) => t.definition.id === id);

  const sheets: ReportSheet[] = [];
  const headline: HeadlineRow[] = [];
  const notes = methodNotes(templates.filter((t) => !t.config.computation && !t.config.usedBy));
  const computed: Partial<ComputationData> = {};
  const perScope = templates.filter(
    (t) => !t.config.computation && !t.config.usedBy && t.definition.scope === 'platform' && t.scopes.length > 1,
  );
  for (const figures of templates) {
    const { computation, usedBy } = figures.config;
    if (usedBy) continue;
    if (!computation) {
      sheets.push(
        ...templateSheets(figures, ctx, { sharesScopeTabs: perScope.length > 1 && perScope.includes(figures) }),
      );
      headline.push(...templateHeadline(figures, forbund.years[String(period.year)]?.targets));
      continue;
    }
    if (!isComputationName(computation.name)) continue;
    const context: ComputationContext = {
      input,
      source,
      template: figures.template,
      inputs: computation.inputs,
      figuresOf,
      sheet: ctx,
    };
    const result = run(computation.name, context);
    (computed as Record<string, unknown>)[computation.name] = result.data;
    sheets.push(...result.sheets);
    headline.push(...result.headline);
    notes.push(...result.notes);
  }
  const checks = templates.flatMap(templateChecks);
  if (published)
    notes.push(
      `Publicerad version: antal från 1 till ${SUPPRESSION.limit} visas som ”${SUPPRESSION.mark}”, liksom så ` +
        `många andra celler att inget sådant värde kan räknas fram eller ringas in – med mallarnas regler ` +
        `(summor och att en del inte kan vara större än det hela), gruppernas och förbundets summor och att ` +
        `antal är hela tal från 0, var för sig eller tillsammans: varje dolt litet antal kan vara minst ` +
        `${SUPPRESSION.limit + 1} olika värden för den som bara ser tabellerna. Andelar som bygger på dolda ` +
        `antal visas inte heller. Fritextkommentarer ingår inte.`,
    );
  const completenessRows = completeness(input, sources.used());
  const unreported = completenessRows.filter((r) => r.used.length === 0 && r.period.startsWith(String(period.year)));
  if (unreported.length > 0)
    notes.push(
      `${unreported.length} inrapporteringar för ${period.year} ` +
        `saknas${input.basis === 'approved' ? ' eller är inte godkända' : ''}; se bladet Inlämningar.`,
    );
  const consolidation: Consolidation = {
    meta,
    templates,
    computed,
    headline: groupByScope(headline),
    checks,
    completeness: completenessRows,
    notes,
    sheets: [],
  };
  consolidation.sheets = [
    summarySheet(consolidation, ctx),
    ...sheets,
    checkSheet(consolidation, ctx),
    submissionsSheet(consolidation, ctx),
  ];
  return consolidation;
}

function run<K extends ComputationName>(name: K, context: ComputationContext): ComputationResult<ComputationData[K]> {
  return COMPUTATIONS[name].run(context) as ComputationResult<ComputationData[K]>;
}

/** Every sheet of the workbook, Om rapporten last. */
export function reportSheets(c: Consolidation, info: Parameters<typeof aboutSheet>[1]): ReportSheet[] {
  return [...c.sheets, aboutSheet(c, info)];
}
