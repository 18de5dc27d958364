import {
  findTemplate,
  periodsOfYear,
  registry as shippedRegistry,
  resolveTemplate,
  scopesOf,
  templatesForForbund,
  type ForbundConfig,
  type Period,
  type Registry,
  type ResolvedTemplate,
  type Scope,
} from '../../shared';

/** One workbook to generate: a template resolved for a förbund, a period of its kind and a scope. */
export interface TemplateCase {
  name: string;
  template: ResolvedTemplate;
  forbund: ForbundConfig;
  period: Period;
  scope: Scope;
}

/**
 * Every template every förbund collects, for every scope it can be reported for, with the
 * periods of the template's kind taken in turn. The year is `preferredYear` where the template
 * is valid then, else its first valid year (some exist only for years with configuration, e.g.
 * the initiatives of 2024). Picks up new registry templates without edits here.
 */
export function templateCases(preferredYear = 2023, registry: Registry = shippedRegistry): TemplateCase[] {
  const cases: TemplateCase[] = [];
  for (const forbund of registry.forbund) {
    for (const id of forbund.templates) {
      const firstYear = Math.min(...registry.templates.filter((t) => t.id === id).map((t) => t.years.from));
      const year = findTemplate(registry, id, preferredYear) ? preferredYear : firstYear;
      const definition = templatesForForbund(registry, forbund, year).find((t) => t.id === id);
      if (!definition) continue;
      const template = resolveTemplate(definition, forbund, year);
      const periods = periodsOfYear(year, definition.period.kind);
      scopesOf(definition, forbund).forEach((scope, i) => {
        const period = periods[i % periods.length]!;
        cases.push({
          name: `${definition.id}@${definition.version} ${forbund.id} ${period.id} ${scope.id}`,
          template,
          forbund,
          period,
          scope,
        });
      });
    }
  }
  return cases;
}

/** A file-name-safe stem for a case. */
export function caseStem(c: TemplateCase): string {
  return `${c.template.definition.id}-${c.forbund.id}-${c.period.id}-${c.scope.id}`;
}
