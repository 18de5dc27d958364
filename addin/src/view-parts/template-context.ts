import type { Registry } from '../../../shared/config/registry';
import { describePeriod, periodsOfYear, requirePeriod, type Period } from '../../../shared/model/period';
import { resolveTemplate, type ResolvedTemplate } from '../../../shared/model/resolve';
import { findForbund } from '../../../shared/model/selectors';
import type { TemplateDefinition } from '../../../shared/model/template-schema';
import { PaneError } from '../api/api-error';
import type { ApiScope } from '../../../shared/api';

/** What the user chose to report: a template for a period and a scope, resolved for validation. */
export interface ChosenTarget {
  definition: TemplateDefinition;
  template: ResolvedTemplate;
  period: Period;
  scope: ApiScope;
}

export function periodOptions(definition: TemplateDefinition, year: number): { value: string; label: string }[] {
  return periodsOfYear(year, definition.period.kind).map((p) => ({
    value: p.id,
    label: describePeriod(p, definition.period.cumulative),
  }));
}

/** The years offered: this year and the three before (reports are often late, corrections later still). */
export function yearOptions(now: Date): number[] {
  const year = now.getFullYear();
  return [year, year - 1, year - 2, year - 3];
}

/** The template as the pane validates it: the same resolution the API uses, from the shared registry. */
export function resolveTarget(
  registry: Registry,
  forbundId: string,
  definition: TemplateDefinition,
  periodId: string,
  scope: ApiScope,
): ChosenTarget {
  const forbund = findForbund(registry, forbundId);
  if (!forbund)
    throw new PaneError(
      'unknown-forbund',
      'Förbundet finns inte i den här versionen av tillägget. Ladda om tillägget.',
    );
  const period = requirePeriod(periodId);
  return { definition, template: resolveTemplate(definition, forbund, period.year), period, scope };
}
